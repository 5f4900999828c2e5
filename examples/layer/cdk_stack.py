"""An AWS CDK (v2, Python) stack deploying a function with the powerkit layer."""

from __future__ import annotations

from typing import Any


def build_stack(scope: Any, cdk: Any, lambda_: Any) -> Any:
    """Pass ``aws_cdk`` as ``cdk`` and ``aws_cdk.aws_lambda`` as ``lambda_``."""
    stack = cdk.Stack(scope, "Orders")
    layer = lambda_.LayerVersion(
        stack,
        "Powerkit",
        code=lambda_.Code.from_asset("layer.zip"),  # powerkit layer build --arch arm64
        compatible_runtimes=[lambda_.Runtime.PYTHON_3_12],
        compatible_architectures=[lambda_.Architecture.ARM_64],
    )
    lambda_.Function(
        stack,
        "OrdersFunction",
        runtime=lambda_.Runtime.PYTHON_3_12,
        architecture=lambda_.Architecture.ARM_64,
        handler="app.handler",
        code=lambda_.Code.from_asset("src"),
        layers=[layer],
        tracing=lambda_.Tracing.ACTIVE,
        environment={"POWERKIT_SERVICE_NAME": "orders", "POWERKIT_METRICS_NAMESPACE": "Shop"},
    )
    return stack
