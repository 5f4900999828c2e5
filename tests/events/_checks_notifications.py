"""Checkers for SNS, S3 (notifications, EventBridge, Object Lambda, Batch) and EventBridge."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote_plus

from powerkit import events
from tests.events._checks_streams import check_sqs


def _check_sns_message(message: events.SNSMessage, raw: dict[str, Any]) -> None:
    assert message.message_id == raw["MessageId"]
    assert message.message == raw["Message"]
    assert message.topic_arn == raw["TopicArn"]
    assert message.timestamp == raw["Timestamp"]
    assert message.subject == raw.get("Subject")
    assert message.signing_cert_url == (raw.get("SigningCertUrl") or raw.get("SigningCertURL"))
    for name, attribute in (raw.get("MessageAttributes") or {}).items():
        assert message.message_attributes[name].value == attribute["Value"]
        assert message.message_attributes.get_value(name) == attribute["Value"]


def check_sns(event: events.SNSEvent, raw: dict[str, Any]) -> None:
    assert len(event.records) == len(raw["Records"])
    for record, item in zip(event.records, raw["Records"]):
        assert record.event_subscription_arn == item["EventSubscriptionArn"]
        _check_sns_message(record.sns, item["Sns"])
    assert event.sns_message.message_id == raw["Records"][0]["Sns"]["MessageId"]


def check_sns_in_sqs(event: events.SQSEvent, raw: dict[str, Any]) -> None:
    import json

    check_sqs(event, raw)
    for record, item in zip(event.records, raw["Records"]):
        _check_sns_message(record.sns_message, json.loads(item["body"]))


def _check_s3_record(record: events.S3EventRecord, item: dict[str, Any]) -> None:
    assert record.event_name == item["eventName"]
    assert record.event_time == item["eventTime"]
    assert record.s3.bucket.name == item["s3"]["bucket"]["name"]
    assert record.s3.bucket.arn == item["s3"]["bucket"]["arn"]
    raw_object = item["s3"]["object"]
    assert record.s3.object.raw_key == raw_object["key"]
    # aws-lambda-go's samples carry the decoded key: an independent oracle.
    assert record.s3.object.key == raw_object.get("urlDecodedKey", unquote_plus(raw_object["key"]))
    assert record.s3.object.size == raw_object.get("size")
    assert record.s3.object.etag == raw_object.get("eTag")
    assert record.principal_id == item["userIdentity"]["principalId"]


def check_s3(event: events.S3Event, raw: dict[str, Any]) -> None:
    assert len(event.records) == len(raw["Records"])
    for record, item in zip(event.records, raw["Records"]):
        _check_s3_record(record, item)
    assert event.bucket_name == raw["Records"][0]["s3"]["bucket"]["name"]


def check_s3_in_sqs(event: events.SQSEvent, raw: dict[str, Any]) -> None:
    import json

    check_sqs(event, raw)
    for record, item in zip(event.records, raw["Records"]):
        check_s3(record.s3_event, json.loads(item["body"]))


def check_eventbridge(event: events.EventBridgeEvent, raw: dict[str, Any]) -> None:
    assert event.id == raw["id"]
    assert event.detail_type == raw["detail-type"]
    assert event.source == raw["source"]
    assert event.time == raw["time"]
    assert event.detail is raw["detail"]
    assert event.resources == raw["resources"]
    assert event.replay_name == raw.get("replay-name")


def check_s3_eventbridge(event: events.S3EventBridgeNotificationEvent, raw: dict[str, Any]) -> None:
    check_eventbridge(event, raw)
    detail = raw["detail"]
    assert event.bucket_name == detail["bucket"]["name"]
    assert event.s3_detail.object.raw_key == detail["object"]["key"]
    assert event.object_key == unquote_plus(detail["object"]["key"])
    assert event.s3_detail.object.size == detail["object"].get("size")
    assert event.s3_detail.reason == detail.get("reason")
    assert event.s3_detail.request_id == detail.get("request-id")


def check_s3_object_lambda(event: events.S3ObjectLambdaEvent, raw: dict[str, Any]) -> None:
    assert event.request_id == raw["xAmzRequestId"]
    assert event.configuration.access_point_arn == raw["configuration"]["accessPointArn"]
    assert event.user_request.url == raw["userRequest"]["url"]
    for name, value in raw["userRequest"]["headers"].items():
        assert event.user_request.headers[name.lower()] == value
    assert event.user_identity.principal_id == raw["userIdentity"]["principalId"]
    contexts = {
        "getObjectContext": event.get_object_context,
        "headObjectContext": event.head_object_context,
        "listObjectsContext": event.list_objects_context,
        "listObjectsV2Context": event.list_objects_v2_context,
    }
    for key, context in contexts.items():
        if key in raw:
            assert context is not None
            assert context.input_s3_url == raw[key]["inputS3Url"]
        else:
            assert context is None


def check_s3_batch(event: events.S3BatchOperationEvent, raw: dict[str, Any]) -> None:
    assert event.invocation_id == raw["invocationId"]
    assert event.job.id == raw["job"]["id"]
    for task, item in zip(event.tasks, raw["tasks"], strict=True):
        assert task.task_id == item["taskId"]
        assert task.s3_key == unquote_plus(item["s3Key"])
        assert task.s3_version_id == item.get("s3VersionId")
        expected_bucket = item.get("s3Bucket") or item["s3BucketArn"].rpartition(":")[2]
        assert task.bucket_name == expected_bucket
    response = event.response([events.s3_batch_result(t, "Succeeded") for t in event.tasks])
    assert response["invocationId"] == raw["invocationId"]
    assert response["invocationSchemaVersion"] == raw["invocationSchemaVersion"]
    assert [r["taskId"] for r in response["results"]] == [t["taskId"] for t in raw["tasks"]]
