"""Extraction and injection rules: where ids are read, what is never overwritten, limits."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powerkit.correlation import (
    CorrelationWarning,
    correlate,
    extract_correlation_id,
    get_correlation_id,
    record_correlation_id,
    set_correlation_id,
)
from powerkit.correlation._inject import _INJECTORS
from powerkit.testing import (
    alb_event,
    apigw_http_event,
    function_url_event,
    kinesis_event,
    lambda_context,
    sns_event,
    sns_sqs_event,
    sqs_event,
)

ids = st.text(st.characters(codec="ascii", categories=["L", "N"]), min_size=1, max_size=40)


@given(cid=ids, case=st.sampled_from(["x-correlation-id", "X-Correlation-Id", "X-CORRELATION-ID"]))
def test_http_header_is_found_in_any_case_for_every_http_source(cid: str, case: str) -> None:
    """API Gateway v2, ALB and Function URL events give up the header whatever its case."""
    for build in (apigw_http_event, alb_event, function_url_event):
        assert extract_correlation_id(build(headers={case: cid})) == cid


@given(cid=ids)
def test_message_attributes_of_sqs_and_sns(cid: str) -> None:
    """SQS and SNS message attributes carry the id; SNS→SQS envelopes too."""
    assert (
        extract_correlation_id(
            sqs_event(bodies=["x"], message_attributes={"x-correlation-id": cid})
        )
        == cid
    )
    assert (
        extract_correlation_id(
            sns_event(messages=["x"], message_attributes={"x-correlation-id": cid})
        )
        == cid
    )
    nested = sns_sqs_event(messages=["x"], message_attributes={"x-correlation-id": cid})
    assert extract_correlation_id(nested) == cid


@given(cid=ids)
def test_kinesis_payload_metadata(cid: str) -> None:
    """A JSON Kinesis payload's metadata.correlation_id is read after base64 decoding."""
    event = kinesis_event(records=[{"order": 1, "metadata": {"correlation_id": cid}}])
    assert extract_correlation_id(event) == cid


def test_each_record_reports_its_own_id() -> None:
    """record_correlation_id reads one record; the batch processor calls it per record."""
    event = sqs_event(
        bodies=["a", "b"],
        message_attributes=[{"x-correlation-id": "one"}, {"x-correlation-id": "two"}],
    )
    assert [record_correlation_id(r) for r in event["Records"]] == ["one", "two"]


def test_events_without_an_id_give_none(shared_dir: Any) -> None:
    """Real sample events that carry no id give None, never an unrelated value."""
    for name in (
        "sqsEvent.json",
        "snsEvent.json",
        "kinesisStreamEvent.json",
        "dynamoStreamEvent.json",
        "s3Event.json",
    ):
        event = json.loads((shared_dir / "events" / "powertools" / name).read_text())
        assert extract_correlation_id(event) is None, name


def test_correlate_starts_a_new_id_from_the_request_id() -> None:
    """Without an incoming id, the invocation's request id becomes the correlation id."""

    @correlate
    def handler(event: Any, context: Any) -> str | None:
        return get_correlation_id()

    assert handler({}, lambda_context(request_id="req-77")) == "req-77"
    assert get_correlation_id() is None  # gone after the invocation


def test_correlate_reads_a_custom_name() -> None:
    """name= changes the header / attribute looked for."""

    @correlate(name="x-request-trace")
    def handler(event: Any, context: Any) -> str | None:
        return get_correlation_id()

    assert handler(apigw_http_event(headers={"x-request-trace": "t-1"}), lambda_context()) == "t-1"


def _inject(operation: str, params: dict[str, Any], cid: str = "cid-1") -> dict[str, Any]:
    _INJECTORS[operation](params, cid)
    return params


def test_a_user_attribute_is_never_overwritten() -> None:
    """An x-correlation-id set by the caller stays as the caller set it."""
    mine = {"x-correlation-id": {"DataType": "String", "StringValue": "mine"}}
    params = _inject("sqs.SendMessage", {"MessageAttributes": dict(mine)})
    assert params["MessageAttributes"] == mine


def test_the_sqs_limit_of_ten_attributes_is_respected_with_a_warning() -> None:
    """With 10 attributes already, nothing is added and a warning says why."""
    full = {f"a{n}": {"DataType": "String", "StringValue": "v"} for n in range(10)}
    with pytest.warns(CorrelationWarning, match="already has 10 message attributes"):
        params = _inject("sqs.SendMessage", {"MessageAttributes": dict(full)})
    assert params["MessageAttributes"] == full


