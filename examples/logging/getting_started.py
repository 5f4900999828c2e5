from powerkit.logging import Logger
from powerkit.testing import lambda_context

logger = Logger(service="orders")  # or set POWERKIT_SERVICE_NAME


@logger.inject_lambda_context
def handler(event: dict, context: object) -> dict:
    logger.info("order received", order_id=event["order_id"], items=len(event["items"]))
    return {"statusCode": 200}


if __name__ == "__main__":
    handler({"order_id": "o-1", "items": ["sku-1", "sku-2"]}, lambda_context("orders-fn"))
