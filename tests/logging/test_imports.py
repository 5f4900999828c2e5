"""``import powerkit.logging`` stays light: checked in a fresh interpreter via ``sys.modules``."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = {"boto3", "botocore", "pydantic", "fastjsonschema", "aws_xray_sdk"}
# Needed only when a feature is used: correlation paths, the handler decorator, buffering.
LAZY = {"jmespath", "powerkit.jmespath", "powerkit.middleware", "asyncio", "powerkit._scope"}


def _modules_after(statement: str) -> set[str]:
    program = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_import_loads_no_heavy_or_lazy_module():
    """Importing the package loads no SDK and none of the use-time dependencies."""
    loaded = _modules_after("import powerkit.logging")
    assert not {name.split(".")[0] for name in loaded} & HEAVY
    assert not loaded & LAZY


def test_decorating_a_handler_loads_no_heavy_module():
    """Even a decorated handler with a correlation path stays clear of the SDKs."""
    loaded = _modules_after(
        "from powerkit.logging import Logger, correlation_paths\n"
        "logger = Logger(service='s')\n"
        "@logger.inject_lambda_context(correlation_id_path=correlation_paths.SQS)\n"
        "def handler(event, context):\n"
        "    logger.info('x')\n"
        "handler({'Records': [{'messageId': 'm'}]}, None)"
    )
    assert not {name.split(".")[0] for name in loaded} & HEAVY
