"""Pieces every builder shares: ids, clocks, ARNs and body encoding.

Builders take the time from one ``timestamp`` (epoch seconds, default: now) so that every
derived time field of an event (epoch milliseconds, ISO strings, API Gateway's request time)
describes the same instant.
"""

from __future__ import annotations

import base64
import json
import secrets
import string
import time
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from powerkit._errors import ConfigError

Event = dict[str, Any]
"""A Lambda event as the runtime hands it to a handler: plain JSON-compatible dicts."""

DEFAULT_REGION = "us-east-1"
DEFAULT_ACCOUNT = "123456789012"

_LOWER_ALNUM = string.ascii_lowercase + string.digits
_UPPER_ALNUM = string.ascii_uppercase + string.digits


def new_uuid() -> str:
    """A random UUID4 string, the format of most AWS message and request ids."""
    return str(uuid.uuid4())


def random_hex(length: int, *, upper: bool = False) -> str:
    """``length`` random hex digits."""
    digits = secrets.token_hex((length + 1) // 2)[:length]
    return digits.upper() if upper else digits


def random_alnum(length: int, *, upper: bool = False) -> str:
    """``length`` random letters and digits (API ids, IAM unique ids)."""
    alphabet = _UPPER_ALNUM if upper else _LOWER_ALNUM
    return "".join(secrets.choice(alphabet) for _ in range(length))


def random_b64(nbytes: int) -> str:
    """Base64 of ``nbytes`` random bytes (receipt handles, signatures, extended ids)."""
    return base64.b64encode(secrets.token_bytes(nbytes)).decode("ascii")


def b64(data: bytes) -> str:
    """Standard base64 text of ``data``."""
    return base64.b64encode(data).decode("ascii")


def now(timestamp: float | None) -> float:
    """The builder's instant: ``timestamp`` if given, else the current time."""
    return time.time() if timestamp is None else float(timestamp)


def epoch_ms(timestamp: float) -> int:
    """Epoch milliseconds (SQS ``SentTimestamp``, API Gateway ``requestTimeEpoch``)."""
    return round(timestamp * 1000)


def iso_ms(timestamp: float) -> str:
    """ISO 8601 UTC with milliseconds and ``Z``: ``2019-01-02T12:45:07.000Z`` (SNS, S3)."""
    moment = datetime.fromtimestamp(epoch_ms(timestamp) / 1000, tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def iso_s(timestamp: float) -> str:
    """ISO 8601 UTC to the second with ``Z``: ``2017-12-22T18:43:48Z`` (EventBridge)."""
    return datetime.fromtimestamp(int(timestamp), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def clf_time(timestamp: float) -> str:
    """Common Log Format time as API Gateway writes it: ``04/Mar/2020:19:15:17 +0000``."""
    moment = datetime.fromtimestamp(int(timestamp), tz=timezone.utc)
    return moment.strftime("%d/%b/%Y:%H:%M:%S +0000")


def arn(service: str, region: str, account_id: str, resource: str) -> str:
    """``arn:aws:<service>:<region>:<account>:<resource>``."""
    return f"arn:aws:{service}:{region}:{account_id}:{resource}"


def text_body(body: Any, *, what: str) -> str:
    """A message body as text: strings as they are, bytes as UTF-8, anything else as JSON."""
    if isinstance(body, str):
        return body
    if isinstance(body, (bytes, bytearray, memoryview)):
        try:
            return bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            raise ConfigError(
                f"{what} must be text: got bytes that are not UTF-8. "
                "Pass a str, UTF-8 bytes, or a JSON-serialisable value."
            ) from None
    try:
        return json.dumps(body, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"{what} {body!r} is neither text nor JSON-serialisable ({exc}). "
            "Pass a str, bytes, or a value json.dumps accepts."
        ) from None


def per_item(value: Any, count: int, *, name: str) -> list[Any]:
    """Spread a per-item option over ``count`` items.

    A list or tuple gives one value per item (its length must match); anything else is
    shared by every item.
    """
    if isinstance(value, (list, tuple)):
        if len(value) != count:
            raise ConfigError(
                f"{name} has {len(value)} entries for {count} items: pass one per item "
                "or a single value shared by all."
            )
        return list(value)
    return [value] * count


def split_multi(
    values: Mapping[str, str | Sequence[str]] | None,
) -> dict[str, list[str]]:
    """Normalise ``{"k": "v"}`` / ``{"k": ["v1", "v2"]}`` to lists of strings."""
    result: dict[str, list[str]] = {}
    for key, value in (values or {}).items():
        result[key] = [value] if isinstance(value, str) else [str(item) for item in value]
    return result
