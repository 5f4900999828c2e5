"""Logger options of Powertools for AWS Lambda that powerkit does not take, with what to use."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Logger options of Powertools for AWS Lambda that powerkit does not take. Without this check
# they would silently become keys on every line (they land in **persistent_keys).
PEER_ONLY_OPTIONS = {
    "datefmt": "timestamps are always RFC 3339 with milliseconds; pass utc=False for local time",
    "use_datetime_directive": "timestamps are always RFC 3339 with milliseconds",
    "use_rfc3339": "timestamps are always RFC 3339 already",
    "log_record_order": "the key order is fixed (level, location, message, timestamp, service, ...)",
    "logger_formatter": "use json_serializer= / json_default=, or JsonFormatter on your own handler",
    "logger_handler": "pass stream= for another destination, or add a handler to logger.stdlib_logger",
    "json_deserializer": "powerkit does not parse its own lines",
    "location": "location is always function:line of the caller",
}


def reject_peer_options(options: Mapping[str, Any]) -> None:
    from powerkit._errors import ConfigError

    name = sorted(options.keys() & PEER_ONLY_OPTIONS.keys())[0]
    raise ConfigError(
        f"Logger({name}=...) is a Powertools option powerkit does not take: "
        f"{PEER_ONLY_OPTIONS[name]}. To log a key with that name on every line, "
        f"use logger.append_keys({name}=...)."
    )
