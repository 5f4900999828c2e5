"""Processors: the configuration of a batch run (source, model, policies, hooks).

A processor holds no per-batch state, so one module-level processor can serve concurrent
invocations; calling it with a batch returns a `BatchRun` that does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from powerkit.batch._errors import BatchConfigError
from powerkit.batch._model import model_validator
from powerkit.batch._run import BatchRun
from powerkit.batch._sources import EventType, RawRecord, source_for

_DEFAULT_LOGGER = "powerkit.batch"


def _positive(name: str, value: int | None, minimum: int) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise BatchConfigError(f"{name}={value!r} must be an integer")
    if value is not None and value < minimum:
        raise BatchConfigError(f"{name}={value!r} must be at least {minimum}")


class BatchProcessor:
    """Processes each record of an SQS, Kinesis or DynamoDB Streams batch on its own.

    Args:
        event_type: the event source (``EventType.SQS`` by default).
        model: a pydantic model; when given, the record handler receives the record's payload
            validated into it (SQS: the JSON body; Kinesis: the base64-decoded JSON data;
            DynamoDB: the deserialised ``NewImage``). A record failing validation fails alone.
        raise_on_entire_batch_failure: when every record fails, raise
            `BatchProcessingError` (Lambda retries the batch) instead of
            returning the full failure list.
        max_workers: above 1, records of a standard SQS queue run in a thread pool of this
            size (I/O-bound handlers). Rejected for FIFO queues and streams, where order matters.
        deadline_margin_ms: stop before a record when the Lambda context has less than this
            many milliseconds left, and report every remaining record as failed.
        max_receive_count: SQS only: a record received more than this many times is a poison
            record: it goes to ``on_poison`` and is reported as succeeded.
        on_poison: called with each poison record (e.g. to forward it to a dead-letter queue);
            required with ``max_receive_count``. If it raises, the record fails as usual.
        logger: where failures, poison records and deadline stops are logged (a
            ``logging.Logger`` or a powerkit ``Logger``); the ``powerkit.batch`` standard
            logger by default. Each failure is one WARNING line with the record id and the
            exception; the first of each exception type in a batch carries the trace.

    Override `success_handler` / `failure_handler` in a subclass to act on each
    outcome.
    """

    _fifo = False

    def __init__(
        self,
        event_type: EventType | str = EventType.SQS,
        model: type[Any] | None = None,
        *,
        raise_on_entire_batch_failure: bool = True,
        max_workers: int = 1,
        deadline_margin_ms: int = 1000,
        max_receive_count: int | None = None,
        on_poison: Callable[[Any], object] | None = None,
        logger: Any = None,
    ) -> None:
        try:
            self.event_type = EventType(event_type)
        except ValueError:
            choices = ", ".join(f"EventType.{e.name}" for e in EventType)
            raise BatchConfigError(f"event_type={event_type!r} is not one of {choices}") from None
        _positive("max_workers", max_workers, 1)
        _positive("deadline_margin_ms", deadline_margin_ms, 0)
        _positive("max_receive_count", max_receive_count, 1)
        self.source = source_for(self.event_type)
        self.ordered = self.source.ordered or self._fifo
        # Failure policy of the loop: stop at the first failure (ordered sources), or skip
        # only the failed FIFO group (SqsFifoPartialProcessor(skip_group_on_error=True)).
        self.skip_groups = False
        if max_workers > 1 and self.ordered:
            what = "a FIFO queue" if self._fifo else f"{self.event_type.value} (ordered)"
            raise BatchConfigError(
                f"max_workers={max_workers} would process records of {what} out of order; "
                "use max_workers=1, or a standard SQS queue for parallel processing"
            )
        if max_receive_count is not None and self.event_type is not EventType.SQS:
            raise BatchConfigError(
                "max_receive_count applies to SQS records only (streams have no receive count)"
            )
        if (max_receive_count is None) != (on_poison is None):
            raise BatchConfigError(
                "max_receive_count and on_poison go together: on_poison(record) receives each "
                "record received more than max_receive_count times; pass both or neither"
            )
        self.model = model
        self.validate = model_validator(model, self.source) if model is not None else None
        self.raise_on_entire_batch_failure = raise_on_entire_batch_failure
        self.max_workers = max_workers
        self.deadline_margin_ms = deadline_margin_ms
        self.max_receive_count = max_receive_count
        self.on_poison = on_poison
        if logger is None:
            import logging  # already loaded in Lambda; not needed to import powerkit.batch

            logger = logging.getLogger(_DEFAULT_LOGGER)
        self.logger = logger
        # Only call the hooks per record when a subclass overrides them.
        cls = type(self)
        self.calls_success_handler = cls.success_handler is not BatchProcessor.success_handler
        self.calls_failure_handler = cls.failure_handler is not BatchProcessor.failure_handler

    def __call__(
        self,
        records: Sequence[RawRecord],
        handler: Callable[..., Any],
        context: Any = None,
    ) -> BatchRun:
        """Prepare a run over ``records``; use it as a context manager and call ``process()``.

        Args:
            records: the raw records (``event["Records"]``).
            handler: the record handler, ``handler(record)`` or ``handler(record, context)``.
            context: the Lambda context (defaults to the running invocation's context).
        """
        return BatchRun(self, records, handler, context)

    def group_of(self, raw: RawRecord) -> str | None:
        """The FIFO message group of a raw record (None for other processors)."""
        return None

    def success_handler(self, record: Any, result: Any) -> None:
        """Called after each record the handler processed without raising (no-op by default).

        Args:
            record: the typed record (or the validated model, with ``model=``).
            result: what the record handler returned.
        """

    def failure_handler(self, record: Any, exception: Exception) -> None:
        """Called after each record whose handler raised (no-op by default).

        Runs while the record's log keys are bound, before powerkit logs the failure.

        Args:
            record: the typed record.
            exception: what the record handler (or model validation) raised.
        """


class SqsFifoPartialProcessor(BatchProcessor):
    """Processes an SQS FIFO batch in order.

    After the first failure every later record is reported failed without being processed.
    With ``skip_group_on_error=True`` only later records of the failed ``MessageGroupId`` are
    skipped, and other groups go on.
    """

    _fifo = True

    def __init__(
        self,
        model: type[Any] | None = None,
        *,
        skip_group_on_error: bool = False,
        raise_on_entire_batch_failure: bool = True,
        max_workers: int = 1,
        deadline_margin_ms: int = 1000,
        max_receive_count: int | None = None,
        on_poison: Callable[[Any], object] | None = None,
        logger: Any = None,
    ) -> None:
        super().__init__(
            EventType.SQS,
            model,
            raise_on_entire_batch_failure=raise_on_entire_batch_failure,
            max_workers=max_workers,  # accepted only to reject > 1 with a clear message
            deadline_margin_ms=deadline_margin_ms,
            max_receive_count=max_receive_count,
            on_poison=on_poison,
            logger=logger,
        )
        self.skip_group_on_error = skip_group_on_error
        self.skip_groups = skip_group_on_error

    def group_of(self, raw: RawRecord) -> str | None:
        attributes = raw.get("attributes")
        group = attributes.get("MessageGroupId") if isinstance(attributes, dict) else None
        return group if isinstance(group, str) else None
