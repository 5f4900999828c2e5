"""What processing one record produced: the failure record kept for the response."""

from __future__ import annotations

from typing import Any

from powerkit.batch._errors import RecordNotProcessedError


class RecordFailure:
    """One record reported in ``batchItemFailures``.

    Attributes:
        record_id: the identifier Lambda expects (SQS ``messageId``, Kinesis
            ``kinesis.sequenceNumber``, DynamoDB ``dynamodb.SequenceNumber``).
        record: the typed record (or the raw record dict when it was never attempted).
        exception: what the record handler raised, or a
            `RecordNotProcessedError` for a record never attempted.
    """

    __slots__ = ("exception", "record", "record_id")

    def __init__(self, record_id: str, record: Any, exception: BaseException) -> None:
        self.record_id = record_id
        self.record = record
        self.exception = exception

    def __repr__(self) -> str:
        return (
            f"RecordFailure(record_id={self.record_id!r}, "
            f"exception={type(self.exception).__name__}({self.exception}))"
        )

    @property
    def attempted(self) -> bool:
        """False when the record was reported without calling the record handler."""
        return not isinstance(self.exception, RecordNotProcessedError)
