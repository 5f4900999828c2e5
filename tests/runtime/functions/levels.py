"""Lines at every level, from powerkit and from a plain stdlib logger, for the level tests."""

from __future__ import annotations

import logging
from typing import Any

from powerkit.logging import Logger

logger = Logger(service="runtime-levels")
chatty = Logger(service="runtime-chatty", level="DEBUG")  # asks for less than Lambda allows
library = logging.getLogger("some.library")


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: Any) -> str:
    for name in ("debug", "info", "warning", "error"):
        getattr(logger, name)(f"{name} line", n=event["n"])
    chatty.debug("chatty debug")
    chatty.warning("chatty warning")
    library.warning("library warning")
    empty: dict[str, int] = {}
    try:
        empty["missing"]
    except KeyError:
        logger.exception("caught")
    if event.get("fail"):
        raise LookupError("asked to fail")
    return "ok"
