"""Cognito triggers answer by filling in `response`: assign, then return the raw event."""

from typing import Any

from powerkit.events import PreSignUpTriggerEvent, event_source
from powerkit.testing import lambda_context


@event_source(data_class=PreSignUpTriggerEvent)
def handler(event: PreSignUpTriggerEvent, context: Any) -> dict[str, Any]:
    email = (event.request.user_attributes or {}).get("email", "")
    if email.endswith("@example.com"):
        event.response.auto_confirm_user = True
        event.response.auto_verify_email = True
    return event.raw_event


if __name__ == "__main__":
    raw_event = {
        "version": "1",
        "region": "eu-west-1",
        "userPoolId": "eu-west-1_abc",
        "userName": "jane",
        "triggerSource": "PreSignUp_SignUp",
        "callerContext": {"awsSdkVersion": "1", "clientId": "client"},
        "request": {"userAttributes": {"email": "jane@example.com"}},
        "response": {},
    }
    print(handler(raw_event, lambda_context())["response"])
