"""Tests for a handler's metrics, with powerkit's pytest fixtures."""

from powerkit.metrics import Metrics, MetricUnit

metrics = Metrics(namespace="Shop", service="orders")


@metrics.log_metrics
def handler(event: dict, context: object) -> None:
    metrics.add_dimension("payment", event["payment"])
    for item in event["items"]:
        metrics.add_metric(name="ItemsSold", unit=MetricUnit.Count, value=item["quantity"])


def test_counts_items_per_payment(lambda_context, capture_metrics) -> None:
    handler({"payment": "card", "items": [{"quantity": 2}, {"quantity": 1}]}, lambda_context)

    sold = capture_metrics.metric("ItemsSold")
    assert sold.values == [2, 1]
    assert sold.total == 3
    assert sold.unit == "Count"
    assert sold.dimensions == {"service": "orders", "payment": "card"}


def test_works_without_pytest_fixtures() -> None:
    from powerkit.testing import capture_metrics, lambda_context

    with capture_metrics() as captured:
        handler({"payment": "cash", "items": [{"quantity": 5}]}, lambda_context())

    assert captured.metric("ItemsSold").value == 5
    assert captured.lines[0]["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "Shop"
