from powerkit.metrics import Metrics, MetricUnit, single_metric
from powerkit.testing import lambda_context

metrics = Metrics(namespace="Shop", service="orders")


@metrics.log_metrics
def handler(event: dict, context: object) -> None:
    metrics.add_metric(name="OrdersPlaced", unit=MetricUnit.Count, value=1)
    if event.get("coupon"):
        # Its own line with its own dimension, so the coupon does not split OrdersPlaced.
        with single_metric(
            name="CouponUsed",
            unit=MetricUnit.Count,
            value=1,
            namespace="Shop",
            dimensions={"coupon": event["coupon"]},
        ):
            pass


if __name__ == "__main__":
    handler({"coupon": "SPRING"}, lambda_context())
