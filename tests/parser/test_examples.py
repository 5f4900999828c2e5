"""The parser docs examples run and do what the page says."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import pytest

from powerkit.parser import ParserValidationError
from powerkit.testing import lambda_context

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "parser"


def run(name: str) -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLES / name))


def load(shared_dir: Path, name: str) -> Any:
    return json.loads((shared_dir / "events" / "powertools" / name).read_text())


def test_getting_started_parses_sqs_orders() -> None:
    """Each SQS body becomes an Order; a bad quantity is rejected."""
    handler = run("getting_started.py")["handler"]
    event = {"Records": [{"body": '{"order_id": "a", "quantity": 1}'}]}
    assert handler(event, lambda_context()) == {"accepted": ["a"]}
    with pytest.raises(ParserValidationError, match="greater than 0"):
        handler({"Records": [{"body": '{"order_id": "a", "quantity": 0}'}]}, lambda_context())


def test_parse_function_answers_400_with_field_names(shared_dir: Path) -> None:
    """Invalid bodies give a 400 listing the invalid fields."""
    handler = run("parse_function.py")["handler"]
    event = load(shared_dir, "apiGatewayProxyV2Event.json")
    event["body"] = json.dumps({"name": "Ann", "email": "ann@example.com"})
    event["isBase64Encoded"] = False
    assert handler(event, None) == {"statusCode": 200, "body": '{"hello": "Ann"}'}
    event["body"] = json.dumps({"name": "", "email": "nope"})
    assert handler(event, None) == {"statusCode": 400, "body": '{"invalid": ["name", "email"]}'}


def test_builtin_models_example_lists_objects(shared_dir: Path) -> None:
    """The S3 example formats bucket, key and size from the real sample."""
    handler = run("builtin_models.py")["handler"]
    assert handler(load(shared_dir, "s3Event.json"), None) == [
        "lambda-artifacts-deafc19498e3f2df/b21b84d653bb07b05b1e6b33684dc11b (1305107 bytes)"
    ]


def test_extending_models_example() -> None:
    """A subclassed EventBridge model types the detail."""
    handler = run("extending_models.py")["handler"]
    event = {
        "version": "0", "id": "1", "source": "shop", "account": "1", "region": "eu-west-1",
        "time": "2024-05-01T10:00:00Z", "resources": [], "detail-type": "OrderPlaced",
        "detail": {"order_id": "o-9", "total": 12.5},
    }  # fmt: skip
    assert handler(event, None) == "shop: order o-9 for 12.50"
    with pytest.raises(ParserValidationError, match="detail-type"):
        handler({**event, "detail-type": "OrderCancelled"}, None)


def test_custom_envelope_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The custom envelope prints the parsed readings."""
    run("custom_envelope.py")
    assert capsys.readouterr().out == "[Reading(sensor='a', celsius=21.5)]\n"


def test_dynamodb_example(shared_dir: Path) -> None:
    """New and old images are parsed for each change."""
    handler = run("dynamodb_images.py")["handler"]
    event = load(shared_dir, "dynamoStreamEvent.json")
    for record in event["Records"]:
        for key in ("NewImage", "OldImage"):
            if key in record["dynamodb"]:
                record["dynamodb"][key]["name"] = {"S": f"{key}-{record['eventID']}"}
                record["dynamodb"][key].setdefault("id", {"N": "1"})
    result = handler(event, None)
    assert result[0] == "None -> NewImage-1"
    assert result[1] == "OldImage-2 -> NewImage-2"


def test_testing_example_passes() -> None:
    """The tests shown under 'Testing your code' pass."""
    module = run("testing_handler.py")
    module["test_accepts_orders"]()
    module["test_names_the_failing_message"]()
