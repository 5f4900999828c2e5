from powerkit.metrics import Metrics, MetricUnit
from powerkit.testing import lambda_context

metrics = Metrics(namespace="Shop", service="orders")


@metrics.log_metrics(capture_cold_start_metric=True)
def handler(event: dict, context: object) -> None:
    metrics.add_dimension("payment", "card")
    metrics.add_metric(name="OrdersPlaced", unit=MetricUnit.Count, value=1)


if __name__ == "__main__":
    handler({}, lambda_context("orders-fn"))  # ColdStart line + business line
    handler({}, lambda_context("orders-fn"))  # business line only
