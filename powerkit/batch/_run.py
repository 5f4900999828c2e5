"""One batch being processed: the processing loop, its outcomes and the partial response.

One loop serves every source; the processor's `Source` says
how to identify and wrap a record, and whether the source is ordered (stop at the first
failure and report the rest) or not (carry on).
"""

from __future__ import annotations

import contextvars
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from powerkit.batch._deadline import Deadline, now
from powerkit.batch._errors import (
    BatchConfigError,
    BatchEventError,
    BatchProcessingError,
    RecordNotProcessedError,
)
from powerkit.batch._handler import handler_shape
from powerkit.batch._keys import bind_record, correlation_reader, correlation_var, log_keys_var
from powerkit.batch._outcome import RecordFailure
from powerkit.batch._sources import EventType, RawRecord, checked_id, missing_id

if TYPE_CHECKING:
    from types import TracebackType

    from powerkit.batch._processor import BatchProcessor

PartialResponse = dict[str, list[dict[str, str]]]


class _RaisedAt:
    """`` (at file.py:12 in func)``: where an exception was raised, worked out only if logged."""

    __slots__ = ("exc",)

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def __str__(self) -> str:
        tb = self.exc.__traceback__
        if tb is None:
            return ""
        while tb.tb_next is not None:
            tb = tb.tb_next
        code = tb.tb_frame.f_code
        return f" (at {code.co_filename.rpartition('/')[2]}:{tb.tb_lineno} in {code.co_name})"


def _raised_location(exc: BaseException) -> dict[str, str] | None:
    """``{"location": "func:line"}`` of where ``exc`` was raised (the line's ``location``
    would otherwise name this module, not the record handler that failed)."""
    tb = exc.__traceback__
    if tb is None:
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    return {"location": f"{tb.tb_frame.f_code.co_name}:{tb.tb_lineno}"}


MAX_LOGGED_FAILURES = 10
"""Failures logged one by one per batch; the rest are counted in one summary line."""


