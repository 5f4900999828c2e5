import json
from typing import Any

from powerkit.validation import SchemaValidationError, envelopes, validate

SCHEMA = {
    "type": "object",
    "properties": {"email": {"type": "string", "format": "email"}, "password": {"minLength": 12}},
    "required": ["email", "password"],
}


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    try:
        signup = validate(event, SCHEMA, envelope=envelopes.API_GATEWAY_HTTP)
    except SchemaValidationError as error:
        # error.path, error.rule and error.value say what failed; secrets are hidden
        body = {"error": error.reason, "field": error.path, "rule": error.rule}
        return {"statusCode": 400, "body": json.dumps(body)}
    return {"statusCode": 200, "body": json.dumps({"welcome": signup["email"]})}
