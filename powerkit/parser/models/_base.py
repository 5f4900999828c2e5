"""The base every event model shares, and annotated types that decode AWS encodings."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

from powerkit.parser import _decode


class EventModel(BaseModel):
    """Base of powerkit's event models.

    Unknown fields are kept (``extra="allow"``), never rejected: AWS adds fields over time
    and local emulators add and omit some. Field names are the event's own keys; keys that
    are not Python identifiers (``detail-type``) are snake_case attributes with an alias.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class DashedEventModel(EventModel):
    """An event model whose keys are dashed (``detail-type``): each snake_case field is read
    from its dashed key, also in subclasses that redeclare a field."""

    model_config = ConfigDict(alias_generator=lambda name: name.replace("_", "-"))


def _b64(value: Any) -> Any:
    return _decode.b64(value) if isinstance(value, str) else value


def _byte_list(value: Any) -> Any:
    # Java producers send signed bytes (-128..127); & 0xFF gives the same byte unsigned.
    if isinstance(value, list) and all(isinstance(b, int) and -128 <= b < 256 for b in value):
        return bytes(b & 0xFF for b in value)
    # Base64 text is how Java's Jackson serialises byte[]: decode it rather than keep the text.
    return _b64(value)


Base64Bytes = Annotated[bytes, BeforeValidator(_b64)]
"""Base64 text in the event, the decoded bytes in the model."""

ByteList = Annotated[bytes, BeforeValidator(_byte_list)]
"""A list of byte values (or base64 text) in the event (Kafka headers), ``bytes`` in the model."""

DynamoDBImage = Annotated[
    dict[str, Any], BeforeValidator(lambda v: _decode.image(v) if isinstance(v, dict) else v)
]
"""A DynamoDB typed item (``{"id": {"N": "1"}}``) as a plain dict (``{"id": 1}``)."""