@pytest.mark.parametrize(
    "detail",
    [
        '"a string"',
        "[1, 2]",
        "not json",
        '{"metadata": "text"}',
        '{"metadata": {"correlation_id": "theirs"}}',
    ],
)
def test_eventbridge_details_that_cannot_take_metadata_are_left_alone(detail: str) -> None:
    """Non-object details, and details whose metadata is not ours to change, are untouched."""
    params = _inject("eventbridge.PutEvents", {"Entries": [{"Detail": detail}]})
    assert params["Entries"][0]["Detail"] == detail


def test_kinesis_binary_payloads_are_left_alone() -> None:
    """Non-JSON Kinesis data passes unchanged."""
    params = _inject("kinesis.PutRecord", {"Data": b"\x00\x01binary"})
    assert params["Data"] == b"\x00\x01binary"


def test_lambda_client_context_keeps_the_callers_custom_keys() -> None:
    """The id joins an existing client context instead of replacing it."""
    existing = base64.b64encode(
        json.dumps({"custom": {"tenant": "t1"}, "env": {"a": 1}}).encode()
    ).decode()
    params = _inject("lambda.Invoke", {"ClientContext": existing})
    decoded = json.loads(base64.b64decode(params["ClientContext"]))
    assert decoded == {"custom": {"tenant": "t1", "x-correlation-id": "cid-1"}, "env": {"a": 1}}


def test_lambda_client_context_size_limit_is_respected() -> None:
    """A client context that would exceed 3583 bytes is not grown; a warning says so."""
    big = base64.b64encode(json.dumps({"custom": {"pad": "x" * 2650}}).encode()).decode()
    with pytest.warns(CorrelationWarning, match="ClientContext"):
        params = _inject("lambda.Invoke", {"ClientContext": big})
    assert params["ClientContext"] == big


def test_hooks_do_nothing_without_a_current_id() -> None:
    """Outside a correlated invocation the hook adds nothing."""
    from powerkit.correlation._inject import HOOKS

    set_correlation_id(None)
    params: dict[str, Any] = {"MessageBody": "x"}
    dict(HOOKS)["before-parameter-build.sqs.SendMessage"](params=params)
    assert params == {"MessageBody": "x"}


def test_global_instrumentation_imports_nothing_until_boto3_is_used() -> None:
    """instrument_boto3() alone imports neither boto3 nor botocore; clients made later are hooked."""
    program = (
        "import sys\n"
        "from powerkit.correlation import instrument_boto3\n"
        "instrument_boto3()\n"
        "assert 'botocore' not in sys.modules and 'boto3' not in sys.modules\n"
        "import boto3\n"
        "client = boto3.client('sqs', region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='x')\n"
        "names = [h[0] for h in __import__('botocore.handlers').handlers.BUILTIN_HANDLERS]\n"
        "print(sum(n.startswith('before-parameter-build.sqs.SendMessage') for n in names))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "2"


def test_with_room_for_one_attribute_the_id_wins_over_the_sampling_flag() -> None:
    """Nine attributes plus the id reach the limit: the flag is skipped with a warning."""
    nine = {f"a{n}": {"DataType": "String", "StringValue": "v"} for n in range(9)}
    params: dict[str, Any] = {"MessageAttributes": dict(nine)}
    with pytest.warns(CorrelationWarning, match="'x-debug-sampled' was not added"):
        _INJECTORS["sqs.SendMessage"](params, "cid-1", True)
    assert set(params["MessageAttributes"]) == {*nine, "x-correlation-id"}


def test_sampled_json_payloads_get_both_metadata_keys() -> None:
    """EventBridge details carry correlation_id and debug_sampled under metadata."""
    params: dict[str, Any] = {"Entries": [{"Detail": '{"order": 1}'}]}
    _INJECTORS["eventbridge.PutEvents"](params, "cid-1", True)
    assert json.loads(params["Entries"][0]["Detail"]) == {
        "order": 1,
        "metadata": {"correlation_id": "cid-1", "debug_sampled": True},
    }


def test_large_payloads_without_an_id_are_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A big first-record body that cannot carry an id is skipped without json.loads."""
    import powerkit.correlation._extract as extract

    def no_parse(text: Any) -> Any:
        raise AssertionError("parsed a payload that cannot hold the id")

    monkeypatch.setattr(extract.json, "loads", no_parse)
    big = json.dumps({"items": list(range(5000))})
    assert extract_correlation_id(sqs_event(bodies=[big])) is None
    assert extract_correlation_id(kinesis_event(records=[big.encode()])) is None
