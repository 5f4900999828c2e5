"""Every environment variable powerkit reads, declared and read in this one module.

Each setting is a `Setting`; ``POWERKIT_<NAME>`` settings fall back to their
``POWERTOOLS_<NAME>`` twin so teams migrating from Powertools keep their configuration.
An explicit argument always beats the environment: callers pass it to `Setting.resolve`.
"""

from __future__ import annotations

import os

from powerkit._errors import ConfigError

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def parse_bool(value: str, *, source: str) -> bool:
    """Parse ``1/0 true/false yes/no on/off`` (any case), or raise `ConfigError`."""
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(
        f"{source}={value!r} is not a boolean; use one of 1/0, true/false, yes/no, on/off"
    )


class Setting:
    """One environment variable: its name, what it does, and the names it falls back to.

    A plain class rather than a dataclass: ``dataclasses`` imports ``inspect``, which would
    add milliseconds to every cold start for a handful of attributes.
    """

    __slots__ = ("default", "description", "fallbacks", "name", "utility")

    def __init__(
        self,
        name: str,
        description: str,
        default: str = "",
        fallbacks: tuple[str, ...] = (),
        utility: str = "all",
    ) -> None:
        self.name = name
        self.description = description
        self.default = default
        self.fallbacks = fallbacks
        self.utility = utility

    def __repr__(self) -> str:
        return f"Setting({self.name!r})"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.fallbacks)

    def raw(self) -> tuple[str, str] | None:
        """The first of `names` that is set, with its value, or None."""
        environ = os.environ
        for name in self.names:
            value = environ.get(name)
            if value is not None and value != "":
                return name, value
        return None

    def get(self) -> str | None:
        found = self.raw()
        return None if found is None else found[1]

    def get_bool(self, default: bool = False) -> bool:
        found = self.raw()
        if found is None:
            return default
        return parse_bool(found[1], source=found[0])

    def get_float(self, default: float) -> float:
        found = self.raw()
        if found is None:
            return default
        try:
            return float(found[1])
        except ValueError:
            raise ConfigError(f"{found[0]}={found[1]!r} is not a number") from None

    def resolve_bool(self, explicit: bool | None, default: bool = False) -> bool:
        return explicit if explicit is not None else self.get_bool(default)


def _pk(name: str, description: str, *, default: str = "", utility: str = "all") -> Setting:
    return Setting(f"POWERKIT_{name}", description, default, (f"POWERTOOLS_{name}",), utility)


def _aws(name: str, description: str, *, utility: str = "all") -> Setting:
    return Setting(name, description, utility=utility)


SERVICE_NAME = _pk(
    "SERVICE_NAME", "Service name for logs, metrics and traces.", default="service_undefined"
)
DEV = _pk("DEV", "Developer mode: pretty-printed logs and more verbose warnings.", default="false")
LOG_LEVEL = Setting(
    "POWERKIT_LOG_LEVEL",
    "Logger level when `level=` is not given.",
    "INFO",
    ("POWERTOOLS_LOG_LEVEL", "LOG_LEVEL"),
    "logging",
)
LOGGER_SAMPLE_RATE = _pk(
    "LOGGER_SAMPLE_RATE",
    "Fraction (0..1) of invocations that log at DEBUG.",
    default="0",
    utility="logging",
)
LOGGER_LOG_EVENT = _pk(
    "LOGGER_LOG_EVENT",
    "Log the incoming event in `inject_lambda_context`.",
    default="false",
    utility="logging",
)
METRICS_NAMESPACE = _pk("METRICS_NAMESPACE", "CloudWatch namespace for metrics.", utility="metrics")
METRICS_DISABLED = _pk(
    "METRICS_DISABLED",
    "Drop EMF output (local runs); behaviour is otherwise unchanged.",
    default="false",
    utility="metrics",
)
METRICS_FLUSH_MARGIN_MS = _pk(
    "METRICS_FLUSH_MARGIN_MS",
    "Flush pending metrics this many ms before the Lambda deadline (0 turns it off).",
    default="500",
    utility="metrics",
)
TRACE_DISABLED = _pk("TRACE_DISABLED", "Turn tracing off.", default="false", utility="tracing")
TRACER_CAPTURE_RESPONSE = _pk(
    "TRACER_CAPTURE_RESPONSE",
    "Record handler/method responses as trace metadata.",
    default="true",
    utility="tracing",
)
TRACER_CAPTURE_ERROR = _pk(
    "TRACER_CAPTURE_ERROR",
    "Record exceptions as trace metadata.",
    default="true",
    utility="tracing",
)
IDEMPOTENCY_DISABLED = _pk(
    "IDEMPOTENCY_DISABLED",
    "Run idempotent functions directly (local tests only).",
    default="false",
    utility="idempotency",
)

AWS_LAMBDA_FUNCTION_NAME = _aws("AWS_LAMBDA_FUNCTION_NAME", "Set by Lambda: the function name.")
AWS_LAMBDA_FUNCTION_VERSION = _aws(
    "AWS_LAMBDA_FUNCTION_VERSION", "Set by Lambda: the function version."
)
AWS_LAMBDA_FUNCTION_MEMORY_SIZE = _aws(
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "Set by Lambda: memory in MB."
)
AWS_LAMBDA_LOG_LEVEL = _aws(
    "AWS_LAMBDA_LOG_LEVEL",
    "Set by Lambda's advanced logging controls; wins over every other level.",
    utility="logging",
)
AWS_LAMBDA_INITIALIZATION_TYPE = _aws(
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "Set by Lambda: `on-demand`, `provisioned-concurrency` or `snap-start`; no cold start is reported under provisioned concurrency.",
)
AWS_LAMBDA_LOG_FORMAT = _aws(
    "AWS_LAMBDA_LOG_FORMAT",
    "Set by Lambda's advanced logging controls (`Text` or `JSON`); with `JSON`, powerkit's own warnings are JSON lines too.",
    utility="logging",
)
AWS_REGION = _aws("AWS_REGION", "Set by Lambda: the region.")
LAMBDA_TASK_ROOT = _aws("LAMBDA_TASK_ROOT", "Set by Lambda: where the function code lives.")
AWS_SAM_LOCAL = _aws(
    "AWS_SAM_LOCAL", "Set by `sam local`: tracing is disabled there.", utility="tracing"
)
X_AMZN_TRACE_ID = _aws("_X_AMZN_TRACE_ID", "Set by Lambda per invocation: the X-Ray trace header.")
AWS_XRAY_DAEMON_ADDRESS = _aws(
    "AWS_XRAY_DAEMON_ADDRESS",
    "Set by Lambda: where the X-Ray daemon listens (read by the X-Ray SDK).",
    utility="tracing",
)


NO_COLOR = _aws(
    "NO_COLOR", "Any value turns off colour in the `powerkit` command's output.", utility="cli"
)


def all_settings() -> list[Setting]:
    """Every setting declared here, in declaration order (used by the docs and their test)."""
    return [value for value in globals().values() if isinstance(value, Setting)]


def in_lambda() -> bool:
    """True when running inside the Lambda runtime (or an emulator that sets its variables)."""
    return AWS_LAMBDA_FUNCTION_NAME.get() is not None or LAMBDA_TASK_ROOT.get() is not None


def set_environment(values: dict[str, str]) -> None:
    """Set process environment variables (the `powerkit invoke` runner plays the Lambda runtime)."""
    os.environ.update(values)


def trace_header() -> str | None:
    """The current X-Ray trace header; read on every call because Lambda changes it per invocation."""
    return os.environ.get("_X_AMZN_TRACE_ID")
