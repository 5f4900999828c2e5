import asyncio

from powerkit.testing import lambda_context
from powerkit.tracing import Tracer

tracer = Tracer(service="catalog")


@tracer.capture_method
async def fetch_price(sku: str) -> float:
    await asyncio.sleep(0.01)  # an HTTP call, say
    return {"apple": 1.5, "pear": 2.0}.get(sku, 0.0)


@tracer.capture_lambda_handler
async def handler(event: dict, context) -> dict:
    # each concurrent fetch_price gets its own subsegment, parented on this handler's
    prices = await asyncio.gather(*(fetch_price(sku) for sku in event["skus"]))
    return dict(zip(event["skus"], prices))


if __name__ == "__main__":
    print(handler({"skus": ["apple", "pear"]}, lambda_context()))  # run to completion for you
