"""Event data classes: cold import, wrapping an SQS batch, reading an API Gateway request.

Both sides wrap the same raw dicts and read the same fields; the baseline reads the plain
dicts by hand (what a handler without data classes does).
"""

from benchmarks.harness import Workload, import_time, per_call

# An SQS event of 10 records shaped like a real delivery (sqsEvent.json sample).
_SQS_SETUP = """
import json
record = {
    "messageId": "059f36b4-87a3-44ab-83d2-661975830a7d",
    "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...",
    "body": "Test message.",
    "attributes": {
        "ApproximateReceiveCount": "1",
        "SentTimestamp": "1545082649183",
        "SenderId": "AIDAIENQZJOLO23YVJ4VO",
        "ApproximateFirstReceiveTimestamp": "1545082649185",
    },
    "messageAttributes": {},
    "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
    "eventSource": "aws:sqs",
    "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:my-queue",
    "awsRegion": "us-east-2",
}
raw = {"Records": [dict(record, messageId=str(i)) for i in range(10)]}
"""

# Reads the body, message id and the attributes object (plus the receive count from it,
# which powerkit returns as an int and the peer as the raw string) of every record.
_SQS_CALL = """
for r in SQSEvent(raw).records:
    r.body
    r.message_id
    r.attributes.approximate_receive_count
"""

_SQS_BASELINE_CALL = """
for r in raw["Records"]:
    r["body"]
    r["messageId"]
    int(r["attributes"]["ApproximateReceiveCount"])
"""

_APIGW_SETUP = """
import json, pathlib
raw = {
    "resource": "/orders/{id}",
    "path": "/orders/42",
    "httpMethod": "POST",
    "headers": {
        "Accept": "*/*",
        "Content-Type": "application/json",
        "Host": "abc.execute-api.eu-west-1.amazonaws.com",
        "User-Agent": "curl/8.0",
        "X-Amzn-Trace-Id": "Root=1-5e1b4151-5ac6c58f5e2b9e5a6c6e7f1e",
        "X-Forwarded-For": "203.0.113.1",
        "X-Forwarded-Port": "443",
        "X-Forwarded-Proto": "https",
    },
    "multiValueHeaders": {"Content-Type": ["application/json"]},
    "queryStringParameters": {"page": "2", "size": "10"},
    "multiValueQueryStringParameters": {"page": ["2"], "size": ["10"]},
    "pathParameters": {"id": "42"},
    "stageVariables": None,
    "requestContext": {"accountId": "123456789012", "apiId": "abc", "requestId": "r",
                       "stage": "prod", "identity": {"sourceIp": "203.0.113.1"}},
    "body": json.dumps({"item": "book", "quantity": 2, "tags": ["a", "b", "c"]}),
    "isBase64Encoded": False,
}
"""

# A fresh event per call, as every invocation brings one: header lookups in another case
# than sent, one query parameter, the JSON body.
_APIGW_CALL = """
event = APIGatewayProxyEvent(raw)
event.headers.get("content-type")
event.headers.get("x-forwarded-for")
event.get_query_string_value("page")
event.json_body
"""

_APIGW_BASELINE_CALL = """
headers = {k.lower(): v for k, v in raw["headers"].items()}
headers.get("content-type")
headers.get("x-forwarded-for")
(raw.get("queryStringParameters") or {}).get("page")
json.loads(raw["body"])
"""

_PEER = "from aws_lambda_powertools.utilities.data_classes import {name}\n"
_OURS = "from powerkit.events import {name}\n"

WORKLOADS = [
    Workload(
        name="events.import",
        powerkit=import_time("powerkit.events"),
        peer=import_time("aws_lambda_powertools.utilities.data_classes"),
        unit="ms",
        target=0.3,
        baseline=import_time("json"),
    ),
    Workload(
        name="events.import_sqs",
        powerkit=import_time("powerkit.events; powerkit.events.SQSEvent"),
        peer=import_time("aws_lambda_powertools.utilities.data_classes.sqs_event"),
        unit="ms",
        target=0.3,
    ),
    Workload(
        name="events.sqs_10_records",
        powerkit=per_call(_OURS.format(name="SQSEvent") + _SQS_SETUP, _SQS_CALL),
        peer=per_call(_PEER.format(name="SQSEvent") + _SQS_SETUP, _SQS_CALL),
        unit="us",
        target=0.5,
        baseline=per_call(_SQS_SETUP, _SQS_BASELINE_CALL),
    ),
    Workload(
        name="events.apigw_v1_request",
        powerkit=per_call(_OURS.format(name="APIGatewayProxyEvent") + _APIGW_SETUP, _APIGW_CALL),
        peer=per_call(_PEER.format(name="APIGatewayProxyEvent") + _APIGW_SETUP, _APIGW_CALL),
        unit="us",
        target=0.5,
        baseline=per_call(_APIGW_SETUP, _APIGW_BASELINE_CALL),
    ),
]