class BatchRun:
    """One batch: call `process`, then `response` (also a context manager).

    Attributes:
        records: the raw records, in event order.
        successes: ``(record, result)`` for each record processed without error (poison
            records handed to ``on_poison`` have result None). In event order, except with
            ``max_workers > 1`` (completion order).
        failures: a `RecordFailure` per reported record, in event order.
    """

    _async = False

    def __init__(
        self,
        processor: BatchProcessor,
        records: Sequence[RawRecord],
        handler: Callable[..., Any],
        context: Any = None,
    ) -> None:
        if not isinstance(records, (list, tuple)):
            raise BatchEventError(
                f"records must be the event's 'Records' list, not {type(records).__name__}"
            )
        if records and type(records[0]) is not dict:
            # Typed records (e.g. SQSEvent(event).records): process their raw dicts.
            records = [cast("RawRecord", getattr(r, "raw_event", r)) for r in records]
        is_async, self.pass_context = handler_shape(handler)
        if is_async != self._async:
            hint = (
                "use AsyncBatchProcessor with async_process_partial_response"
                if not self._async
                else "use BatchProcessor with process_partial_response"
            )
            kind = "an async" if not self._async else "a synchronous"
            raise BatchConfigError(f"the record handler {handler!r} is {kind} function; {hint}")
        self.processor = processor
        self.records = records
        self.handler = handler
        if context is None:
            # No powerkit handler decorator can be running unless the scope module is loaded;
            # looking it up instead of importing it keeps `import powerkit.batch` light.
            scope = sys.modules.get("powerkit._scope")
            invocation = scope.current_invocation() if scope is not None else None
            context = invocation.context if invocation is not None else None
        self.context = context
        self.successes: list[tuple[Any, Any]] = []
        self.failures: list[RecordFailure] = []
        self._traced: set[type[BaseException]] = set()
        self._unlogged: dict[str, int] = {}

    def __enter__(self) -> BatchRun:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    # -- results ---------------------------------------------------------------------------

    def response(self) -> PartialResponse:
        """``{"batchItemFailures": [{"itemIdentifier": id}, ...]}`` for Lambda, in event order."""
        failures = self.failures
        if not failures:
            return {"batchItemFailures": []}
        ids = dict.fromkeys(failure.record_id for failure in failures)
        return {"batchItemFailures": [{"itemIdentifier": rid} for rid in ids]}

    def _finish(self) -> None:
        if self._unlogged:
            counts = ", ".join(f"{name} x{count}" for name, count in self._unlogged.items())
            self.processor.logger.warning(
                "batch: %d more record failures were not logged one by one (%s); every failed "
                "record is in batchItemFailures",
                sum(self._unlogged.values()),
                counts,
            )
        # Every record ends up in exactly one of successes/failures, so "no success" is
        # "as many failures as records" (successes are not kept by process_partial_response).
        failures = self.failures
        entire = failures and len(failures) >= len(self.records)
        if entire and self.processor.raise_on_entire_batch_failure:
            raise BatchProcessingError(failures)

    # -- processing ------------------------------------------------------------------------

    def process(self) -> BatchRun:
        """Process every record; raises `BatchProcessingError` if all of them failed."""
        self._process(keep_successes=True)
        return self

    def _process(self, *, keep_successes: bool) -> None:
        if self.processor.max_workers > 1 and len(self.records) > 1:
            self._run_threads()
        else:
            self._run_sequential(keep_successes)
        self._finish()

    def _deadline(self) -> Deadline | None:
        if self.context is None:
            return None
        clock = getattr(self.context, "get_remaining_time_in_millis", None)
        margin = self.processor.deadline_margin_ms
        if clock is None or margin <= 0:
            return None
        return Deadline(clock, margin)

    def _run_sequential(self, keep_successes: bool) -> None:
        """The loop every synchronous single-worker batch runs: kept tight on purpose."""
        processor = self.processor
        records = self.records
        source = processor.source
        get_id, wrap, validate = source.record_id, source.wrap, processor.validate
        handler, context, pass_context = self.handler, self.context, self.pass_context
        poison_limit = processor.max_receive_count
        success_hook = processor.success_handler if processor.calls_success_handler else None
        append_success = self.successes.append if keep_successes else None
        fifo = processor._fifo
        skip_groups = processor.skip_groups
        stop_on_failure = processor.ordered and not skip_groups
        failed_groups: set[str | None] = set()
        deadline = self._deadline()
        log_keys = log_keys_var()
        set_keys = log_keys.set if log_keys is not None else None
        base_keys: Any = log_keys.get() if log_keys is not None else None
        token = log_keys.set(base_keys) if log_keys is not None else None
        # Only SQS records carry message attributes (streams have none): no cost elsewhere.
        correlation = (
            correlation_var()
            if log_keys is not None and source.event_type is EventType.SQS
            else None
        )
        base_id = current_id = correlation.get() if correlation is not None else None
        read_id = correlation_reader() if correlation is not None else None
        id_token = correlation.set(base_id) if correlation is not None else None
        group = None
        try:
            for index, raw in enumerate(records):
                try:
                    rid = get_id(raw)
                except (KeyError, TypeError, IndexError):
                    raise missing_id(raw, source.id_field) from None
                if deadline is not None and now() >= deadline.cutoff and deadline.passed():
                    if set_keys is not None:
                        set_keys(base_keys)  # the stop is not about the previous record
                    self._stop_at_deadline(index)
                    return
                if fifo:
                    group = processor.group_of(raw)
                    if skip_groups and group in failed_groups:
                        self._skip(raw, rid, "group")
                        continue
                if set_keys is not None:
                    # Inlined (not record_keys()): this runs for every record.
                    if group is not None:
                        set_keys({**base_keys, "record_id": rid, "message_group_id": group})
                    elif base_keys:
                        set_keys({**base_keys, "record_id": rid})
                    else:
                        set_keys({"record_id": rid})
                    if read_id is not None and correlation is not None:  # the record's own id
                        # One lookup for records without attributes (most of them).
                        attributes = raw.get("messageAttributes")
                        record_id = (read_id(raw) if attributes else None) or base_id
                        if record_id != current_id:
                            correlation.set(record_id)
                            current_id = record_id
                record: Any = raw
                try:
                    record = wrap(raw)
                    if (
                        poison_limit is not None
                        and record.attributes.approximate_receive_count > poison_limit
                    ):
                        self._poison(record, rid, keep_successes)
                        continue
                    item = record if validate is None else validate(record)
                    result = handler(item, context) if pass_context else handler(item)
                    if success_hook is not None:
                        success_hook(item, result)
                except Exception as exc:
                    self._fail(rid, record, exc)
                    if stop_on_failure:
                        if set_keys is not None:
                            set_keys(base_keys)
                        self._skip_from(index + 1, "ordering")
                        return
                    if skip_groups:
                        failed_groups.add(group)
                    continue
                if append_success is not None:
                    append_success((item, result))
        finally:
            if token is not None:
                log_keys.reset(token)  # type: ignore[union-attr]
            if id_token is not None:
                correlation.reset(id_token)  # type: ignore[union-attr]

    def _fail(self, rid: Any, record: Any, exc: Exception) -> None:
        """Record a failure, call the user's hook, log it once (inside the record's keys)."""
        processor = self.processor
        rid = checked_id(rid, processor.source.id_field)
        self.failures.append(RecordFailure(rid, record, exc))
        if processor.calls_failure_handler:
            processor.failure_handler(record, exc)
        kind = type(exc)
        if len(self.failures) > MAX_LOGGED_FAILURES:
            # A mass failure would write thousands of near-identical lines (each costs more
            # than processing a record): past the first few, count them for one summary line.
            self._unlogged[kind.__name__] = self._unlogged.get(kind.__name__, 0) + 1
            return
        # The first failure of each exception type carries the trace; later ones say where
        # they were raised, so a mass failure does not write thousands of identical traces.
        if kind in self._traced:
            exc_info: BaseException | None = None
            where: object = _RaisedAt(exc)
        else:
            self._traced.add(kind)
            exc_info, where = exc, ""
        processor.logger.warning(
            "batch record %s failed: %s: %s%s",
            rid,
            kind.__name__,
            exc,
            where,
            exc_info=exc_info,
            extra=_raised_location(exc),
        )

    def _attempt(self, raw: RawRecord, rid: Any) -> None:
        """Process one record of an unordered batch in its own context (worker thread)."""
        processor = self.processor
        bind_record(raw, rid)  # this record runs in its own context copy
        record: Any = raw
        try:
            record = processor.source.wrap(raw)
            limit = processor.max_receive_count
            if limit is not None and record.attributes.approximate_receive_count > limit:
                self._poison(record, rid, True)
                return
            validate = processor.validate
            item = record if validate is None else validate(record)
            result = self.handler(item, self.context) if self.pass_context else self.handler(item)
            if processor.calls_success_handler:
                processor.success_handler(item, result)
        except Exception as exc:
            self._fail(rid, record, exc)
            return
        self.successes.append((item, result))

    def _poison(self, record: Any, rid: Any, keep_successes: bool) -> None:
        processor = self.processor
        processor.on_poison(record)  # type: ignore[misc]
        processor.logger.warning(
            "batch record %s was received %d times (more than max_receive_count=%d): "
            "handed to on_poison and reported as succeeded",
            rid,
            record.attributes.approximate_receive_count,
            processor.max_receive_count,
        )
        if keep_successes:
            self.successes.append((record, None))

    def _run_threads(self) -> None:
        source = self.processor.source
        try:
            ids = [source.record_id(raw) for raw in self.records]
        except (KeyError, TypeError, IndexError):
            raise missing_id(None, source.id_field) from None
        from concurrent.futures import ThreadPoolExecutor  # only when threads are asked for

        workers = min(self.processor.max_workers, len(ids))
        deadline = self._deadline()
        with ThreadPoolExecutor(workers, thread_name_prefix="powerkit-batch") as pool:
            # Each task runs in its own copy of the caller's context, so the record's log
            # keys (and the invocation scope) follow it into the worker thread and go away
            # with the task.
            futures = [
                pool.submit(contextvars.copy_context().run, self._task, raw, rid, deadline)
                for raw, rid in zip(self.records, ids)
            ]
            for future in futures:
                future.result()
        order = {rid: index for index, rid in enumerate(ids)}
        self.failures.sort(key=lambda failure: order[failure.record_id])
        late = sum(1 for failure in self.failures if not failure.attempted)
        if late:
            self._log_deadline(late)

    def _task(self, raw: RawRecord, rid: Any, deadline: Deadline | None) -> None:
        if deadline is not None and deadline.passed():
            self._skip(raw, rid, "deadline")
            return
        self._attempt(raw, rid)

    # -- records reported without being attempted ---------------------------------------------

    def _skip(self, raw: RawRecord, rid: Any, reason: str) -> None:
        source = self.processor.source
        rid = checked_id(rid, source.id_field)
        error = RecordNotProcessedError(reason, rid)
        self.failures.append(RecordFailure(rid, source.wrap(raw), error))

    def _skip_from(self, start: int, reason: str) -> None:
        source = self.processor.source
        for raw in self.records[start:]:
            try:
                rid = source.record_id(raw)
            except (KeyError, TypeError, IndexError):
                raise missing_id(raw, source.id_field) from None
            self._skip(raw, rid, reason)

    def _stop_at_deadline(self, start: int) -> None:
        self._skip_from(start, "deadline")
        self._log_deadline(len(self.records) - start)

    def _log_deadline(self, count: int) -> None:
        self.processor.logger.warning(
            "batch stopped before the Lambda deadline: %d of %d records not attempted "
            "(deadline_margin_ms=%d) and reported as failed",
            count,
            len(self.records),
            self.processor.deadline_margin_ms,
        )
