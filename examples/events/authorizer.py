"""A REST API TOKEN authorizer: read the token, answer with an IAM policy."""

from typing import Any

from powerkit.events import (
    APIGatewayAuthorizerResponse,
    APIGatewayAuthorizerTokenEvent,
    event_source,
)
from powerkit.testing import lambda_context


@event_source(data_class=APIGatewayAuthorizerTokenEvent)
def handler(event: APIGatewayAuthorizerTokenEvent, context: Any) -> dict[str, Any]:
    policy = APIGatewayAuthorizerResponse.for_arn(
        principal_id="user-1", arn=event.parsed_arn, context={"tier": "gold"}
    )
    if event.authorization_token == "allow":
        policy.allow_route("GET", "/orders/*")
    else:
        policy.deny_all_routes()
    return policy.asdict()


if __name__ == "__main__":
    raw_event = {
        "type": "TOKEN",
        "authorizationToken": "allow",
        "methodArn": "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/orders/7",
    }
    response = handler(raw_event, lambda_context())
    print(response["policyDocument"]["Statement"])
