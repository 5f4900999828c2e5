import json

import pytest

from examples.parser.getting_started import handler
from powerkit.parser import ParserValidationError
from powerkit.testing import lambda_context


def sqs_event(*bodies: dict) -> dict:
    return {"Records": [{"messageId": str(i), "body": json.dumps(b)} for i, b in enumerate(bodies)]}


def test_accepts_orders() -> None:
    event = sqs_event({"order_id": "a", "quantity": 1}, {"order_id": "b", "quantity": 2})
    assert handler(event, lambda_context()) == {"accepted": ["a", "b"]}


def test_names_the_failing_message() -> None:
    with pytest.raises(ParserValidationError, match="SqsEnvelope record 1"):
        handler(sqs_event({"order_id": "a", "quantity": 1}, {"order_id": "b"}), lambda_context())
