"""Idempotency workloads: import time, and a DynamoDB-backed handler on a local moto server.

Both sides start moto's ``ThreadedMotoServer`` in-process on 127.0.0.1, create the same
table, and decorate the same handler with their ``@idempotent`` on a DynamoDB store built as
users build it (``DynamoDBPersistenceLayer("bench")``: each library makes its own boto3
client, pointed at the server by ``AWS_ENDPOINT_URL_DYNAMODB``), over real HTTP. Each program prints one number:

- ``*.first_call_ms`` / ``*.repeat_call_ms``: median wall time of one invocation with a new
  key / with an already completed key (includes moto's server-side work);
- ``*.first_call_cpu_us`` / ``*.repeat_call_cpu_us``: median CPU time of the *calling thread*
  per invocation (``time.thread_time``): the client-side cost, without moto's server thread;
- ``*.first_call_api_calls`` / ``*.repeat_call_api_calls``: DynamoDB API calls per invocation,
  counted with a botocore ``before-call`` hook.

Most of that client CPU is botocore's (serializing, signing, HTTP, parsing: the same code on
both sides), so ``*.overhead_us`` isolates each library's own work: the same handler on a
stub DynamoDB client that answers in-process (no botocore pipeline, no HTTP).
"""

from __future__ import annotations

import textwrap

from benchmarks.harness import Workload, import_time

_SERVER = """
import logging, os, socket, statistics, time
logging.getLogger("werkzeug").disabled = True  # one access-log line per request otherwise
for _name, _value in [("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                      ("AWS_DEFAULT_REGION", "us-east-1"), ("AWS_REGION", "us-east-1")]:
    os.environ.setdefault(_name, _value)
from moto.server import ThreadedMotoServer
with socket.socket() as _s:
    _s.bind(("127.0.0.1", 0))
    _port = _s.getsockname()[1]
_server = ThreadedMotoServer(ip_address="127.0.0.1", port=_port, verbose=False)
_server.start()
os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = f"http://127.0.0.1:{_port}"  # both stores use it
import boto3
boto3.session.Session().client("dynamodb", region_name="us-east-1").create_table(
    TableName="bench",
    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
    BillingMode="PAY_PER_REQUEST",
)

class Context:
    function_name = "bench"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:bench"
    memory_limit_in_mb = 128
    aws_request_id = "4f1d0a3c-0000-4000-8000-000000000000"
    log_group_name = "/aws/lambda/bench"
    log_stream_name = "2024/01/01/[$LATEST]abc"
    def get_remaining_time_in_millis(self):
        return 300000
context = Context()
"""

_POWERKIT = """
from powerkit.idempotency import DynamoDBPersistenceLayer, IdempotencyConfig, idempotent
store = DynamoDBPersistenceLayer("bench")
"""

_PEER = """
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer, IdempotencyConfig, idempotent,
)
store = DynamoDBPersistenceLayer(table_name="bench")
"""

_HANDLER = """
_calls = [0]
def _count(**_):
    _calls[0] += 1
store.client.meta.events.register("before-call.dynamodb", _count)

@idempotent(persistence_store=store, config=IdempotencyConfig(event_key_jmespath="order_id"))
def handler(event, context):
    return {"statusCode": 200, "body": event["order_id"], "items": event["items"]}

def event(key):
    return {"order_id": key, "items": [{"sku": "A-1", "qty": 2}, {"sku": "B-7", "qty": 1}]}

for _i in range(30):  # warm up both the client and the server
    handler(event(f"warm-{_i}"), context)
    handler(event(f"warm-{_i}"), context)
handler(event("repeat"), context)
"""

_MEASURE = """
_samples = []
for _i in range({number}):
    _key = {key}
    _calls[0] = 0
    _wall, _cpu = time.perf_counter(), time.thread_time()
    handler(event(_key), context)
    _cpu, _wall = time.thread_time() - _cpu, time.perf_counter() - _wall
    _samples.append({metric})
print(statistics.median(_samples))
"""

