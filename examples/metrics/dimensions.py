from powerkit.metrics import Metrics, MetricUnit
from powerkit.testing import lambda_context

metrics = Metrics(namespace="Shop", service="orders")
metrics.set_default_dimensions(environment="prod")  # on every line, every invocation


@metrics.log_metrics
def handler(event: dict, context: object) -> None:
    metrics.add_dimension("payment", event["payment"])  # this invocation only
    # Publish the same metrics a second time, aggregated per country (one more set).
    metrics.add_dimension_set({"country": event["country"]})
    metrics.add_metric(name="OrdersPlaced", unit=MetricUnit.Count, value=1)


if __name__ == "__main__":
    handler({"payment": "card", "country": "FR"}, lambda_context())
