"""ALB builder: single- and multi-value modes, query encoding."""

from __future__ import annotations

import base64

from powerkit.testing import alb_event


def test_single_value_mode_keeps_last_values() -> None:
    """Without multi-value headers, repeated headers and parameters keep their last value."""
    event = alb_event(headers={"X-Tag": ["a", "b"]}, query={"q": ["1", "2"]})
    assert event["headers"]["x-tag"] == "b"
    assert event["queryStringParameters"] == {"q": "2"}
    assert "multiValueHeaders" not in event
    assert "multiValueQueryStringParameters" not in event


def test_multi_value_mode_keeps_all_values() -> None:
    """With multi-value headers on, every value of a repeated name is kept, in order."""
    event = alb_event(headers={"X-Tag": ["a", "b"]}, query={"q": ["1", "2"]}, multi_value=True)
    assert event["multiValueHeaders"]["x-tag"] == ["a", "b"]
    assert event["multiValueQueryStringParameters"] == {"q": ["1", "2"]}
    assert "headers" not in event
    assert "queryStringParameters" not in event


def test_query_arrives_encoded_as_the_client_sent_it() -> None:
    """ALB does not decode query strings: names and values stay form-encoded."""
    event = alb_event(query={"full name": "Ana María"})
    assert event["queryStringParameters"] == {"full+name": "Ana+Mar%C3%ADa"}


def test_target_group_arn_region_and_empty_body() -> None:
    """The target group ARN uses region and account; no body is an empty string."""
    event = alb_event(target_group="tg", region="eu-west-1", account_id="111122223333")
    arn = event["requestContext"]["elb"]["targetGroupArn"]
    assert arn.startswith("arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/tg/")
    assert event["body"] == ""
    assert event["isBase64Encoded"] is False


def test_binary_body_is_base64() -> None:
    """A bytes body is base64-encoded and flagged."""
    event = alb_event("POST", body=b"\xff\x00")
    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == b"\xff\x00"