_KEYS = {"first_call": 'f"new-{_i}"', "repeat_call": '"repeat"'}
_METRICS = {
    "ms": ("_wall * 1000", "ms"),
    "cpu_us": ("_cpu * 1e6", "us"),
    "api_calls": ("_calls[0]", "calls"),
}
_TARGETS = {"ms": None, "cpu_us": 0.8, "api_calls": 1.0}


def _program(side: str, key: str, metric: str, number: int = 200) -> str:
    measure = _MEASURE.format(number=number, key=_KEYS[key], metric=_METRICS[metric][0])
    return textwrap.dedent(_SERVER) + textwrap.dedent(side) + _HANDLER + measure


_STUB = """
import os, statistics, time
for _name, _value in [("AWS_DEFAULT_REGION", "us-east-1"), ("AWS_REGION", "us-east-1")]:
    os.environ.setdefault(_name, _value)
from botocore.exceptions import ClientError

class _ConditionFailed(ClientError):
    pass

class StubClient:
    \"\"\"Answers PutItem/UpdateItem/GetItem/DeleteItem from a dict, like DynamoDB would.\"\"\"
    meta = None  # no botocore event system (the peer tolerates that)

    class exceptions:
        ConditionalCheckFailedException = _ConditionFailed

    def __init__(self):
        self.items = {}

    def _key(self, item):
        return item["id"]["S"]

    def put_item(self, TableName, Item, **kwargs):
        key = self._key(Item)
        if "ReturnValuesOnConditionCheckFailure" in kwargs and key in self.items:
            error = {"Error": {"Code": "ConditionalCheckFailedException", "Message": "no"}}
            error["Item"] = self.items[key]
            raise _ConditionFailed(error, "PutItem")
        self.items[key] = Item
        return {}

    def update_item(self, TableName, Key, UpdateExpression, ExpressionAttributeNames,
                    ExpressionAttributeValues, **kwargs):
        item = self.items[self._key(Key)]
        for part in UpdateExpression.removeprefix("SET ").split(","):
            name, value = (side.strip() for side in part.split("="))
            item[ExpressionAttributeNames[name]] = ExpressionAttributeValues[value]
        return {}

    def get_item(self, TableName, Key, **kwargs):
        item = self.items.get(self._key(Key))
        return {} if item is None else {"Item": item}

    def delete_item(self, TableName, Key, **kwargs):
        self.items.pop(self._key(Key), None)
        return {}

client = StubClient()
_calls = [0]
"""

_CONTEXT = "class Context:" + _SERVER.split("class Context:")[1]


def _overhead(side: str, key: str, number: int = 3000) -> str:
    store = side.replace('("bench")', '("bench", boto3_client=client)').replace(
        'table_name="bench")', 'table_name="bench", boto3_client=client)'
    )
    measure = _MEASURE.format(number=number, key=_KEYS[key], metric="_cpu * 1e6")
    handler = _HANDLER.split(", _count)\n")[1]  # no call counting: the stub has no hooks
    return (
        textwrap.dedent(_STUB)
        + textwrap.dedent(_CONTEXT)
        + textwrap.dedent(store)
        + handler
        + measure
    )


WORKLOADS = [
    Workload(
        "idempotency.import",
        import_time("powerkit.idempotency"),
        import_time("aws_lambda_powertools.utilities.idempotency"),
        "ms",
        target=0.2,
    ),
    *(
        Workload(
            f"idempotency.{key}_{metric}",
            _program(_POWERKIT, key, metric),
            _program(_PEER, key, metric),
            _METRICS[metric][1],
            target=_TARGETS[metric],
        )
        for key in ("first_call", "repeat_call")
        for metric in ("ms", "cpu_us", "api_calls")
    ),
    *(
        Workload(
            f"idempotency.{key}_overhead_us",
            _overhead(_POWERKIT, key),
            _overhead(_PEER, key),
            "us",
            target=0.8,
        )
        for key in ("first_call", "repeat_call")
    ),
]
