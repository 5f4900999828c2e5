"""The benchmark prelude is what awslambdaric has loaded before it imports a handler."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.workloads.lambda_runtime import RUNTIME_MODULES
from tests.runtime.conftest import StartFunction

_PRINT_MODULES = "import json, sys; print(json.dumps(sorted(sys.modules)))"


@pytest.mark.skipif(
    sys.version_info[:2] != (3, 11),
    reason="RUNTIME_MODULES was derived on CPython 3.11; other versions load other internals",
)
def test_runtime_modules_match_what_the_runtime_loaded_before_the_handler(
    start_function: StartFunction,
) -> None:
    """Re-derive the list the way the workload's docstring says; it must not have drifted."""
    function = start_function("bare.handler", env={"AWS_EXECUTION_ENV": "AWS_Lambda_python3.12"})
    loaded = function.invoke({}).json()
    function.stop()

    stdlib = {m for m in loaded if m.split(".")[0] in sys.stdlib_module_names} - {"__main__"}
    # What the interpreter loads by itself (site, .pth files) differs between installations;
    # what the runtime client adds on top of it must all be in the list, and nothing else.
    startup = set(json.loads(subprocess.check_output([sys.executable, "-c", _PRINT_MODULES])))
    assert stdlib - startup <= set(RUNTIME_MODULES)
    assert set(RUNTIME_MODULES) <= stdlib | startup
    assert {"logging", "traceback", "decimal", "concurrent.futures"} <= stdlib - startup
    assert "bare" in loaded
    assert "awslambdaric.bootstrap" in loaded
