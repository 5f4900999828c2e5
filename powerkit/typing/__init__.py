"""Types shared by every utility: the Lambda context protocol."""

from powerkit.typing._context import ClientContext, CognitoIdentity, LambdaContext

__all__ = ["ClientContext", "CognitoIdentity", "LambdaContext"]
