"""Run an ``async def`` handler to completion for the (synchronous) Lambda runtime."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

# One event loop for the main thread (where the Lambda runtime calls handlers), reused across
# invocations: clients created by the handler (aiohttp sessions, aioboto3 clients) are bound to
# the loop they were created on, and building a loop per invocation would cost more than small
# handlers themselves. Other threads get a fresh loop per call, closed when it ends, so no loop
# outlives a short-lived thread.
_main_loop: list[asyncio.AbstractEventLoop] = []


def _main_thread_loop() -> asyncio.AbstractEventLoop:
    if not _main_loop or _main_loop[0].is_closed():
        _main_loop[:] = [asyncio.new_event_loop()]
    return _main_loop[0]


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to completion and return its result.

    Called from code that already runs an event loop (an async test, a notebook), the
    coroutine runs on a worker thread with its own loop, so the caller's loop is not
    re-entered; context variables are carried over.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        if threading.current_thread() is threading.main_thread():
            return _main_thread_loop().run_until_complete(coroutine)
        return asyncio.run(coroutine)
    context = contextvars.copy_context()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="powerkit-async") as pool:
        return pool.submit(context.run, asyncio.run, coroutine).result()
