from typing import Any

from powerkit.batch import BatchProcessor
from powerkit.events import SQSRecord


class CountingProcessor(BatchProcessor):
    """Hooks run for every record, inside its log keys (failures are also logged for you)."""

    def success_handler(self, record: Any, result: Any) -> None:
        print("done", record.message_id, "->", result)

    def failure_handler(self, record: Any, exception: Exception) -> None:
        print("failed", record.message_id, "->", exception)


processor = CountingProcessor()


def record_handler(record: SQSRecord) -> int:
    return int(record.body)


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    with processor(event["Records"], record_handler, context) as batch:
        batch.process()
    print("succeeded:", len(batch.successes), "failed:", len(batch.failures))
    return batch.response()


if __name__ == "__main__":
    from powerkit.testing import lambda_context, sqs_event

    event = sqs_event(bodies=["1", "two", "3"], message_ids=["m1", "m2", "m3"])
    print(lambda_handler(event, lambda_context()))
