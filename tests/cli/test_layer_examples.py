"""The deployment examples on the layer page are valid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "layer"


class _CfnLoader(yaml.SafeLoader):  # type: ignore[misc,name-defined]
    """SafeLoader that understands CloudFormation's short-form tags (!Ref, !GetAtt, ...)."""


def _tag(loader: Any, suffix: str, node: Any) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return {suffix: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {suffix: loader.construct_sequence(node)}
    return {suffix: loader.construct_mapping(node)}


_CfnLoader.add_multi_constructor("!", _tag)


def test_sam_template_declares_the_layer_and_uses_it() -> None:
    """The SAM template parses and the function references the layer it declares."""
    template = yaml.load((EXAMPLES / "template.yaml").read_text(), Loader=_CfnLoader)
    resources = template["Resources"]
    assert resources["PowerkitLayer"]["Type"] == "AWS::Serverless::LayerVersion"
    function = resources["OrdersFunction"]["Properties"]
    assert function["Layers"] == [{"Ref": "PowerkitLayer"}]
    assert (
        function["Architectures"]
        == resources["PowerkitLayer"]["Properties"]["CompatibleArchitectures"]
    )


def test_cdk_example_builds_a_layer_and_a_function() -> None:
    """The CDK example wires the layer into the function (checked with recording stand-ins)."""
    from types import SimpleNamespace

    from examples.layer.cdk_stack import build_stack

    made: list[tuple[str, dict[str, Any]]] = []

    def construct(kind: str) -> Any:
        def make(scope: Any, name: str, **props: Any) -> Any:
            made.append((kind, props))
            return SimpleNamespace(kind=kind, name=name)

        return make

    lambda_ = SimpleNamespace(
        LayerVersion=construct("layer"),
        Function=construct("function"),
        Code=SimpleNamespace(from_asset=lambda path: f"asset:{path}"),
        Runtime=SimpleNamespace(PYTHON_3_12="python3.12"),
        Architecture=SimpleNamespace(ARM_64="arm64"),
        Tracing=SimpleNamespace(ACTIVE="Active"),
    )
    cdk = SimpleNamespace(Stack=lambda scope, name: SimpleNamespace(name=name))
    build_stack(None, cdk, lambda_)
    (layer_kind, layer), (function_kind, function) = made
    assert (layer_kind, function_kind) == ("layer", "function")
    assert layer["code"] == "asset:layer.zip"
    assert function["layers"][0].kind == "layer"
