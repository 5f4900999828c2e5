"""pydantic models of Lambda event sources, loaded on first use.

``from powerkit.parser.models import SqsModel`` imports pydantic and the SQS module only;
importing this package imports nothing. Every model keeps unknown fields (``extra="allow"``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from powerkit.parser.models._base import Base64Bytes, DynamoDBImage, EventModel
    from powerkit.parser.models._http import (
        AlbModel,
        ApiGatewayProxyEventModel,
        ApiGatewayProxyEventV2Model,
        LambdaFunctionUrlModel,
        VpcLatticeV2Model,
    )
    from powerkit.parser.models._messaging import (
        EventBridgeModel,
        SnsModel,
        SnsNotificationModel,
        SnsRecordModel,
        SqsModel,
        SqsRecordModel,
    )
    from powerkit.parser.models._misc import (
        CloudFormationCustomResourceModel,
        CloudWatchLogsData,
        CloudWatchLogsLogEvent,
        CloudWatchLogsModel,
    )
    from powerkit.parser.models._s3 import (
        S3EventBridgeModel,
        S3Model,
        S3RecordModel,
        S3SqsModel,
    )
    from powerkit.parser.models._streams import (
        DynamoDBStreamModel,
        DynamoDBStreamRecord,
        KafkaModel,
        KafkaRecord,
        KinesisDataStreamModel,
        KinesisDataStreamRecord,
        KinesisFirehoseModel,
        KinesisFirehoseRecord,
    )

_MODULES = {
    "_base": ["Base64Bytes", "DynamoDBImage", "EventModel"],
    "_http": [
        "AlbModel",
        "ApiGatewayProxyEventModel",
        "ApiGatewayProxyEventV2Model",
        "LambdaFunctionUrlModel",
        "VpcLatticeV2Model",
    ],
    "_messaging": [
        "EventBridgeModel",
        "SnsModel",
        "SnsNotificationModel",
        "SnsRecordModel",
        "SqsModel",
        "SqsRecordModel",
    ],
    "_misc": [
        "CloudFormationCustomResourceModel",
        "CloudWatchLogsData",
        "CloudWatchLogsLogEvent",
        "CloudWatchLogsModel",
    ],
    "_s3": ["S3EventBridgeModel", "S3Model", "S3RecordModel", "S3SqsModel"],
    "_streams": [
        "DynamoDBStreamModel",
        "DynamoDBStreamRecord",
        "KafkaModel",
        "KafkaRecord",
        "KinesisDataStreamModel",
        "KinesisDataStreamRecord",
        "KinesisFirehoseModel",
        "KinesisFirehoseRecord",
    ],
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "AlbModel",
    "ApiGatewayProxyEventModel",
    "ApiGatewayProxyEventV2Model",
    "Base64Bytes",
    "CloudFormationCustomResourceModel",
    "CloudWatchLogsData",
    "CloudWatchLogsLogEvent",
    "CloudWatchLogsModel",
    "DynamoDBImage",
    "DynamoDBStreamModel",
    "DynamoDBStreamRecord",
    "EventBridgeModel",
    "EventModel",
    "KafkaModel",
    "KafkaRecord",
    "KinesisDataStreamModel",
    "KinesisDataStreamRecord",
    "KinesisFirehoseModel",
    "KinesisFirehoseRecord",
    "LambdaFunctionUrlModel",
    "S3EventBridgeModel",
    "S3Model",
    "S3RecordModel",
    "S3SqsModel",
    "SnsModel",
    "SnsNotificationModel",
    "SnsRecordModel",
    "SqsModel",
    "SqsRecordModel",
    "VpcLatticeV2Model",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from powerkit._extras import require

    require("pydantic", extra="parser", feature="powerkit.parser models")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
