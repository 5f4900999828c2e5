"""API Gateway authorizer events and response builders."""

from __future__ import annotations

import pytest

from powerkit import ConfigError
from powerkit.events import (
    APIGatewayAuthorizerResponse,
    APIGatewayAuthorizerTokenEvent,
    APIGatewayRouteArn,
    simple_authorizer_response,
)

ARN = "arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/prod/GET/pets/1"


def test_method_arn_is_parsed() -> None:
    """A method ARN splits into its parts and rebuilds to itself."""
    arn = APIGatewayRouteArn.parse(ARN)
    assert (arn.region, arn.aws_account_id, arn.api_id) == (
        "us-west-2",
        "123456789012",
        "ymy8tbxw7b",
    )
    assert (arn.stage, arn.http_method, arn.resource) == ("prod", "GET", "pets/1")
    assert arn.arn == ARN


@pytest.mark.parametrize("bad", ["nope", "arn:aws:s3:::bucket", "arn:aws:execute-api:r:a:api"])
def test_bad_arn_is_a_config_error(bad: str) -> None:
    """Something that is not an execute-api ARN raises ConfigError."""
    with pytest.raises(ConfigError):
        APIGatewayRouteArn.parse(bad)


def test_policy_allows_and_denies_routes() -> None:
    """allow_route/deny_route produce one statement per effect with full ARNs."""
    event = APIGatewayAuthorizerTokenEvent(
        {"type": "TOKEN", "authorizationToken": "t", "methodArn": ARN}
    )
    policy = APIGatewayAuthorizerResponse.for_arn("user", event.parsed_arn, {"tier": "gold"})
    policy.allow_route("get", "/pets/*")
    policy.deny_route("DELETE", "pets/1")
    response = policy.asdict()
    assert response["principalId"] == "user"
    assert response["context"] == {"tier": "gold"}
    statements = response["policyDocument"]["Statement"]
    assert statements == [
        {
            "Action": "execute-api:Invoke",
            "Effect": "Allow",
            "Resource": ["arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/prod/GET/pets/*"],
        },
        {
            "Action": "execute-api:Invoke",
            "Effect": "Deny",
            "Resource": [
                "arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/prod/DELETE/pets/1"
            ],
        },
    ]


def test_policy_without_decisions_denies_everything() -> None:
    """A policy with no routes denies the whole stage rather than returning nothing."""
    policy = APIGatewayAuthorizerResponse("u", "eu-west-1", "1", "api", "prod")
    (statement,) = policy.asdict()["policyDocument"]["Statement"]
    assert statement["Effect"] == "Deny"
    assert statement["Resource"] == ["arn:aws:execute-api:eu-west-1:1:api/prod/*/*"]


def test_allow_all_routes_and_usage_key() -> None:
    """allow_all_routes covers every resource; the usage key is passed through."""
    policy = APIGatewayAuthorizerResponse("u", "r", "1", "api", "s", usage_identifier_key="k")
    policy.allow_all_routes()
    response = policy.asdict()
    assert response["usageIdentifierKey"] == "k"
    assert response["policyDocument"]["Statement"][0]["Resource"] == [
        "arn:aws:execute-api:r:1:api/s/*/*"
    ]


def test_unknown_method_is_a_config_error() -> None:
    """A method that is not HTTP raises ConfigError when the route is added."""
    policy = APIGatewayAuthorizerResponse("u", "r", "1", "api", "s")
    with pytest.raises(ConfigError, match="FETCH"):
        policy.allow_route("FETCH", "/")


def test_simple_response() -> None:
    """The HTTP API simple response carries isAuthorized and the optional context."""
    assert simple_authorizer_response(True) == {"isAuthorized": True}
    assert simple_authorizer_response(False, {"a": 1}) == {
        "isAuthorized": False,
        "context": {"a": 1},
    }
