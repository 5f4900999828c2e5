from powerkit.logging import Logger
from powerkit.testing import lambda_context

# About 1 invocation in 10 logs at DEBUG; the decision is drawn at the start of each one.
logger = Logger(service="search", level="INFO", sample_rate=0.1)


@logger.inject_lambda_context
def handler(event: dict, context: object) -> None:
    logger.debug("query plan", plan=event["plan"])  # written only in sampled invocations
    logger.info("search done")  # every line says whether its invocation was sampled


if __name__ == "__main__":
    handler({"plan": "index-scan"}, lambda_context())
