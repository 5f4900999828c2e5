"""An async handler: the decorated function is a plain callable the runtime can call."""

from __future__ import annotations

import asyncio
from typing import Any

from powerkit.middleware import lambda_handler_decorator


@lambda_handler_decorator
def count_items(handler: Any, event: Any, context: Any) -> Any:
    response = handler(event, context)
    return {**response, "count": len(response["items"])}


@count_items
async def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    items = await asyncio.gather(*(fetch(n) for n in event["ids"]))
    return {"items": list(items)}


async def fetch(item_id: int) -> dict[str, int]:
    await asyncio.sleep(0)  # stands in for an HTTP or database call
    return {"id": item_id}


if __name__ == "__main__":
    print(handler({"ids": [1, 2, 3]}, None))
