"""A Protocol for the context object the Lambda runtime passes to every handler.

Members are read-only properties so that any object with plain attributes of these names
(the real runtime's ``LambdaContext``, ``powerkit.testing.lambda_context``, a user's own fake)
satisfies the protocol.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable


class CognitoIdentity(Protocol):
    """Amazon Cognito identity that invoked the function (mobile SDK calls only)."""

    @property
    def cognito_identity_id(self) -> str | None: ...

    @property
    def cognito_identity_pool_id(self) -> str | None: ...


class ClientContext(Protocol):
    """Client context sent by the caller of ``Invoke`` (mobile SDK or ``ClientContext`` header)."""

    @property
    def client(self) -> Any: ...

    @property
    def custom(self) -> dict[str, Any] | None: ...

    @property
    def env(self) -> dict[str, Any] | None: ...


@runtime_checkable
class LambdaContext(Protocol):
    """The runtime's context object: function identity, request id and deadline."""

    @property
    def function_name(self) -> str: ...

    @property
    def function_version(self) -> str: ...

    @property
    def invoked_function_arn(self) -> str: ...

    @property
    def memory_limit_in_mb(self) -> int | str:
        """Configured memory; the Python runtime passes it as a string of digits."""
        ...

    @property
    def aws_request_id(self) -> str: ...

    @property
    def log_group_name(self) -> str: ...

    @property
    def log_stream_name(self) -> str: ...

    @property
    def identity(self) -> CognitoIdentity | None: ...

    @property
    def client_context(self) -> ClientContext | None: ...

    def get_remaining_time_in_millis(self) -> int:
        """Milliseconds left before Lambda stops the invocation."""
        ...
