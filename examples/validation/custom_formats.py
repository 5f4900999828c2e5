from typing import Any

from powerkit.validation import compile_schema

SCHEMA = {
    "type": "object",
    "properties": {
        "sku": {"type": "string", "format": "sku"},
        "size": {"type": "string", "format": "even-number"},
    },
}

# A format is a regular expression or a function returning True for valid values.
FORMATS = {"sku": r"^[A-Z]{3}-\d{4}$", "even-number": lambda value: int(value) % 2 == 0}

check = compile_schema(SCHEMA, formats=FORMATS)  # compiled once, reusable anywhere


def is_valid(product: dict[str, Any]) -> bool:
    try:
        check(product)
    except ValueError:  # SchemaValidationError is a ValueError
        return False
    return True
