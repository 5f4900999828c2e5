from powerkit.metrics import Metrics, MetricUnit
from powerkit.testing import lambda_context

# or set POWERKIT_METRICS_NAMESPACE and POWERKIT_SERVICE_NAME
metrics = Metrics(namespace="Shop", service="orders")


@metrics.log_metrics  # publishes when the handler returns or raises
def handler(event: dict, context: object) -> dict:
    metrics.add_metric(name="OrdersPlaced", unit=MetricUnit.Count, value=1)
    metrics.add_metric(name="OrderValue", unit="None", value=event["total"])
    return {"statusCode": 200}


if __name__ == "__main__":
    handler({"total": 42.5}, lambda_context("orders-fn"))
