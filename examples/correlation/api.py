"""An API handler: the caller's x-correlation-id (or a new one) follows the order into SQS."""

from __future__ import annotations

import os
from typing import Any

import boto3

from powerkit.correlation import correlate, instrument_boto3
from powerkit.logging import Logger

instrument_boto3()  # before any client is created: every SQS/SNS/... call carries the id
logger = Logger(service="orders-api")
sqs = boto3.client("sqs")
QUEUE_URL = os.environ["ORDERS_QUEUE_URL"]


@logger.inject_lambda_context
@correlate
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    logger.info("order accepted")
    sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=event["body"])
    return {"statusCode": 202, "body": ""}
