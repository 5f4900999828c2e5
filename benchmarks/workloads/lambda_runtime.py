"""Cold-start import cost on top of the Lambda runtime client: what a function actually pays.

A plain ``import_time`` starts from a bare interpreter, so it also charges each library for
standard modules (logging, json, re, threading, decimal, traceback ...) that the runtime has
already loaded before it imports the handler module. Here every program first imports
exactly the standard-library modules present in ``sys.modules`` when awslambdaric starts
loading a handler; what is left is the cost the function adds to its cold start.

How ``RUNTIME_MODULES`` was obtained: ``tests/runtime/functions/bare.py`` records
``sorted(sys.modules)`` as the first thing it does; it was run by ``python -m awslambdaric
bare.handler`` (awslambdaric 4.2.2, CPython 3.11, through the Runtime API stand-in of
``tests/runtime``) with ``AWS_EXECUTION_ENV=AWS_Lambda_python3.12`` as on the python3.12+
managed runtimes, where the client polls ``/next`` from a thread (that adds
``concurrent.futures``, ``queue`` and ``heapq``); the list keeps the standard-library names
(``sys.stdlib_module_names``) and drops ``__main__``. awslambdaric itself, its compiled
``runtime_client`` and ``simplejson`` are loaded too, but are not importable by the peer's
interpreter and are not imported by either library, so they change neither side.
``tests/runtime/test_prelude.py`` re-derives the list and fails when it drifts.
"""

from __future__ import annotations

from benchmarks.harness import Workload, import_time

RUNTIME_MODULES = [
    "__future__",
    "_abc",
    "_codecs",
    "_collections",
    "_collections_abc",
    "_decimal",
    "_frozen_importlib",
    "_frozen_importlib_external",
    "_functools",
    "_heapq",
    "_imp",
    "_io",
    "_json",
    "_operator",
    "_queue",
    "_signal",
    "_sitebuiltins",
    "_sre",
    "_stat",
    "_string",
    "_thread",
    "_warnings",
    "_weakref",
    "_weakrefset",
    "abc",
    "atexit",
    "builtins",
    "codecs",
    "collections",
    "collections.abc",
    "concurrent",
    "concurrent.futures",
    "concurrent.futures._base",
    "concurrent.futures.thread",
    "contextlib",
    "copyreg",
    "decimal",
    "encodings",
    "encodings.aliases",
    "encodings.utf_8",
    "enum",
    "functools",
    "genericpath",
    "heapq",
    "importlib",
    "importlib._abc",
    "importlib._bootstrap",
    "importlib._bootstrap_external",
    "importlib.machinery",
    "importlib.util",
    "io",
    "itertools",
    "json",
    "json.decoder",
    "json.encoder",
    "json.scanner",
    "keyword",
    "linecache",
    "logging",
    "marshal",
    "math",
    "numbers",
    "operator",
    "os",
    "os.path",
    "posix",
    "posixpath",
    "queue",
    "re",
    "re._casefix",
    "re._compiler",
    "re._constants",
    "re._parser",
    "reprlib",
    "runpy",
    "site",
    "stat",
    "string",
    "sys",
    "textwrap",
    "threading",
    "time",
    "token",
    "tokenize",
    "traceback",
    "types",
    "warnings",
    "weakref",
    "zipimport",
]

# One line: harness.import_time dedents its template, so the prelude must not span lines.
PRELUDE = "import " + ", ".join(RUNTIME_MODULES)

_PAIRS = [
    ("logging", "powerkit.logging", "aws_lambda_powertools.logging"),
    ("metrics", "powerkit.metrics", "aws_lambda_powertools.metrics"),
    ("tracing", "powerkit.tracing", "aws_lambda_powertools.tracing"),
    ("batch", "powerkit.batch", "aws_lambda_powertools.utilities.batch"),
    ("events", "powerkit.events", "aws_lambda_powertools.utilities.data_classes"),
]

WORKLOADS = [
    Workload(
        f"lambda_runtime.import_{name}",
        import_time(ours, prelude=PRELUDE),
        import_time(theirs, prelude=PRELUDE),
        "ms",
    )
    for name, ours, theirs in _PAIRS
] + [
    # The usual trio of an observed function, imported together.
    Workload(
        "lambda_runtime.import_observability",
        import_time(", ".join(p[1] for p in _PAIRS[:3]), prelude=PRELUDE),
        import_time(", ".join(p[2] for p in _PAIRS[:3]), prelude=PRELUDE),
        "ms",
    ),
]
