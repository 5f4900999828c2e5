"""Import budget: powerkit.batch stays light, and heavy modules load only when used."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

HEAVY = ("boto3", "botocore", "pydantic", "fastjsonschema", "aws_xray_sdk")


def loaded_after(code: str) -> set[str]:
    program = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_import_loads_no_heavy_dependency() -> None:
    """import powerkit.batch loads no SDK, pydantic, asyncio or event classes."""
    modules = loaded_after("import powerkit.batch")
    assert not {m.partition(".")[0] for m in modules} & set(HEAVY)
    assert "asyncio" not in modules
    assert "concurrent.futures" not in modules
    assert "powerkit.events" not in modules
    assert "powerkit.logging" not in modules


def test_sync_sqs_batch_loads_only_what_it_uses() -> None:
    """Processing an SQS batch imports the SQS event class, not pydantic/asyncio/logging."""
    modules = loaded_after(
        """
        from powerkit.batch import BatchProcessor, process_partial_response
        event = {"Records": [{"messageId": "m1", "body": "x"}]}
        assert process_partial_response(event, lambda r: r.body, BatchProcessor()) == {
            "batchItemFailures": []
        }
        """
    )
    assert not {m.partition(".")[0] for m in modules} & set(HEAVY)
    assert "powerkit.events._sqs" in modules
    assert "powerkit.events._kinesis" not in modules
    assert "asyncio" not in modules
    assert "powerkit.logging" not in modules


def test_model_loads_pydantic_only_when_given() -> None:
    """pydantic is imported when a processor is built with model=."""
    modules = loaded_after(
        """
        from powerkit.batch import BatchProcessor
        BatchProcessor(model=dict)
        """
    )
    assert "pydantic" in modules
