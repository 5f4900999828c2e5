"""Add the current correlation id to outgoing AWS calls through botocore event hooks.

The hooks run on ``before-parameter-build`` for each supported operation and only add what is
missing: an attribute, header or metadata key the caller set is never overwritten, and SQS/SNS
calls that already carry 10 message attributes (the SQS limit) are left alone with a warning.
"""

from __future__ import annotations

import base64
import binascii
import json
import warnings
from collections.abc import Callable, MutableMapping
from typing import Any

from powerkit._errors import PowerkitWarning
from powerkit.correlation._extract import DEFAULT_NAME, METADATA_KEY
from powerkit.logging._context import get_correlation_id

MAX_MESSAGE_ATTRIBUTES = 10
MAX_CLIENT_CONTEXT_BYTES = 3583


class CorrelationWarning(PowerkitWarning):
    """A correlation id could not be added to an outgoing call (and the call went on without it)."""


def _add_attribute(
    attributes: MutableMapping[str, Any] | None, value: str, operation: str
) -> dict[str, Any] | None:
    current = dict(attributes or {})
    if DEFAULT_NAME in current:
        return None
    if len(current) >= MAX_MESSAGE_ATTRIBUTES:
        warnings.warn(
            f"{operation}: the message already has {len(current)} message attributes (the SQS "
            f"limit is {MAX_MESSAGE_ATTRIBUTES}); the correlation id was not added. Free one "
            "attribute or put the id in the body.",
            CorrelationWarning,
            stacklevel=2,
        )
        return None
    current[DEFAULT_NAME] = {"DataType": "String", "StringValue": value}
    return current


def _with_metadata(document: Any, value: str) -> Any | None:
    """``document`` (a JSON text or bytes) with ``metadata.correlation_id`` added, or None."""
    if isinstance(document, (bytes, bytearray)):
        try:
            text = bytes(document).decode("utf-8")
        except UnicodeDecodeError:
            return None
    elif isinstance(document, str):
        text = document
    else:
        return None
    try:
        parsed = json.loads(text)
    except ValueError:
        return None
    if not isinstance(parsed, dict):
        return None
    metadata = parsed.setdefault("metadata", {})
    if not isinstance(metadata, dict) or METADATA_KEY in metadata:
        return None
    metadata[METADATA_KEY] = value
    encoded = json.dumps(parsed, separators=(",", ":"), ensure_ascii=False)
    return encoded.encode("utf-8") if isinstance(document, (bytes, bytearray)) else encoded


def _sqs_send(params: dict[str, Any], value: str) -> None:
    updated = _add_attribute(params.get("MessageAttributes"), value, "SQS.SendMessage")
    if updated is not None:
        params["MessageAttributes"] = updated


def _sqs_send_batch(params: dict[str, Any], value: str) -> None:
    for entry in params.get("Entries") or []:
        _sqs_send(entry, value)


def _sns_publish(params: dict[str, Any], value: str) -> None:
    updated = _add_attribute(params.get("MessageAttributes"), value, "SNS.Publish")
    if updated is not None:
        params["MessageAttributes"] = updated


def _sns_publish_batch(params: dict[str, Any], value: str) -> None:
    for entry in params.get("PublishBatchRequestEntries") or []:
        _sns_publish(entry, value)


def _events_put(params: dict[str, Any], value: str) -> None:
    for entry in params.get("Entries") or []:
        detail = _with_metadata(entry.get("Detail"), value)
        if detail is not None:
            entry["Detail"] = detail


def _kinesis_put(params: dict[str, Any], value: str) -> None:
    data = _with_metadata(params.get("Data"), value)
    if data is not None:
        params["Data"] = data


def _kinesis_put_records(params: dict[str, Any], value: str) -> None:
    for record in params.get("Records") or []:
        _kinesis_put(record, value)


def _sfn_start(params: dict[str, Any], value: str) -> None:
    payload = _with_metadata(params.get("input", "{}"), value)
    if payload is not None:
        params["input"] = payload


def _lambda_invoke(params: dict[str, Any], value: str) -> None:
    context: dict[str, Any] = {}
    if params.get("ClientContext"):
        try:
            context = json.loads(base64.b64decode(params["ClientContext"]))
        except (binascii.Error, ValueError):
            return  # not ours to repair
        if not isinstance(context, dict):
            return
    custom = context.setdefault("custom", {})
    if not isinstance(custom, dict) or DEFAULT_NAME in custom:
        return
    custom[DEFAULT_NAME] = value
    encoded = base64.b64encode(json.dumps(context, separators=(",", ":")).encode()).decode()
    if len(encoded) > MAX_CLIENT_CONTEXT_BYTES:
        warnings.warn(
            f"Lambda.Invoke: adding the correlation id would make ClientContext {len(encoded)} "
            f"bytes (limit {MAX_CLIENT_CONTEXT_BYTES}); it was not added.",
            CorrelationWarning,
            stacklevel=2,
        )
        return
    params["ClientContext"] = encoded


_INJECTORS: dict[str, Callable[[dict[str, Any], str], None]] = {
    "sqs.SendMessage": _sqs_send,
    "sqs.SendMessageBatch": _sqs_send_batch,
    "sns.Publish": _sns_publish,
    "sns.PublishBatch": _sns_publish_batch,
    "eventbridge.PutEvents": _events_put,
    "lambda.Invoke": _lambda_invoke,
    "kinesis.PutRecord": _kinesis_put,
    "kinesis.PutRecords": _kinesis_put_records,
    "sfn.StartExecution": _sfn_start,
    "sfn.StartSyncExecution": _sfn_start,
}


def _hook(inject: Callable[[dict[str, Any], str], None]) -> Callable[..., None]:
    def on_parameter_build(params: dict[str, Any], **_: Any) -> None:
        value = get_correlation_id()
        if value:
            inject(params, value)

    return on_parameter_build


HOOKS: list[tuple[str, Callable[..., None]]] = [
    (f"before-parameter-build.{operation}", _hook(inject))
    for operation, inject in _INJECTORS.items()
]
"""``(event name, handler)`` pairs registered on botocore sessions and clients."""
