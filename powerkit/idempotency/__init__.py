"""Idempotency: a retried event returns the first run's result instead of running again.

Decorate a handler with `idempotent` or any function with `idempotent_function`
and give it a store: `DynamoDBPersistenceLayer`, `RedisPersistenceLayer`,
`SQLitePersistenceLayer` or `InMemoryPersistenceLayer` — or your own
`PersistenceStore` (four methods), checked with `powerkit.idempotency.conformance`.

Exception tree::

    PowerkitError
    └── IdempotencyError
        ├── IdempotencyAlreadyInProgressError        another invocation holds the key's lock
        ├── IdempotencyValidationError (ValueError)  same key, different payload
        ├── IdempotencyKeyError (ValueError)         no idempotency key in the payload
        ├── IdempotencyConfigError (ConfigError)     bad configuration or decorator options
        ├── IdempotencyPersistenceLayerError         the store failed or could not be reached
        └── IdempotencySerializationError (TypeError) a result cannot be stored or restored
"""

from powerkit.idempotency._config import IdempotencyConfig
from powerkit.idempotency._dynamodb import DynamoDBPersistenceLayer
from powerkit.idempotency._errors import (
    IdempotencyAlreadyInProgressError,
    IdempotencyConfigError,
    IdempotencyError,
    IdempotencyKeyError,
    IdempotencyPersistenceLayerError,
    IdempotencySerializationError,
    IdempotencyValidationError,
    IdempotencyWarning,
)
from powerkit.idempotency._function import idempotent_function
from powerkit.idempotency._handler import idempotent
from powerkit.idempotency._memory import InMemoryPersistenceLayer
from powerkit.idempotency._record import IdempotencyRecord, can_take_over
from powerkit.idempotency._redis import RedisPersistenceLayer
from powerkit.idempotency._serializers import (
    DataclassSerializer,
    DictSerializer,
    OutputSerializer,
    PydanticSerializer,
)
from powerkit.idempotency._sqlite import SQLitePersistenceLayer
from powerkit.idempotency._store import PersistenceStore

__all__ = [
    "DataclassSerializer",
    "DictSerializer",
    "DynamoDBPersistenceLayer",
    "IdempotencyAlreadyInProgressError",
    "IdempotencyConfig",
    "IdempotencyConfigError",
    "IdempotencyError",
    "IdempotencyKeyError",
    "IdempotencyPersistenceLayerError",
    "IdempotencyRecord",
    "IdempotencySerializationError",
    "IdempotencyValidationError",
    "IdempotencyWarning",
    "InMemoryPersistenceLayer",
    "OutputSerializer",
    "PersistenceStore",
    "PydanticSerializer",
    "RedisPersistenceLayer",
    "SQLitePersistenceLayer",
    "can_take_over",
    "idempotent",
    "idempotent_function",
]
