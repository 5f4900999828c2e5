from powerkit.validation import SchemaValidationError, validate

SCHEMA = {
    "type": "object",
    "properties": {
        "user": {
            "type": "object",
            "properties": {"age": {"type": "integer", "minimum": 18}},
            "required": ["email"],
        }
    },
}

try:
    validate({"user": {"name": "Ann", "age": 30, "password": "hunter2"}}, SCHEMA)
except SchemaValidationError as error:
    print(error.path)  # $.user
    print(error.rule)  # required
    print(error.value)  # {'name': 'Ann', 'age': 30, 'password': '***'}
    print(error)
