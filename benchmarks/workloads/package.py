"""Cold import of the top-level package, and of the top-level names most handlers use."""

from benchmarks.harness import Workload, import_time

WORKLOADS = [
    Workload(
        name="package.import",
        powerkit=import_time("powerkit"),
        peer=import_time("aws_lambda_powertools"),
        unit="ms",
        target=0.3,
        baseline=import_time("json"),
    ),
]
