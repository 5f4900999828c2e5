"""Powertools-only Logger options fail loudly instead of becoming log keys."""

from __future__ import annotations

import pytest

from powerkit import ConfigError
from powerkit.logging import Logger


@pytest.mark.parametrize(
    "option",
    [
        "datefmt",
        "use_datetime_directive",
        "use_rfc3339",
        "log_record_order",
        "logger_formatter",
        "location",
    ],
)
def test_peer_only_option_is_a_config_error_naming_the_alternative(option: str) -> None:
    """The message names the option, what powerkit does instead, and how to log such a key."""
    with pytest.raises(ConfigError) as info:
        Logger(service="migrating", **{option: "x"})
    message = str(info.value)
    assert f"Logger({option}=...) is a Powertools option powerkit does not take" in message
    assert f"logger.append_keys({option}=...)" in message


def test_ordinary_persistent_keys_still_work() -> None:
    """Keys that are not peer options are persistent keys as before."""
    logger = Logger(service="migrating", team="payments")
    assert logger.get_current_keys()["team"] == "payments"
