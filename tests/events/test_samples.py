"""Every supported real sample event is wrapped, fully read, and agrees with its raw JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from powerkit.events import DictWrapper, EventDecodeError, EventFieldError
from tests.events._reader import read_everything
from tests.events.samples import SAMPLES, TRIMMED, UNSUPPORTED

EVENTS = Path(__file__).resolve().parents[2].parent / "shared" / "events"

pytestmark = pytest.mark.skipif(not EVENTS.is_dir(), reason="shared/events samples are absent")


def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((EVENTS / name).read_text())
    return loaded


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_wraps_reads_and_matches_raw(name: str) -> None:
    """The data class reads every property of the sample and its ids equal the raw JSON.

    Every public property and no-argument method is read (the reader introspects the
    class); a required field missing from a real sample would raise EventFieldError, which
    is only accepted for the hand-trimmed samples listed in TRIMMED.
    """
    raw = _load(name)
    data_class, check = SAMPLES[name]
    event = data_class(raw)
    values = read_everything(event) if not isinstance(event, list) else {}
    for index, item in enumerate(event if isinstance(event, list) else []):
        values.update({f"[{index}]{k}": v for k, v in read_everything(item).items()})
    assert values, "the reader found no public property"
    missing = {v.path for v in values.values() if isinstance(v, EventFieldError)}
    assert missing == TRIMMED.get(name, set()), "required fields missing from a real sample"
    # Values a sample cannot decode (a non-JSON body read as JSON) name their field.
    for value in values.values():
        if isinstance(value, EventDecodeError):
            assert value.path in str(value)
    check(event, raw)
    if not isinstance(event, list):  # an AppSync batch is a list of wrapped items
        assert event.raw_event is raw


def test_wrapping_copies_nothing() -> None:
    """Wrapping a sample keeps the very same dicts: nothing is copied."""
    raw = _load("powertools/sqsEvent.json")
    data_class, _ = SAMPLES["powertools/sqsEvent.json"]
    event: DictWrapper = data_class(raw)
    assert all(r.raw_event is item for r, item in zip(event.records, raw["Records"]))  # type: ignore[attr-defined]


def test_every_sample_file_is_supported_or_explained() -> None:
    """Each file under shared/events is wrapped by a test or listed with a reason."""
    files = {str(p.relative_to(EVENTS)) for p in EVENTS.glob("*/*.json")}
    assert files - set(SAMPLES) - set(UNSUPPORTED) == set()
    assert set(SAMPLES) & set(UNSUPPORTED) == set()
    assert set(SAMPLES) | set(UNSUPPORTED) <= files, "a listed sample does not exist"


def test_malformed_sample_is_rejected_by_json() -> None:
    """The deliberately malformed sample really is invalid JSON (so it is not wrapped)."""
    with pytest.raises(ValueError):
        json.loads((EVENTS / "aws-lambda-go/dynamodb-event-malformed.2.json").read_text())


def test_docs_list_every_sample_file() -> None:
    """docs/events.md names every sample file, supported or not (the docs table is current)."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "events.md").read_text()
    assert [name for name in sorted(SAMPLES) + sorted(UNSUPPORTED) if f"`{name}`" not in docs] == []
