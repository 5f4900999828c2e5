"""Validate events and responses against JSON Schema (fastjsonschema, extra ``validation``).

Schemas are compiled once and cached; ``envelopes`` unwrap the payload of common event sources
before validation.

Exception tree::

    PowerkitError
    └── SchemaError (ValueError)
        ├── SchemaValidationError    the data does not match (``.path``, ``.rule``, ``.value``)
        └── InvalidSchemaError       the schema cannot be read or compiled
"""

from powerkit.jmespath import envelopes
from powerkit.validation._errors import InvalidSchemaError, SchemaError, SchemaValidationError
from powerkit.validation._schema import CompiledSchema, clear_cache, compile_schema
from powerkit.validation._validate import validate, validator

__all__ = [
    "CompiledSchema",
    "InvalidSchemaError",
    "SchemaError",
    "SchemaValidationError",
    "clear_cache",
    "compile_schema",
    "envelopes",
    "validate",
    "validator",
]
