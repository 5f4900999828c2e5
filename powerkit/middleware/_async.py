"""Run an ``async def`` handler to completion for the (synchronous) Lambda runtime."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

# One event loop per thread, reused across invocations: clients created by the handler
# (aiohttp sessions, aioboto3 clients) are bound to the loop they were created on, and
# building a loop per invocation would cost more than the handler itself for small work.
_loops = threading.local()


def _thread_loop() -> asyncio.AbstractEventLoop:
    loop: asyncio.AbstractEventLoop | None = getattr(_loops, "loop", None)
    if loop is None or loop.is_closed():
        loop = asyncio.new_event_loop()
        _loops.loop = loop
    return loop


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to completion and return its result.

    Called from code that already runs an event loop (an async test, a notebook), the
    coroutine runs on a worker thread with its own loop, so the caller's loop is not
    re-entered; context variables are carried over.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _thread_loop().run_until_complete(coroutine)
    context = contextvars.copy_context()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="powerkit-async") as pool:
        return pool.submit(context.run, asyncio.run, coroutine).result()
