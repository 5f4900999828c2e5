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
from powerkit.correlation._extract import (
    DEFAULT_NAME,
    METADATA_KEY,
    SAMPLED_METADATA_KEY,
    SAMPLED_NAME,
)
from powerkit.logging._context import debug_sampled_var, get_correlation_id

MAX_MESSAGE_ATTRIBUTES = 10
MAX_CLIENT_CONTEXT_BYTES = 3583


class CorrelationWarning(PowerkitWarning):
    """A correlation id could not be added to an outgoing call (and the call went on without it)."""


def _add_attribute(
    attributes: MutableMapping[str, Any] | None, value: str, operation: str, sampled: bool = False
) -> dict[str, Any] | None:
    """The attributes with the correlation id (and the sampling flag) added, or None."""
    current = _with_attribute(attributes, DEFAULT_NAME, value, operation)
    if not sampled:
        return current
    # The flag only after the id: when room is short, the id matters more.
    flagged = _with_attribute(
        current if current is not None else attributes, SAMPLED_NAME, "1", operation
    )
    return flagged if flagged is not None else current


def _with_attribute(
    attributes: MutableMapping[str, Any] | None, name: str, value: str, operation: str
) -> dict[str, Any] | None:
    current = dict(attributes or {})
    if name in current:
        return None  # set by the caller: never overwritten
    if len(current) >= MAX_MESSAGE_ATTRIBUTES:
        warnings.warn(
            f"{operation}: the message already has {len(current)} message attributes (the SQS "
            f"limit is {MAX_MESSAGE_ATTRIBUTES}); {name!r} was not added. Free one "
            "attribute or put the id in the body.",
            CorrelationWarning,
            stacklevel=3,
        )
        return None
    current[name] = {"DataType": "String", "StringValue": value}
    return current


def _with_metadata(document: Any, value: str, sampled: bool = False) -> Any | None:
    """``document`` (JSON text or bytes) with ``metadata.correlation_id`` (and
    ``metadata.debug_sampled`` when sampled) added, or None when nothing can or need be added."""
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
    if not isinstance(metadata, dict):
        return None
    added: dict[str, Any] = {}
    if METADATA_KEY not in metadata:
        added[METADATA_KEY] = value
    if sampled and SAMPLED_METADATA_KEY not in metadata:
        added[SAMPLED_METADATA_KEY] = True
    if not added:
        return None
    metadata.update(added)
    encoded = json.dumps(parsed, separators=(",", ":"), ensure_ascii=False)
    return encoded.encode("utf-8") if isinstance(document, (bytes, bytearray)) else encoded


def _sqs_send(params: dict[str, Any], value: str, sampled: bool = False) -> None:
    updated = _add_attribute(params.get("MessageAttributes"), value, "SQS.SendMessage", sampled)
    if updated is not None:
        params["MessageAttributes"] = updated


def _sqs_send_batch(params: dict[str, Any], value: str, sampled: bool = False) -> None:
    for entry in params.get("Entries") or []:
        _sqs_send(entry, value, sampled)


def _sns_publish(params: dict[str, Any], value: str, sampled: bool = False) -> None:
    updated = _add_attribute(params.get("MessageAttributes"), value, "SNS.Publish", sampled)
    if updated is not None:
        params["MessageAttributes"] = updated


def _sns_publish_batch(params: dict[str, Any], value: str, sampled: bool = False) -> None:
    for entry in params.get("PublishBatchRequestEntries") or []:
        _sns_publish(entry, value, sampled)


def _events_put(params: dict[str, Any], value: str, sampled: bool = False) -> None:
    for entry in params.get("Entries") or []:
        detail = _with_metadata(entry.get("Detail"), value, sampled)
        if detail is not None:
            entry["Detail"] = detail


def _kinesis_put(params: dict[str, Any], value: str, sampled: bool = False) -> None:
    data = _with_metadata(params.get("Data"), value, sampled)
    if data is not None:
        params["Data"] = data


def _kinesis_put_records(params: dict[str, Any], value: str, sampled: bool = False) -> None:
    for record in params.get("Records") or []:
        _kinesis_put(record, value, sampled)


def _sfn_start(params: dict[str, Any], value: str, sampled: bool = False) -> None:
    payload = _with_metadata(params.get("input", "{}"), value, sampled)
    if payload is not None:
        params["input"] = payload


def _lambda_invoke(params: dict[str, Any], value: str, sampled: bool = False) -> None:
    context: dict[str, Any] = {}
    if params.get("ClientContext"):
        try:
            context = json.loads(base64.b64decode(params["ClientContext"]))
        except (binascii.Error, ValueError):
            return  # not ours to repair
        if not isinstance(context, dict):
            return
    custom = context.setdefault("custom", {})
    if not isinstance(custom, dict):
        return
    added: dict[str, Any] = {}
    if DEFAULT_NAME not in custom:
        added[DEFAULT_NAME] = value
    if sampled and SAMPLED_NAME not in custom:
        added[SAMPLED_NAME] = "1"
    if not added:
        return
    custom.update(added)
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


_INJECTORS: dict[str, Callable[[dict[str, Any], str, bool], None]] = {
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


def _hook(inject: Callable[[dict[str, Any], str, bool], None]) -> Callable[..., None]:
    def on_parameter_build(params: dict[str, Any], **_: Any) -> None:
        value = get_correlation_id()
        if value:
            inject(params, value, debug_sampled_var.get())

    return on_parameter_build


HOOKS: list[tuple[str, Callable[..., None]]] = [
    (f"before-parameter-build.{operation}", _hook(inject))
    for operation, inject in _INJECTORS.items()
]
"""``(event name, handler)`` pairs registered on botocore sessions and clients."""
