"""A Lambda context you can construct with values, whose deadline runs on the real clock."""

from __future__ import annotations

import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class FakeLambdaContext:
    """Satisfies `powerkit.typing.LambdaContext`; build one with `lambda_context`."""

    function_name: str
    function_version: str
    invoked_function_arn: str
    memory_limit_in_mb: str
    aws_request_id: str
    log_group_name: str
    log_stream_name: str
    timeout_s: float
    identity: Any = None
    client_context: Any = None
    tenant_id: str | None = None
    _deadline: float = field(default=0.0, repr=False)

    def __post_init__(self) -> None:
        self._deadline = time.monotonic() + self.timeout_s

    def get_remaining_time_in_millis(self) -> int:
        """Milliseconds left until ``timeout_s`` after construction (never negative)."""
        return max(0, int((self._deadline - time.monotonic()) * 1000))

    def log(self, msg: object) -> None:
        """Write ``msg`` to the function's log (stdout), as the runtime's ``context.log`` does."""
        sys.stdout.write(str(msg))

    def w3c(self) -> dict[str, str]:
        """The W3C trace-context fields of the invocation; a local invocation has none."""
        return {}


def lambda_context(
    function_name: str = "test-function",
    *,
    memory_mb: int = 128,
    timeout_s: float = 3.0,
    request_id: str | None = None,
    function_version: str = "$LATEST",
    region: str = "us-east-1",
    account_id: str = "123456789012",
    client_context: Any = None,
    identity: Any = None,
) -> FakeLambdaContext:
    """Build a Lambda context for tests and local runs.

    The deadline starts now: ``get_remaining_time_in_millis()`` counts down from
    ``timeout_s`` with the real clock. Each call gets a fresh random request id unless
    ``request_id`` is given.
    """
    stamp = time.strftime("%Y/%m/%d")
    return FakeLambdaContext(
        function_name=function_name,
        function_version=function_version,
        invoked_function_arn=f"arn:aws:lambda:{region}:{account_id}:function:{function_name}",
        # The Python runtime passes the memory size as a string of digits: so does the fake,
        # so code that does arithmetic on it fails in tests as it would in Lambda.
        memory_limit_in_mb=str(memory_mb),
        aws_request_id=request_id or str(uuid.uuid4()),
        log_group_name=f"/aws/lambda/{function_name}",
        log_stream_name=f"{stamp}/[{function_version}]{uuid.uuid4().hex}",
        timeout_s=timeout_s,
        identity=identity,
        client_context=client_context,
    )
