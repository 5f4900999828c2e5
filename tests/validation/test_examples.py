"""The validation docs examples run and do what the page says."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import pytest

from powerkit.testing import lambda_context
from powerkit.validation import SchemaValidationError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "validation"


def run(name: str) -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLES / name))


def test_getting_started_validates_body_and_response() -> None:
    """The decorated handler gets the body with defaults; invalid orders are rejected."""
    handler = run("getting_started.py")["handler"]
    event = {"body": json.dumps({"order_id": "ord-7", "quantity": 3})}
    assert handler(event, lambda_context()) == {"statusCode": 201, "body": "3 x ord-7"}
    with pytest.raises(SchemaValidationError, match=r"at \$\.order_id: must match pattern"):
        handler({"body": json.dumps({"order_id": "7", "quantity": 3})}, lambda_context())


def test_validate_function_returns_400_without_leaking_the_password() -> None:
    """validate() errors become a 400 naming the field and rule."""
    handler = run("validate_function.py")["handler"]
    ok = handler({"body": json.dumps({"email": "a@b.co", "password": "x" * 12})}, None)
    assert ok == {"statusCode": 200, "body": '{"welcome": "a@b.co"}'}
    bad = handler({"body": json.dumps({"email": "a@b.co", "password": "short"})}, None)
    assert bad["statusCode"] == 400
    assert json.loads(bad["body"]) == {
        "error": "must be longer than or equal to 12 characters",
        "field": "$.password",
        "rule": "minLength",
    }


def test_schema_file_example_sums_sqs_orders() -> None:
    """The schema file is loaded and each SQS body validated."""
    handler = run("schema_file.py")["handler"]
    body = {"order_id": "o", "items": [{"sku": "a", "price": 2.5}, {"sku": "b", "price": 1}]}
    event = {"Records": [{"body": json.dumps(body)}, {"body": json.dumps(body)}]}
    assert handler(event, None) == {"orders": 2, "total": 7.0}
    body["items"] = []
    with pytest.raises(
        SchemaValidationError, match=r"at \$\[0\]\.items: must contain at least 1 items"
    ):
        handler({"Records": [{"body": json.dumps(body)}]}, None)


def test_custom_formats_example() -> None:
    """Regex and function formats accept and reject as documented."""
    is_valid = run("custom_formats.py")["is_valid"]
    assert is_valid({"sku": "ABC-1234", "size": "42"})
    assert not is_valid({"sku": "abc-1234"})
    assert not is_valid({"size": "41"})


def test_error_details_example_prints_path_rule_and_redacted_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The printed details match the comments in the example."""
    run("error_details.py")
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["$.user", "required", "{'name': 'Ann', 'age': 30, 'password': '***'}"]
    assert lines[3] == (
        "Event failed schema validation at $.user: must contain ['email'] properties "
        "(rule 'required', value {'name': 'Ann', 'age': 30, 'password': '***'}); "
        "send data that matches the schema, or relax the schema."
    )


def test_testing_example_passes() -> None:
    """The tests shown under 'Testing your code' pass."""
    module = run("testing_handler.py")
    module["test_accepts_a_valid_order"]()
    module["test_rejects_a_zero_quantity"]()
