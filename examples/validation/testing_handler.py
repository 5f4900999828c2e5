import json

import pytest

from examples.validation.getting_started import handler
from powerkit.testing import lambda_context
from powerkit.validation import SchemaValidationError


def api_event(body: dict) -> dict:
    return {"body": json.dumps(body), "httpMethod": "POST", "path": "/orders"}


def test_accepts_a_valid_order() -> None:
    response = handler(api_event({"order_id": "ord-1", "quantity": 2}), lambda_context())
    assert response == {"statusCode": 201, "body": "2 x ord-1"}


def test_rejects_a_zero_quantity() -> None:
    with pytest.raises(SchemaValidationError) as caught:
        handler(api_event({"order_id": "ord-1", "quantity": 0}), lambda_context())
    assert caught.value.path == "$.quantity"
