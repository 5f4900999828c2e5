"""A correlation id's journey through real AWS APIs (moto server over HTTP): both functions'
log lines carry the same id."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from powerkit.correlation import correlate, instrument_boto3, uninstrument_boto3
from powerkit.logging import Logger
from powerkit.testing import (
    apigw_rest_event,
    capture_logs,
    eventbridge_event,
    kinesis_event,
    lambda_context,
    sqs_event,
)

boto3 = pytest.importorskip("boto3")
CID = "cid-" + uuid.uuid4().hex[:12]


@pytest.fixture
def aws(moto_server: str) -> Callable[[str], Any]:
    def client(service: str) -> Any:
        made = boto3.client(service, endpoint_url=moto_server, region_name="us-east-1")
        instrument_boto3(made)
        return made

    return client


@pytest.fixture
def logger() -> Logger:
    return Logger(service="journey")


def _handler(logger: Logger, body: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    @logger.inject_lambda_context
    @correlate
    def handler(event: Any, context: Any) -> Any:
        logger.info("handling")
        return body(event)

    return handler


def _sqs_event_from(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The Lambda event SQS would deliver for the received messages."""
    attributes = [
        {name: value["StringValue"] for name, value in m.get("MessageAttributes", {}).items()}
        for m in messages
    ]
    return sqs_event(bodies=[m["Body"] for m in messages], message_attributes=attributes)


def _correlation_ids(logs: list[dict[str, Any]]) -> set[Any]:
    return {line.get("correlation_id") for line in logs}


