"""A custom middleware: add security headers to every API Gateway response."""

from __future__ import annotations

from typing import Any

from powerkit.middleware import lambda_handler_decorator


@lambda_handler_decorator
def security_headers(handler: Any, event: Any, context: Any, hsts_max_age: int = 31536000) -> Any:
    response = handler(event, context)
    headers = response.setdefault("headers", {})
    headers["Strict-Transport-Security"] = f"max-age={hsts_max_age}"
    headers["X-Content-Type-Options"] = "nosniff"
    return response


@security_headers(hsts_max_age=3600)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return {"statusCode": 200, "body": "hello"}


if __name__ == "__main__":
    print(handler({}, None))
