import asyncio
from typing import Any

from powerkit.batch import AsyncBatchProcessor, async_process_partial_response
from powerkit.events import SQSRecord

# Records of a standard queue run concurrently, at most 10 at a time.
processor = AsyncBatchProcessor(max_concurrency=10)


async def record_handler(record: SQSRecord) -> str:
    await asyncio.sleep(0.01)  # e.g. an HTTP call with an async client
    if record.body == "timeout":
        raise TimeoutError("upstream did not answer")
    return record.body


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return async_process_partial_response(event, record_handler, processor, context)


if __name__ == "__main__":
    from powerkit.testing import lambda_context, sqs_event

    event = sqs_event(bodies=["a", "timeout", "c"], message_ids=["m1", "m2", "m3"])
    print(lambda_handler(event, lambda_context()))