def test_api_to_sqs_to_worker(aws: Callable[[str], Any], logger: Logger) -> None:
    """An HTTP header's id reaches the SQS worker's log lines through a message attribute."""
    sqs = aws("sqs")
    queue = sqs.create_queue(QueueName=f"q-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    api = _handler(logger, lambda e: sqs.send_message(QueueUrl=queue, MessageBody='{"order": 1}'))
    worker = _handler(logger, lambda e: None)
    with capture_logs() as logs:
        api(apigw_rest_event(headers={"X-Correlation-Id": CID}), lambda_context())
        messages = sqs.receive_message(QueueUrl=queue, MessageAttributeNames=["All"])["Messages"]
        assert messages[0]["MessageAttributes"]["x-correlation-id"]["StringValue"] == CID
        worker(_sqs_event_from(messages), lambda_context())
    assert len(logs) == 2
    assert _correlation_ids(logs) == {CID}


def test_send_message_batch_tags_every_entry(aws: Callable[[str], Any], logger: Logger) -> None:
    """Each entry of a SendMessageBatch carries the id."""
    sqs = aws("sqs")
    queue = sqs.create_queue(QueueName=f"q-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    entries = [{"Id": str(n), "MessageBody": f"m{n}"} for n in range(3)]
    api = _handler(logger, lambda e: sqs.send_message_batch(QueueUrl=queue, Entries=entries))
    api(apigw_rest_event(headers={"x-correlation-id": CID}), lambda_context())
    messages = sqs.receive_message(
        QueueUrl=queue, MessageAttributeNames=["All"], MaxNumberOfMessages=10
    )["Messages"]
    assert len(messages) == 3
    assert {m["MessageAttributes"]["x-correlation-id"]["StringValue"] for m in messages} == {CID}


@pytest.mark.parametrize("raw", [False, True], ids=["envelope", "raw-delivery"])
def test_sns_to_sqs_to_worker(aws: Callable[[str], Any], logger: Logger, raw: bool) -> None:
    """Through SNS into SQS, with and without raw delivery, the worker logs the same id."""
    sns, sqs = aws("sns"), aws("sqs")
    topic = sns.create_topic(Name=f"t-{uuid.uuid4().hex[:8]}")["TopicArn"]
    queue = sqs.create_queue(QueueName=f"q-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    subscription = sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn)["SubscriptionArn"]
    if raw:
        sns.set_subscription_attributes(
            SubscriptionArn=subscription, AttributeName="RawMessageDelivery", AttributeValue="true"
        )
    api = _handler(logger, lambda e: sns.publish(TopicArn=topic, Message='{"order": 2}'))
    worker = _handler(logger, lambda e: None)
    with capture_logs() as logs:
        api(apigw_rest_event(headers={"x-correlation-id": CID}), lambda_context())
        messages = sqs.receive_message(QueueUrl=queue, MessageAttributeNames=["All"])["Messages"]
        worker(_sqs_event_from(messages), lambda_context())
    assert _correlation_ids(logs) == {CID}


def test_eventbridge_to_sqs_target_and_direct(aws: Callable[[str], Any], logger: Logger) -> None:
    """PutEvents carries the id in detail.metadata, read both from an SQS target and directly."""
    events, sqs = aws("events"), aws("sqs")
    queue = sqs.create_queue(QueueName=f"q-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    rule = f"r-{uuid.uuid4().hex[:8]}"
    events.put_rule(Name=rule, EventPattern=json.dumps({"source": ["shop.orders"]}))
    events.put_targets(Rule=rule, Targets=[{"Id": "q", "Arn": arn}])
    entry = {"Source": "shop.orders", "DetailType": "Order Placed", "Detail": '{"order": 3}'}
    api = _handler(logger, lambda e: events.put_events(Entries=[entry]))
    worker = _handler(logger, lambda e: None)
    with capture_logs() as logs:
        api(apigw_rest_event(headers={"x-correlation-id": CID}), lambda_context())
        messages = sqs.receive_message(QueueUrl=queue)["Messages"]
        delivered = json.loads(messages[0]["Body"])
        assert delivered["detail"] == {"order": 3, "metadata": {"correlation_id": CID}}
        worker(_sqs_event_from(messages), lambda_context())
        worker(eventbridge_event(detail=delivered["detail"]), lambda_context())
    assert _correlation_ids(logs) == {CID}
    assert len(logs) == 3


def test_kinesis_put_record_to_stream_consumer(aws: Callable[[str], Any], logger: Logger) -> None:
    """A JSON Kinesis record gets metadata.correlation_id; the stream consumer logs it."""
    kinesis = aws("kinesis")
    stream = f"s-{uuid.uuid4().hex[:8]}"
    kinesis.create_stream(StreamName=stream, ShardCount=1)
    api = _handler(
        logger,
        lambda e: kinesis.put_record(StreamName=stream, Data=b'{"order": 4}', PartitionKey="k"),
    )
    worker = _handler(logger, lambda e: None)
    with capture_logs() as logs:
        api(apigw_rest_event(headers={"x-correlation-id": CID}), lambda_context())
        shard = kinesis.describe_stream(StreamName=stream)["StreamDescription"]["Shards"][0][
            "ShardId"
        ]
        iterator = kinesis.get_shard_iterator(
            StreamName=stream, ShardId=shard, ShardIteratorType="TRIM_HORIZON"
        )
        records = kinesis.get_records(ShardIterator=iterator["ShardIterator"])["Records"]
        assert json.loads(records[0]["Data"]) == {"order": 4, "metadata": {"correlation_id": CID}}
        worker(kinesis_event(records=[records[0]["Data"]]), lambda_context())
    assert _correlation_ids(logs) == {CID}


def test_step_functions_input_carries_the_id(aws: Callable[[str], Any], logger: Logger) -> None:
    """StartExecution's JSON input gets metadata.correlation_id."""
    sfn = aws("stepfunctions")
    definition = json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": True}}})
    machine = sfn.create_state_machine(
        name=f"m-{uuid.uuid4().hex[:8]}",
        definition=definition,
        roleArn="arn:aws:iam::123456789012:role/sfn",
    )["stateMachineArn"]
    api = _handler(
        logger, lambda e: sfn.start_execution(stateMachineArn=machine, input='{"order": 5}')
    )
    api(apigw_rest_event(headers={"x-correlation-id": CID}), lambda_context())
    (execution,) = sfn.list_executions(stateMachineArn=machine)["executions"]
    described = sfn.describe_execution(executionArn=execution["executionArn"])
    assert json.loads(described["input"]) == {"order": 5, "metadata": {"correlation_id": CID}}


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


def test_lambda_invoke_puts_the_id_in_the_client_context(logger: Logger, moto_server: str) -> None:
    """Invoke's ClientContext carries the id and the called function logs it.

    moto needs Docker to run a Lambda function, so the request is captured at botocore's
    `before-send` hook (the wire request as built) and answered there; the second function is
    then run with the client context it would receive.
    """
    from botocore.awsrequest import AWSResponse

    client = boto3.client("lambda", endpoint_url=moto_server, region_name="us-east-1")
    instrument_boto3(client)
    sent: dict[str, str] = {}

    def capture(request: Any, **_: Any) -> AWSResponse:
        sent["ClientContext"] = request.headers["X-Amz-Client-Context"]
        return AWSResponse(request.url, 200, {}, _Raw(b"{}"))

    client.meta.events.register("before-send.lambda.Invoke", capture)
    api = _handler(logger, lambda e: client.invoke(FunctionName="other", Payload=b"{}"))
    callee = _handler(logger, lambda e: None)
    with capture_logs() as logs:
        api(apigw_rest_event(headers={"x-correlation-id": CID}), lambda_context())
        custom = json.loads(base64.b64decode(sent["ClientContext"]))["custom"]
        context = lambda_context(
            client_context=type(
                "ClientContext", (), {"custom": custom, "env": None, "client": None}
            )()
        )
        callee({}, context)
    assert custom == {"x-correlation-id": CID}
    assert _correlation_ids(logs) == {CID}


def test_no_hook_fires_without_instrumentation(moto_server: str, logger: Logger) -> None:
    """An uninstrumented client sends messages exactly as the caller wrote them."""
    sqs = boto3.client("sqs", endpoint_url=moto_server, region_name="us-east-1")
    queue = sqs.create_queue(QueueName=f"q-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    api = _handler(logger, lambda e: sqs.send_message(QueueUrl=queue, MessageBody="plain"))
    api(apigw_rest_event(headers={"x-correlation-id": CID}), lambda_context())
    (message,) = sqs.receive_message(QueueUrl=queue, MessageAttributeNames=["All"])["Messages"]
    assert "MessageAttributes" not in message


def test_uninstrumenting_a_client_removes_its_hooks(
    aws: Callable[[str], Any], logger: Logger
) -> None:
    """uninstrument_boto3(client) stops the injection."""
    sqs = aws("sqs")
    uninstrument_boto3(sqs)
    queue = sqs.create_queue(QueueName=f"q-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    api = _handler(logger, lambda e: sqs.send_message(QueueUrl=queue, MessageBody="plain"))
    api(apigw_rest_event(headers={"x-correlation-id": CID}), lambda_context())
    (message,) = sqs.receive_message(QueueUrl=queue, MessageAttributeNames=["All"])["Messages"]
    assert "MessageAttributes" not in message
