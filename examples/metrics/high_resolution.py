from powerkit.metrics import MetricResolution, Metrics, MetricUnit
from powerkit.testing import lambda_context

metrics = Metrics(namespace="Shop", service="checkout")


@metrics.log_metrics
def handler(event: dict, context: object) -> None:
    for latency in event["latencies_ms"]:
        # Repeated names accumulate values; 1-second resolution for fast dashboards.
        metrics.add_metric(
            name="PaymentLatency",
            unit=MetricUnit.Milliseconds,
            value=latency,
            resolution=MetricResolution.High,
        )


if __name__ == "__main__":
    handler({"latencies_ms": [12, 15.5, 9]}, lambda_context())
