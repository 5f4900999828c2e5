"""Errors raised by `powerkit.batch`.

Exception tree::

    PowerkitError
    └── BatchError                               powerkit.batch
        ├── BatchProcessingError                 every record of a batch failed
        ├── BatchConfigError (ConfigError)       a processor or handler is set up wrongly
        ├── BatchEventError (ValueError)         the event is not a batch of the expected source
        └── RecordNotProcessedError              a record was reported without being attempted
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from powerkit._errors import ConfigError, PowerkitError

if TYPE_CHECKING:
    from powerkit.batch._outcome import RecordFailure


class BatchError(PowerkitError):
    """Base class of the errors raised by `powerkit.batch`."""


class BatchProcessingError(BatchError):
    """Every record of the batch failed, so the invocation fails and Lambda retries the batch.

    Raised unless the processor was built with ``raise_on_entire_batch_failure=False``.

    Attributes:
        failures: one `RecordFailure` per record, in event order.
        exceptions: each record's exception, in event order (records that were never
            attempted carry a `RecordNotProcessedError`).
    """

    def __init__(self, failures: Sequence[RecordFailure]) -> None:
        self.failures = list(failures)
        self.exceptions: list[BaseException] = [failure.exception for failure in self.failures]
        first = self.exceptions[0] if self.exceptions else None
        detail = f"; first: {type(first).__name__}: {first}" if first is not None else ""
        super().__init__(
            f"all {len(self.failures)} records of the batch failed{detail}. The invocation "
            "fails so that Lambda retries the whole batch; see .exceptions for every error, "
            "or pass raise_on_entire_batch_failure=False to return the failure list instead."
        )


class BatchConfigError(BatchError, ConfigError):
    """A processor option, or the record handler given to it, cannot be used."""


class BatchEventError(BatchError, ValueError):
    """The event is not a batch of the processor's source (no ``Records``, no identifier)."""


class RecordNotProcessedError(BatchError):
    """The record was reported as failed without being attempted.

    Attributes:
        reason: ``"deadline"`` (too little time was left), ``"ordering"`` (an earlier record
            of an ordered source failed) or ``"group"`` (an earlier record of the same FIFO
            message group failed).
        record_id: the record's identifier.
    """

    _WHY = {
        "deadline": "too little time was left before the Lambda deadline",
        "ordering": "an earlier record of this ordered batch failed",
        "group": "an earlier record of the same message group failed",
    }

    def __init__(self, reason: str, record_id: str) -> None:
        self.reason = reason
        self.record_id = record_id
        super().__init__(f"record {record_id} was not attempted: {self._WHY.get(reason, reason)}")
