from datetime import datetime, timedelta, timezone

from powerkit.metrics import Metrics, MetricUnit
from powerkit.testing import lambda_context

metrics = Metrics(namespace="Shop", service="orders")


@metrics.log_metrics
def handler(event: dict, context: object) -> None:
    # Searchable in CloudWatch Logs Insights, but neither a metric nor a dimension.
    metrics.add_metadata("order_id", event["order_id"])
    # Date the metrics when the order was placed rather than when the line is printed.
    metrics.set_timestamp(datetime.fromisoformat(event["placed_at"]))
    metrics.add_metric(name="OrdersPlaced", unit=MetricUnit.Count, value=1)


if __name__ == "__main__":
    placed_at = datetime.now(timezone.utc) - timedelta(minutes=5)
    handler({"order_id": "o-17", "placed_at": placed_at.isoformat()}, lambda_context())
