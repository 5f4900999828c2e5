from powerkit.logging import LogBuffer, Logger
from powerkit.testing import lambda_context

logger = Logger(service="payments", buffer=LogBuffer(max_bytes=20480, level="DEBUG"))


@logger.inject_lambda_context
def handler(event: dict, context: object) -> None:
    logger.debug("calling provider", provider="card")  # kept in memory
    if event["amount"] > 100:
        logger.error("amount over limit")  # writes the buffered line first, then this one


if __name__ == "__main__":
    handler({"amount": 10}, lambda_context())  # no output: the debug line is dropped
    handler({"amount": 500}, lambda_context())  # the debug line, then the error
