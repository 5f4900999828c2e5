"""``AsyncBatchProcessor``: ``async def`` record handlers, records of SQS run concurrently.

Each record runs in its own asyncio task (a task copies the caller's context, so the record's
log keys stay with it). Ordered sources (streams) are awaited one record at a time so that the
stop-at-first-failure rule still holds. At the deadline, records still running are cancelled
and reported as failed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from powerkit.batch._deadline import now
from powerkit.batch._errors import BatchConfigError
from powerkit.batch._keys import bind_record, log_keys_var
from powerkit.batch._processor import BatchProcessor
from powerkit.batch._run import BatchRun
from powerkit.batch._sources import EventType, RawRecord, missing_id

if TYPE_CHECKING:
    import asyncio


class AsyncBatchProcessor(BatchProcessor):
    """Like `BatchProcessor`, for ``async def`` record handlers.

    Records of an SQS batch run concurrently (at most ``max_concurrency`` at a time when
    given); Kinesis and DynamoDB Streams records run one after the other, in order. The other
    arguments are those of `BatchProcessor`.
    """

    def __init__(
        self,
        event_type: EventType | str = EventType.SQS,
        model: type[Any] | None = None,
        *,
        raise_on_entire_batch_failure: bool = True,
        max_concurrency: int | None = None,
        deadline_margin_ms: int = 1000,
        max_receive_count: int | None = None,
        on_poison: Callable[[Any], object] | None = None,
        logger: Any = None,
    ) -> None:
        if max_concurrency is not None and (
            isinstance(max_concurrency, bool)
            or not isinstance(max_concurrency, int)
            or max_concurrency < 1
        ):
            raise BatchConfigError(
                f"max_concurrency={max_concurrency!r} must be a positive integer or None"
            )
        super().__init__(
            event_type,
            model,
            raise_on_entire_batch_failure=raise_on_entire_batch_failure,
            deadline_margin_ms=deadline_margin_ms,
            max_receive_count=max_receive_count,
            on_poison=on_poison,
            logger=logger,
        )
        self.max_concurrency = max_concurrency

    def __call__(
        self,
        records: Sequence[RawRecord],
        handler: Callable[..., Any],
        context: Any = None,
    ) -> AsyncBatchRun:
        """Prepare a run over ``records`` for an ``async def`` record handler."""
        return AsyncBatchRun(self, records, handler, context)


class AsyncBatchRun(BatchRun):
    """One batch for an ``async def`` handler: ``await run.async_process()`` or ``process()``."""

    _async = True
    processor: AsyncBatchProcessor

    def process(self) -> AsyncBatchRun:
        """Run `async_process` to completion (on a worker thread inside a running loop)."""
        # Imported here: asyncio costs tens of milliseconds to import (on the cold start).
        from powerkit.middleware._async import run_coroutine

        return run_coroutine(self.async_process())

    async def async_process(self) -> AsyncBatchRun:
        """Process every record; raises `BatchProcessingError` if all of them failed."""
        if self.processor.ordered:
            await self._run_in_order()
        else:
            await self._run_concurrently()
        self._finish()
        return self

    async def _run_in_order(self) -> None:
        deadline = self._deadline()
        log_keys = log_keys_var()
        base = log_keys.get() if log_keys is not None else None
        token = log_keys.set(base) if log_keys is not None else None
        try:
            for index, raw in enumerate(self.records):
                rid = self._id_of(raw)
                if deadline is not None and deadline.passed():
                    if log_keys is not None:
                        log_keys.set(base)  # the stop is not about the previous record
                    self._stop_at_deadline(index)
                    return
                if not await self._attempt_async(raw, rid, None):
                    if log_keys is not None:
                        log_keys.set(base)
                    self._skip_from(index + 1, "ordering")
                    return
        finally:
            if token is not None:
                log_keys.reset(token)  # type: ignore[union-attr]

    def _id_of(self, raw: RawRecord) -> Any:
        source = self.processor.source
        try:
            return source.record_id(raw)
        except (KeyError, TypeError, IndexError):
            raise missing_id(raw, source.id_field) from None

    async def _run_concurrently(self) -> None:
        ids = [self._id_of(raw) for raw in self.records]
        deadline = self._deadline()
        timeout = None
        if deadline is not None:
            if deadline.passed():
                self._stop_at_deadline(0)
                return
            timeout = max(0.0, deadline.cutoff - now())
        import asyncio

        limit = self.processor.max_concurrency
        gate = asyncio.Semaphore(limit) if limit is not None else None
        # Each task runs in its own copy of the current context: the record's log keys
        # stay with it and vanish with the task.
        tasks = {
            asyncio.ensure_future(self._attempt_async(raw, rid, gate)): (raw, rid)
            for raw, rid in zip(self.records, ids)
        }
        if not tasks:
            return
        _, pending = await asyncio.wait(tasks, timeout=timeout)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
            # A handler may swallow the cancellation and finish: its outcome is recorded.
            late = [task for task in pending if task.cancelled()]
            for task in late:
                raw, rid = tasks[task]
                self._skip(raw, rid, "deadline")
            if late:
                self._log_deadline(len(late))
        order = {rid: index for index, rid in enumerate(ids)}
        self.failures.sort(key=lambda failure: order[failure.record_id])

    async def _attempt_async(
        self, raw: RawRecord, rid: Any, gate: asyncio.Semaphore | None
    ) -> bool:
        if gate is None:
            return await self._attempt_one(raw, rid)
        async with gate:
            return await self._attempt_one(raw, rid)

    async def _attempt_one(self, raw: RawRecord, rid: Any) -> bool:
        """The async twin of `BatchRun._attempt`; True on success."""
        processor = self.processor
        bind_record(raw, rid)  # this record runs in its own context copy
        record: Any = raw
        try:
            record = processor.source.wrap(raw)
            limit = processor.max_receive_count
            if limit is not None and record.attributes.approximate_receive_count > limit:
                self._poison(record, rid, True)
                return True
            validate = processor.validate
            item = record if validate is None else validate(record)
            if self.pass_context:
                result = await self.handler(item, self.context)
            else:
                result = await self.handler(item)
            if processor.calls_success_handler:
                processor.success_handler(item, result)
        except Exception as exc:
            self._fail(rid, record, exc)
            return False
        self.successes.append((item, result))
        return True
