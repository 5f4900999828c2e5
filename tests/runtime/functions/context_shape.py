"""Describe the runtime's context object: public members and the types of their values."""

from __future__ import annotations

from typing import Any

from powerkit.typing import LambdaContext


def handler(event: Any, context: Any) -> dict[str, Any]:
    members = {
        name: "method"
        if callable(getattr(context, name))
        else type(getattr(context, name)).__name__
        for name in dir(context)
        if not name.startswith("_")
    }
    return {
        "members": members,
        "satisfies_protocol": isinstance(context, LambdaContext),
        "remaining_ms_type": type(context.get_remaining_time_in_millis()).__name__,
    }
