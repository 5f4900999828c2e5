from typing import Any

from powerkit.batch import BatchProcessor, process_partial_response
from powerkit.events import SQSRecord
from powerkit.idempotency import IdempotencyConfig, InMemoryPersistenceLayer, idempotent_function

# Use DynamoDBPersistenceLayer (or Redis) in a real function; memory keeps the example local.
store = InMemoryPersistenceLayer()
# Keyed on the body's order id: a message redelivered after a partial failure, or the same
# order sent twice, is charged once.
config = IdempotencyConfig(event_key_jmespath="powerkit_json(body).order_id")
charges: list[str] = []


@idempotent_function(data_keyword_argument="record", persistence_store=store, config=config)
def charge(record: SQSRecord) -> dict[str, Any]:
    order = record.json_body
    charges.append(order["order_id"])
    return {"charged": order["order_id"]}


processor = BatchProcessor()


def record_handler(record: SQSRecord) -> dict[str, Any]:
    return charge(record=record)


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(event, record_handler, processor, context)


if __name__ == "__main__":
    from powerkit.testing import lambda_context, sqs_event

    event = sqs_event(bodies=[{"order_id": "o-1"}, {"order_id": "o-2"}, {"order_id": "o-1"}])
    print(lambda_handler(event, lambda_context()))
    print(lambda_handler(event, lambda_context()))  # the whole batch delivered again
    print("charged:", charges)
