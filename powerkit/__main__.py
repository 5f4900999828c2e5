"""``python -m powerkit`` runs the ``powerkit`` command."""

from powerkit._cli import main

raise SystemExit(main())
