"""Find the incoming correlation id in an event, whatever service delivered it.

Where powerkit looks (the same places its injection writes to):

- HTTP events (API Gateway, ALB, Function URL, VPC Lattice): the ``x-correlation-id`` header,
  case-insensitively;
- SQS: the ``x-correlation-id`` message attribute; for SNS→SQS without raw delivery, the SNS
  message attribute inside the body; for EventBridge→SQS, the event's ``detail.metadata``;
- SNS: the ``x-correlation-id`` message attribute;
- EventBridge: ``detail.metadata.correlation_id``;
- Kinesis Data Streams and Firehose: ``metadata.correlation_id`` in the JSON payload;
- Lambda ``Invoke``: ``x-correlation-id`` in the client context's ``custom`` map.

For a batch, the invocation's id is the first record's; the batch processor makes each
record's own id current while that record is processed.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

DEFAULT_NAME = "x-correlation-id"
"""Header, message attribute and client-context key carrying the id."""
METADATA_KEY = "correlation_id"
"""Key under ``metadata`` in JSON payloads (EventBridge detail, Kinesis data, Step Functions input)."""
SAMPLED_NAME = "x-debug-sampled"
"""Header / message attribute / client-context key saying the caller logs this request at DEBUG."""
SAMPLED_METADATA_KEY = "debug_sampled"
"""Key under ``metadata`` in JSON payloads carrying the same flag."""


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _header(headers: Any, name: str) -> str | None:
    if not isinstance(headers, Mapping):
        return None
    wanted = name.lower()
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == wanted:
            if isinstance(value, list):
                value = value[0] if value else None
            return _text(value)
    return None


def _json_object(text: Any) -> Mapping[str, Any] | None:
    if isinstance(text, Mapping):
        return text
    if not isinstance(text, (str, bytes)):
        return None
    stripped = text.lstrip()
    if stripped[:1] not in ("{", b"{"):
        return None
    try:
        parsed = json.loads(stripped)
    except ValueError:
        return None
    return parsed if isinstance(parsed, Mapping) else None


def from_metadata(payload: Any, key: str = METADATA_KEY) -> str | None:
    """``metadata.<key>`` (``correlation_id`` by default) of a JSON object (or its text)."""
    if isinstance(payload, str) and key not in payload:
        return None  # no need to parse a large payload that cannot carry the key
    if isinstance(payload, (bytes, bytearray)) and key.encode() not in payload:
        return None
    document = _json_object(payload)
    if document is None:
        return None
    metadata = document.get("metadata")
    if not isinstance(metadata, Mapping):
        return None
    value = metadata.get(key)
    if value is True:  # flags travel as JSON booleans
        return "1"
    return _text(value)


def _base64_json_metadata(data: Any, key: str) -> str | None:
    if not isinstance(data, str):
        return None
    try:
        return from_metadata(base64.b64decode(data, validate=True), key)
    except (binascii.Error, ValueError):
        return None


def _from_sqs_body(body: Any, name: str, key: str) -> str | None:
    if isinstance(body, str) and name not in body and key not in body:
        return None  # parsing every first body just to look would cost on large messages
    document = _json_object(body)
    if document is None:
        return None
    if document.get("Type") == "Notification":  # SNS→SQS without raw delivery
        attribute = (document.get("MessageAttributes") or {}).get(name)
        return _text(attribute.get("Value")) if isinstance(attribute, Mapping) else None
    if "detail-type" in document:  # an EventBridge event delivered to an SQS target
        return from_metadata(document.get("detail"), key)
    return from_metadata(document, key)


def attribute_correlation_id(record: Any, name: str = DEFAULT_NAME) -> str | None:
    """The id in an SQS or SNS record's message attributes, or None; bodies are not read.

    Cheap enough to call for every record of a batch (powerkit.batch does).
    """
    attributes = record.get("messageAttributes")
    if attributes:
        attribute = attributes.get(name)
        return _text(attribute.get("stringValue")) if isinstance(attribute, Mapping) else None
    sns = record.get("Sns")
    if sns:
        attribute = (sns.get("MessageAttributes") or {}).get(name)
        return _text(attribute.get("Value")) if isinstance(attribute, Mapping) else None
    return None


def record_correlation_id(
    record: Any, *, name: str = DEFAULT_NAME, key: str = METADATA_KEY
) -> str | None:
    """The correlation id carried by one SQS, SNS, Kinesis or Firehose record, or None.

    ``name`` is the message attribute and ``key`` the JSON ``metadata`` key looked for.
    """
    if not isinstance(record, Mapping):
        return None
    source = record.get("eventSource") or record.get("EventSource")
    if source == "aws:sqs":
        return attribute_correlation_id(record, name) or _from_sqs_body(
            record.get("body"), name, key
        )
    if source == "aws:sns":
        return attribute_correlation_id(record, name)
    if source == "aws:kinesis":
        return _base64_json_metadata((record.get("kinesis") or {}).get("data"), key)
    if "recordId" in record and "data" in record:  # Kinesis Firehose
        return _base64_json_metadata(record.get("data"), key)
    return None


def _from_client_context(context: Any, name: str) -> str | None:
    client_context = getattr(context, "client_context", None)
    custom = getattr(client_context, "custom", None)
    if custom is None and isinstance(client_context, Mapping):
        custom = client_context.get("custom")
    return _text(custom.get(name)) if isinstance(custom, Mapping) else None


def extract_correlation_id(
    event: Any, context: Any = None, *, name: str = DEFAULT_NAME, key: str = METADATA_KEY
) -> str | None:
    """The incoming correlation id of an invocation, or None when the event carries none.

    Args:
        event: the raw event the handler received.
        context: the Lambda context (its client context is read for direct invocations).
        name: header / message attribute / client-context key to look for.
    """
    found: str | None = None
    if isinstance(event, Mapping):
        found = _header(event.get("headers"), name) or _header(event.get("multiValueHeaders"), name)
        if found is None:
            records = event.get("Records") or event.get("records")
            if isinstance(records, list) and records:
                found = record_correlation_id(records[0], name=name, key=key)
            elif "detail-type" in event:
                found = from_metadata(event.get("detail"), key)
    return found or _from_client_context(context, name)


def extract_debug_sampled(event: Any, context: Any = None) -> bool:
    """True when the caller logged this request at DEBUG and said so (``x-debug-sampled``)."""
    value = extract_correlation_id(event, context, name=SAMPLED_NAME, key=SAMPLED_METADATA_KEY)
    return value is not None and value.strip().lower() in {"1", "true", "yes"}
