from getting_started import handler

from powerkit.testing import lambda_context


def test_handler_logs_the_order(capture_logs):
    handler({"order_id": "o-42", "items": ["a"]}, lambda_context(request_id="r-42"))

    (line,) = capture_logs
    assert line["message"] == "order received"
    assert line["order_id"] == "o-42"
    assert line["function_request_id"] == "r-42"
