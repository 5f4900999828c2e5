"""Stacked middleware: the outermost (topmost) runs first and finishes last."""

from __future__ import annotations

from typing import Any

from powerkit.middleware import current_invocation, lambda_handler_decorator

calls: list[str] = []


@lambda_handler_decorator
def traced(handler: Any, event: Any, context: Any, name: str = "") -> Any:
    calls.append(f"enter {name}")
    try:
        return handler(event, context)
    finally:
        calls.append(f"exit {name}")


@traced(name="outer")
@traced(name="inner")
def handler(event: dict[str, Any], context: Any) -> bool:
    invocation = current_invocation()  # one scope for the whole stack
    calls.append("handler")
    return invocation is not None and invocation.cold_start


if __name__ == "__main__":
    from powerkit.testing import lambda_context

    print(handler({}, lambda_context()), calls)
