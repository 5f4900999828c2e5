from powerkit.logging import Logger
from powerkit.testing import lambda_context

logger = Logger(service="orders", environment="prod")  # persistent: on every line


@logger.inject_lambda_context
def handler(event: dict, context: object) -> None:
    logger.append_keys(customer_id=event["customer_id"])  # for the rest of this invocation
    for item in event["items"]:
        with logger.bind(sku=item):  # only inside the block
            logger.info("item reserved")
    logger.info("order placed", total=event["total"])  # only on this line


if __name__ == "__main__":
    handler({"customer_id": "c-7", "items": ["sku-1"], "total": 12.5}, lambda_context())
    logger.info("between invocations")  # customer_id is gone: keys are per invocation
