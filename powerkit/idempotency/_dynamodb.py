"""DynamoDB store: one conditional write per lock, one per result, no reads on the hot path.

- acquire: ``PutItem`` with a condition that the key is free (absent, expired, or a lapsed
  INPROGRESS lock) and ``ReturnValuesOnConditionCheckFailure=ALL_OLD``, so a repeat learns
  the stored record from the failed write itself: 1 call.
- complete: ``PutItem`` conditioned on the caller's owner token and INPROGRESS status: 1 call.
- release: ``DeleteItem`` with the same condition.

The low-level client and its typed attribute values are used directly (no resource layer,
no type (de)serializer) to keep client-side CPU per call small. ``boto3`` is imported only
when a layer is built without a client.
"""

from __future__ import annotations

from typing import Any

from powerkit._extras import require
from powerkit.idempotency._record import COMPLETED, INPROGRESS, IdempotencyRecord, Status

_FREE = "attribute_not_exists(#k) OR #e <= :now_s OR (#s = :inprogress AND #l <= :now_ms)"
_MINE = "#o = :owner AND #s = :inprogress"
_INPROGRESS = {"S": INPROGRESS}


def _build_client(boto_config: Any, boto3_session: Any) -> Any:
    boto3 = require("boto3", extra="aws", feature="DynamoDBPersistenceLayer")
    from botocore.config import Config

    config = Config(parameter_validation=False)
    if boto_config is not None:
        config = config.merge(boto_config)
    session = boto3_session if boto3_session is not None else boto3.session.Session()
    return session.client("dynamodb", config=config)


class DynamoDBPersistenceLayer:
    """Records in a DynamoDB table (partition key ``key_attr``, TTL on ``expiry_attr``).

    Args:
        table_name: the table.
        key_attr: the partition key attribute (string).
        sort_key_attr: the sort key attribute, for tables shared with other data; the
            partition key then holds ``static_pk_value``.
        static_pk_value: the partition key value with a sort key; defaults to
            ``idempotency#<Lambda function name>``.
        expiry_attr: epoch-seconds expiry; enable DynamoDB TTL on it.
        in_progress_expiry_attr: epoch-milliseconds lock expiry.
        status_attr: name of the status attribute in the table.
        data_attr: name of that attribute in the table.
        validation_key_attr: name of that attribute in the table.
        owner_attr: name of that attribute in the table.
        boto3_client: a ``dynamodb`` client to use (e.g. with ``endpoint_url``).
        boto_config: a ``botocore.config.Config`` for the client built when none is given.
            That client skips botocore's request parameter validation (this class builds
            every request itself, so it cannot fail), about a tenth of botocore's CPU per call;
            ``boto_config`` settings win over that default.
        boto3_session: the session that builds that client.
    """

    def __init__(
        self,
        table_name: str,
        key_attr: str = "id",
        sort_key_attr: str | None = None,
        static_pk_value: str | None = None,
        expiry_attr: str = "expiration",
        in_progress_expiry_attr: str = "in_progress_expiration",
        status_attr: str = "status",
        data_attr: str = "data",
        validation_key_attr: str = "validation",
        owner_attr: str = "owner",
        boto3_client: Any = None,
        boto_config: Any = None,
        boto3_session: Any = None,
    ) -> None:
        if boto3_client is None:
            boto3_client = _build_client(boto_config, boto3_session)
        self.client = boto3_client
        self.table_name = table_name
        self.key_attr = key_attr
        self.sort_key_attr = sort_key_attr
        if sort_key_attr is not None and static_pk_value is None:
            from powerkit import _config as _env

            function = _env.AWS_LAMBDA_FUNCTION_NAME.get() or "powerkit"
            static_pk_value = f"idempotency#{function}"
        self.static_pk_value = static_pk_value
        self.attrs = (
            status_attr,
            expiry_attr,
            in_progress_expiry_attr,
            data_attr,
            validation_key_attr,
            owner_attr,
        )
        self._names = {
            "#k": key_attr,
            "#s": status_attr,
            "#e": expiry_attr,
            "#l": in_progress_expiry_attr,
        }
        self._mine_names = {"#s": status_attr, "#o": owner_attr}
        self._conditional_failed = self.client.exceptions.ConditionalCheckFailedException

    def _key(self, key: str) -> dict[str, Any]:
        if self.sort_key_attr is None:
            return {self.key_attr: {"S": key}}
        return {self.key_attr: {"S": self.static_pk_value}, self.sort_key_attr: {"S": key}}

    def _item(self, record: IdempotencyRecord) -> dict[str, Any]:
        status, expiry, in_progress, data, validation, owner = self.attrs
        item = self._key(record.key)
        item[status] = {"S": record.status}
        item[expiry] = {"N": str(record.expiry)}
        item[owner] = {"S": record.owner}
        if record.in_progress_expiry is not None:
            item[in_progress] = {"N": str(record.in_progress_expiry)}
        if record.data is not None:
            item[data] = {"S": record.data}
        if record.validation is not None:
            item[validation] = {"S": record.validation}
        return item

    def _record(self, item: dict[str, Any]) -> IdempotencyRecord:
        status, expiry, in_progress, data, validation, owner = self.attrs
        key = item[self.sort_key_attr or self.key_attr]["S"]
        stored: Status = COMPLETED if item[status]["S"] == COMPLETED else INPROGRESS
        lock = item.get(in_progress)
        return IdempotencyRecord(
            key=key,
            status=stored,
            expiry=int(item[expiry]["N"]),
            in_progress_expiry=int(lock["N"]) if lock is not None else None,
            data=item[data]["S"] if data in item else None,
            validation=item[validation]["S"] if validation in item else None,
            owner=item[owner]["S"] if owner in item else "",
        )

    def acquire(self, record: IdempotencyRecord, now_ms: int) -> IdempotencyRecord | None:
        for _ in range(3):
            try:
                self.client.put_item(
                    TableName=self.table_name,
                    Item=self._item(record),
                    ConditionExpression=_FREE,
                    ExpressionAttributeNames=self._names,
                    ExpressionAttributeValues={
                        ":now_s": {"N": str(now_ms // 1000)},
                        ":now_ms": {"N": str(now_ms)},
                        ":inprogress": _INPROGRESS,
                    },
                    ReturnValuesOnConditionCheckFailure="ALL_OLD",
                )
                return None
            except self._conditional_failed as exc:
                item = exc.response.get("Item")
                existing = self._record(item) if item else self.get(record.key)
                if existing is not None:
                    return existing
                # deleted between the failed write and the read: try again
        existing = self.get(record.key)
        if existing is None:
            raise RuntimeError(f"key {record.key!r} kept changing during acquire")
        return existing

    def _write_mine(self, call: Any, owner: str, **kwargs: Any) -> bool:
        try:
            call(
                TableName=self.table_name,
                ConditionExpression=_MINE,
                ExpressionAttributeNames=self._mine_names,
                ExpressionAttributeValues={":owner": {"S": owner}, ":inprogress": _INPROGRESS},
                **kwargs,
            )
        except self._conditional_failed:
            return False
        return True

    def complete(self, record: IdempotencyRecord) -> bool:
        return self._write_mine(self.client.put_item, record.owner, Item=self._item(record))

    def release(self, key: str, owner: str) -> bool:
        return self._write_mine(self.client.delete_item, owner, Key=self._key(key))

    def get(self, key: str) -> IdempotencyRecord | None:
        response = self.client.get_item(
            TableName=self.table_name, Key=self._key(key), ConsistentRead=True
        )
        item = response.get("Item")
        return None if item is None else self._record(item)
