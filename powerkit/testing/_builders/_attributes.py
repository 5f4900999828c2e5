"""Message attributes in the two shapes Lambda delivers them: SQS's and SNS's.

Users pass plain Python values (``{"tenant": "acme", "retries": 3, "blob": b"..."}``); the data
type is inferred (str → String, numbers → Number, bytes → Binary, list of str → String.Array for
SNS). A mapping that already has a ``dataType`` (SQS) or ``Type`` (SNS) key is passed through;
one with ``DataType`` (what the SQS API's ``ReceiveMessage`` returns) is converted.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from powerkit._errors import ConfigError
from powerkit.testing._builders._common import b64


def _data_type(name: str, value: Any) -> tuple[str, str]:
    """``(type, text)`` of one attribute value: text is base64 for binary values."""
    if isinstance(value, bool):
        raise ConfigError(
            f"message attribute {name!r} is a bool: SQS and SNS have no boolean type. "
            "Pass 'true'/'false' as a string or 1/0 as a number."
        )
    if isinstance(value, str):
        return "String", value
    if isinstance(value, (int, float, Decimal)):
        return "Number", str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "Binary", b64(bytes(value))
    if isinstance(value, (list, tuple)):
        return "String.Array", json.dumps(list(value))
    raise ConfigError(
        f"message attribute {name!r} has a value of type {type(value).__name__}: "
        "use str, int, float, Decimal, bytes, or a list (SNS String.Array)."
    )


def sqs_message_attributes(attributes: Mapping[str, Any] | None) -> dict[str, Any]:
    """Attributes as an SQS record carries them (``stringValue``/``binaryValue``/``dataType``)."""
    result: dict[str, Any] = {}
    for name, value in (attributes or {}).items():
        if isinstance(value, Mapping) and "dataType" in value:
            result[name] = {"stringListValues": [], "binaryListValues": [], **value}
            continue
        if isinstance(value, Mapping) and "DataType" in value:
            result[name] = _from_sqs_api(value)
            continue
        data_type, text = _data_type(name, value)
        if data_type == "String.Array":
            raise ConfigError(
                f"message attribute {name!r} is a list: SQS has no array type. "
                "JSON-encode it into a string yourself."
            )
        field = "binaryValue" if data_type == "Binary" else "stringValue"
        result[name] = {
            field: text,
            "stringListValues": [],
            "binaryListValues": [],
            "dataType": data_type,
        }
    return result


def _from_sqs_api(value: Mapping[str, Any]) -> dict[str, Any]:
    """An attribute as the SQS API returns it (``{"DataType", "StringValue"|"BinaryValue"}``)."""
    converted: dict[str, Any] = {}
    if "BinaryValue" in value:
        converted["binaryValue"] = b64(bytes(value["BinaryValue"]))
    else:
        converted["stringValue"] = value.get("StringValue", "")
    converted.update(stringListValues=[], binaryListValues=[], dataType=value["DataType"])
    return converted


def sns_message_attributes(attributes: Mapping[str, Any] | None) -> dict[str, Any]:
    """Attributes as an SNS notification carries them (``{"Type": ..., "Value": ...}``)."""
    result: dict[str, Any] = {}
    for name, value in (attributes or {}).items():
        if isinstance(value, Mapping) and "Type" in value:
            result[name] = dict(value)
            continue
        data_type, text = _data_type(name, value)
        result[name] = {"Type": data_type, "Value": text}
    return result


def sns_to_sqs_attributes(sns_attributes: Mapping[str, Any]) -> dict[str, Any]:
    """SNS attributes as SQS shows them after raw message delivery."""
    converted: dict[str, Any] = {}
    for name, attr in sns_attributes.items():
        data_type = attr["Type"]
        field = "binaryValue" if data_type == "Binary" else "stringValue"
        converted[name] = {
            field: attr["Value"],
            "stringListValues": [],
            "binaryListValues": [],
            "dataType": data_type,
        }
    return converted
