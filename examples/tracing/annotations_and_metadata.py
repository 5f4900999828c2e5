from powerkit.tracing import Tracer

tracer = Tracer(service="payments")


@tracer.capture_method(capture_response=False)  # the card response stays out of the trace
def charge(customer_id: str, amount: float) -> dict:
    tracer.put_annotation("customer_id", customer_id)  # str, int, float or bool
    tracer.put_annotation("amount", amount)
    tracer.put_metadata("basket", {"items": 3, "coupon": None})  # any JSON; namespace "payments"
    tracer.put_metadata("attempt", 1, namespace="retries")
    with tracer.subsegment("fraud check") as span:  # an ad-hoc block
        span.put_annotation("fraud_score", 0.02)
    return {"status": "captured", "card": "4242"}


if __name__ == "__main__":
    print(charge("c-7", 19.99)["status"])
