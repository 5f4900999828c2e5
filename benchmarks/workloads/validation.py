"""Validation: ``validate()`` of an API Gateway REST event through its envelope, and import time.

Both sides validate the JSON body of the same event against the same dict schema, passed
on every call the way a handler does (the peer compiles the schema on every call; powerkit
compiles once and finds it again by content).
"""

from __future__ import annotations

import json

from benchmarks.harness import Workload, import_time, per_call

SCHEMA = {
    "type": "object",
    "properties": {
        "message": {"type": "string", "minLength": 1},
        "username": {"type": "string", "maxLength": 60},
        "priority": {"type": "integer", "minimum": 0, "default": 3},
    },
    "required": ["message", "username"],
}

EVENT = {
    "resource": "/{proxy+}",
    "path": "/messages",
    "httpMethod": "POST",
    "headers": {"Content-Type": "application/json", "Host": "api.example.com"},
    "multiValueHeaders": {"Content-Type": ["application/json"], "Host": ["api.example.com"]},
    "queryStringParameters": None,
    "pathParameters": {"proxy": "messages"},
    "stageVariables": None,
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "1234567890",
        "stage": "prod",
        "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        "httpMethod": "POST",
        "resourcePath": "/{proxy+}",
        "identity": {"sourceIp": "127.0.0.1", "userAgent": "curl/8"},
    },
    "body": json.dumps({"message": "hello world", "username": "lessa"}),
    "isBase64Encoded": False,
}

_SETUP = f"""
import json
{{imports}}
schema = json.loads({json.dumps(json.dumps(SCHEMA))})
event = json.loads({json.dumps(json.dumps(EVENT))})
assert validate(event, schema, envelope=envelopes.API_GATEWAY_REST)["message"] == "hello world"
"""

WORKLOADS: list[Workload] = [
    Workload(
        name="validation.validate_api_gateway",
        powerkit=per_call(
            _SETUP.replace("{imports}", "from powerkit.validation import envelopes, validate"),
            "validate(event, schema, envelope=envelopes.API_GATEWAY_REST)",
            number=10_000,
        ),
        peer=per_call(
            _SETUP.replace(
                "{imports}",
                "from aws_lambda_powertools.utilities.validation import envelopes, validate",
            ),
            "validate(event, schema, envelope=envelopes.API_GATEWAY_REST)",
            number=500,
        ),
        unit="us",
        target=0.02,
        baseline=per_call(
            "import json, fastjsonschema\n"
            + _SETUP.replace("{imports}", "").split("assert")[0]
            + "check = fastjsonschema.compile(schema, use_default=True)\n",
            "check(json.loads(event['body']))",
            number=10_000,
        ),
    ),
    Workload(
        name="validation.import",
        powerkit=import_time("powerkit.validation"),
        peer=import_time("aws_lambda_powertools.utilities.validation"),
        unit="ms",
        target=0.5,
    ),
]
