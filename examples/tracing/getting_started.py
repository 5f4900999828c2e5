from powerkit.testing import lambda_context
from powerkit.tracing import Tracer

tracer = Tracer(service="orders")  # off outside Lambda: costs nothing when you run it here


@tracer.capture_method
def load_order(order_id: str) -> dict:
    tracer.put_annotation("order_id", order_id)  # indexed: filter traces by it
    return {"id": order_id, "total": 42}


@tracer.capture_lambda_handler
def handler(event: dict, context) -> dict:
    order = load_order(event["order_id"])
    return {"statusCode": 200, "total": order["total"]}


if __name__ == "__main__":
    print(handler({"order_id": "o-1"}, lambda_context()))
