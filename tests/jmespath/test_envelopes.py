"""Built-in envelopes against real sample events, and the fast ``unwrap`` path."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powerkit.jmespath import JMESPathError, compile_expression, envelopes, query
from powerkit.jmespath._envelopes import unwrap


def sample(shared_dir: Path, name: str) -> Any:
    return json.loads((shared_dir / "events" / name).read_text())


def test_every_envelope_compiles() -> None:
    """Each built-in expression is valid JMESPath with powerkit's functions."""
    assert len(envelopes.ALL) >= 14
    for expression in envelopes.ALL.values():
        compile_expression(expression)


@pytest.mark.parametrize(
    ("envelope", "file", "expected"),
    [
        (
            envelopes.API_GATEWAY_REST,
            "powertools/apigatewayeSchemaMiddlwareValidEvent.json",
            {"message": "hello world", "username": "lessa"},
        ),
        (
            envelopes.API_GATEWAY_HTTP,
            "powertools/apiGatewayProxyV2SchemaMiddlwareValidEvent.json",
            {"message": "hello world", "username": "lessa"},
        ),
        (
            envelopes.SNS_SQS,
            "powertools/snsSqsEvent.json",
            [{"message": "hello world", "username": "lessa"}],
        ),
        (
            envelopes.CLOUDWATCH_LOGS,
            "powertools/cloudWatchLogEvent.json",
            [
                {
                    "id": "eventId1",
                    "timestamp": 1440442987000,
                    "message": "[ERROR] First test message",
                },
                {
                    "id": "eventId2",
                    "timestamp": 1440442987001,
                    "message": "[ERROR] Second test message",
                },
            ],
        ),
        (envelopes.EVENTBRIDGE, "powertools/eventBridgeEvent.json", None),
    ],
)
def test_envelope_unwraps_real_sample(
    shared_dir: Path, envelope: str, file: str, expected: Any
) -> None:
    """The envelope returns the payload of the real event."""
    event = sample(shared_dir, file)
    result = query(event, envelope)
    if expected is None:
        assert result == event["detail"]
    else:
        assert result == expected
    assert unwrap(event, envelope) == result


def test_s3_envelopes_reach_the_object(shared_dir: Path) -> None:
    """S3 via SQS yields S3 records; via EventBridge the detail names bucket and key."""
    records = query(sample(shared_dir, "powertools/s3SqsEvent.json"), envelopes.S3_SQS)
    assert [r["s3"]["object"]["key"] for r in records] == ["test.pdf"]
    detail = query(
        sample(shared_dir, "powertools/s3EventBridgeNotificationObjectCreatedEvent.json"),
        envelopes.S3_EVENTBRIDGE,
    )
    assert detail["object"]["key"] == "IMG_m7fzo3.jpg"
    assert detail["bucket"]["name"] == "example-bucket"


def test_s3_sqs_skips_test_events() -> None:
    """An s3:TestEvent message without Records contributes nothing."""
    event = {
        "Records": [{"body": '{"Event": "s3:TestEvent"}'}, {"body": '{"Records": [{"k": 1}]}'}]
    }
    assert query(event, envelopes.S3_SQS) == [{"k": 1}]


def test_s3_sns_and_sns_sqs_and_firehose_flatten_records() -> None:
    """S3 notifications wrapped in SNS, SNS→SQS and Firehose come out as one flat list."""
    s3 = {"Records": [{"s3": {"object": {"key": "a"}}}, {"s3": {"object": {"key": "b"}}}]}
    sns_message = json.dumps(s3)
    sns = {"Records": [{"Sns": {"Message": sns_message}}]}
    sns_sqs = {"Records": [{"body": json.dumps({"Message": sns_message})}]}
    firehose = {"records": [{"data": base64.b64encode(json.dumps(s3).encode()).decode()}]}
    for event, envelope in [
        (sns, envelopes.S3_SNS),
        (sns_sqs, envelopes.S3_SNS_SQS),
        (firehose, envelopes.S3_KINESIS_FIREHOSE),
    ]:
        assert [r["s3"]["object"]["key"] for r in query(event, envelope)] == ["a", "b"]


def test_kinesis_and_firehose_decode_base64_json() -> None:
    """Kinesis Data Streams and Firehose envelopes decode base64 JSON data per record."""
    data = base64.b64encode(b'{"id": 7}').decode()
    assert query({"Records": [{"kinesis": {"data": data}}]}, envelopes.KINESIS_DATA_STREAM) == [
        {"id": 7}
    ]
    assert query({"records": [{"data": data}]}, envelopes.KINESIS_FIREHOSE) == [{"id": 7}]


def test_sns_envelope_parses_the_message() -> None:
    """The SNS envelope returns the JSON message of the record."""
    event = {"Records": [{"Sns": {"Message": '{"order": 1}'}}]}
    assert query(event, envelopes.SNS) == {"order": 1}


def test_sqs_envelope_on_a_non_json_body_names_expression() -> None:
    """A non-JSON SQS body raises JMESPathError naming the SQS expression."""
    with pytest.raises(JMESPathError) as caught:
        unwrap({"Records": [{"body": "hello"}]}, envelopes.SQS)
    assert caught.value.expression == envelopes.SQS
    assert "powerkit_json: value is not valid JSON" in caught.value.reason


bodies = st.one_of(
    st.none(),
    st.integers(),
    st.just("null"),
    st.just("not json"),
    st.builds(json.dumps, st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)),
    st.builds(json.dumps, st.integers() | st.none()),
)
records = st.one_of(
    st.fixed_dictionaries({"body": bodies}),
    st.just({}),
    st.none(),
    st.just("text"),
)
events = st.one_of(
    st.fixed_dictionaries({"Records": st.lists(records, max_size=3)}),
    st.fixed_dictionaries({"Records": st.just({"body": "{}"})}),
    st.fixed_dictionaries(
        {"body": bodies, "detail": st.none() | st.integers() | st.just({"a": 1})}
    ),
    st.just({}),
    st.just([]),
    st.none(),
)


def outcome(function: Any, *args: Any) -> Any:
    try:
        return ("ok", function(*args))
    except JMESPathError as exc:
        return ("error", exc.expression, exc.reason)


@given(event=events, envelope=st.sampled_from(sorted(set(envelopes.ALL.values()))))
def test_unwrap_matches_query_exactly(event: Any, envelope: str) -> None:
    """The fast path returns the same value, or raises the same error, as query()."""
    assert outcome(unwrap, event, envelope) == outcome(query, event, envelope)


def test_cloudwatch_logs_envelope_on_zlib_compressed_sample(shared_dir: Path) -> None:
    """The CloudWatch Logs sample with a policy level (zlib data) decodes like the others."""
    event = sample(shared_dir, "powertools/cloudWatchLogEventWithPolicyLevel.json")
    assert len(query(event, envelopes.CLOUDWATCH_LOGS)) == 2
