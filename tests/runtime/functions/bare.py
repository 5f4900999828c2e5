"""Records which modules the runtime client loaded before this module (imports nothing)."""

import sys

LOADED_BEFORE = sorted(sys.modules)


def handler(event, context):  # type: ignore[no-untyped-def]
    """The module names present when this module started loading."""
    return LOADED_BEFORE
