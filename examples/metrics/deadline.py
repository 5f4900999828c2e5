import time

from powerkit.metrics import Metrics, MetricUnit
from powerkit.testing import lambda_context
from powerkit.typing import LambdaContext

# Publish pending metrics 500 ms (the default) before the Lambda deadline.
metrics = Metrics(namespace="Shop", service="exports", flush_margin_ms=500)


@metrics.log_metrics
def handler(event: dict, context: LambdaContext) -> None:
    metrics.add_metric(name="ExportStarted", unit=MetricUnit.Count, value=1)
    while context.get_remaining_time_in_millis() > 200:  # a job that overruns its budget
        time.sleep(0.02)
    # If Lambda killed the function here, ExportStarted would already be in CloudWatch.


if __name__ == "__main__":
    handler({}, lambda_context(timeout_s=0.8))
