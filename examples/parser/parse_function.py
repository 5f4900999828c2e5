import json
from typing import Any

from pydantic import BaseModel, Field

from powerkit.parser import ParserValidationError, envelopes, parse


class Signup(BaseModel):
    name: str = Field(min_length=1)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    try:
        signup = parse(event, model=Signup, envelope=envelopes.ApiGatewayV2Envelope)
    except ParserValidationError as error:
        fields = [".".join(map(str, e["loc"])) for e in error.errors]
        return {"statusCode": 400, "body": json.dumps({"invalid": fields})}
    return {"statusCode": 200, "body": json.dumps({"hello": signup.name})}
