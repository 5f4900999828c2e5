"""``model=``: validate each record's payload into the user's pydantic model.

pydantic is imported here, when a processor is built with a model, never at import of
`powerkit.batch`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from powerkit._extras import require
from powerkit.batch._sources import Source


def model_validator(model: Any, source: Source) -> Callable[[Any], Any]:
    """A function turning a typed record into ``model`` (raises pydantic's ValidationError).

    ``model`` may be anything pydantic's ``TypeAdapter`` accepts: a ``BaseModel`` subclass, a
    dataclass, a ``TypedDict``, ``list[int]``...
    """
    pydantic = require("pydantic", extra="parser", feature="powerkit.batch (model=)")
    adapter = pydantic.TypeAdapter(model)
    payload = source.payload
    if source.payload_is_json:
        validate_json = adapter.validate_json

        def validate(record: Any) -> Any:
            return validate_json(payload(record))

        return validate

    validate_python = adapter.validate_python

    def validate_value(record: Any) -> Any:
        return validate_python(payload(record))

    return validate_value
