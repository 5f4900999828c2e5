"""A library logger adopted by powerkit at DEBUG, under whatever level Lambda sets."""

from __future__ import annotations

import logging
from typing import Any

from powerkit.logging import Logger

logger = Logger(service="runtime-adopted")
logger.adopt_loggers("adopted.lib", level="DEBUG")
library = logging.getLogger("adopted.lib")


@logger.inject_lambda_context
def handler(event: Any, context: Any) -> None:
    library.debug("library debug")
    library.info("library info")
    library.warning("library warning")
