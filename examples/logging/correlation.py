from powerkit.logging import Logger, correlation_paths
from powerkit.testing import apigw_rest_event, lambda_context

logger = Logger(service="orders-api")


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
def handler(event: dict, context: object) -> dict:
    logger.info("request handled")
    return {"statusCode": 200, "headers": {"x-correlation-id": logger.get_correlation_id()}}


if __name__ == "__main__":
    response = handler(apigw_rest_event(path="/orders"), lambda_context())
    print(response["headers"]["x-correlation-id"] is not None)
