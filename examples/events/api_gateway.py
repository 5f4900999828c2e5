"""Read an API Gateway REST request: headers in any case, query strings, JSON body."""

from typing import Any

from powerkit.events import APIGatewayProxyEvent, event_source
from powerkit.testing import apigw_rest_event, lambda_context


@event_source(data_class=APIGatewayProxyEvent)
def handler(event: APIGatewayProxyEvent, context: Any) -> dict[str, Any]:
    return {
        "method": event.http_method,
        "content_type": event.get_header("content-type"),  # sent as Content-Type
        "page": event.get_query_string_value("page", "1"),
        "tags": event.get_multi_value_query_string_values("tag"),
        "order": event.json_body,
        "order_id": event.get_path_parameter("id"),
    }


if __name__ == "__main__":
    raw_event = apigw_rest_event(
        "POST",
        "/orders/42",
        body={"item": "book", "quantity": 2},
        headers={"Content-Type": "application/json"},
        query={"tag": ["gift", "urgent"]},
        path_parameters={"id": "42"},
        resource="/orders/{id}",
    )
    print(handler(raw_event, lambda_context()))
