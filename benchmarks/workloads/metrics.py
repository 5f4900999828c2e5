"""Metrics workloads: import time, and one handler invocation adding 1, 10 or 100 metrics.

Each invocation adds two dimensions (plus the ``service`` dimension both libraries add),
the metrics, and publishes one EMF line to stdout, which points at /dev/null while the
handler runs. Both sides get the same minimal context object.
"""

from __future__ import annotations

from benchmarks.harness import FAKE_CONTEXT, Workload, import_time, per_call

_CONTEXT = (
    """
import os, sys
_real_stdout = sys.stdout
_null = open(os.devnull, "w")
"""
    + FAKE_CONTEXT
    + """
NAMES = [f"Metric{i}" for i in range(100)]
"""
)

_HANDLER = """
metrics = Metrics(namespace="Bench", service="checkout")

@metrics.log_metrics
def handler(event, context):
    metrics.add_dimension("environment", "prod")
    metrics.add_dimension("region", "eu-west-1")
    for name in NAMES[:{n}]:
        metrics.add_metric(name=name, unit=MetricUnit.Count, value=1)
"""

_CALL = """
sys.stdout = _null
handler({}, context)
sys.stdout = _real_stdout
"""

_BASELINE = """
import json, time

def handler(event, context):
    names = NAMES[:{n}]
    document = {{
        "_aws": {{
            "Timestamp": int(time.time() * 1000),
            "CloudWatchMetrics": [{{
                "Namespace": "Bench",
                "Dimensions": [["service", "environment", "region"]],
                "Metrics": [{{"Name": name, "Unit": "Count"}} for name in names],
            }}],
        }},
        "service": "checkout",
        "environment": "prod",
        "region": "eu-west-1",
    }}
    for name in names:
        document[name] = 1
    print(json.dumps(document))
"""


def _invoke(n: int) -> Workload:
    number = {1: 5000, 10: 2000, 100: 300}[n]
    powerkit = per_call(
        _CONTEXT + "from powerkit.metrics import Metrics, MetricUnit\n" + _HANDLER.format(n=n),
        _CALL,
        number=number,
    )
    peer = per_call(
        _CONTEXT
        + "from aws_lambda_powertools import Metrics\n"
        + "from aws_lambda_powertools.metrics import MetricUnit\n"
        + _HANDLER.format(n=n),
        _CALL,
        number=number,
    )
    baseline = per_call(_CONTEXT + _BASELINE.format(n=n), _CALL, number=number)
    target = 0.35 if n == 100 else 0.5
    return Workload(f"metrics.invoke_{n}", powerkit, peer, "us", target, baseline)


WORKLOADS: list[Workload] = [
    Workload(
        "metrics.import",
        import_time("powerkit.metrics"),
        import_time("aws_lambda_powertools.metrics"),
        "ms",
        0.3,
    ),
    _invoke(1),
    _invoke(10),
    _invoke(100),
]
