"""X-Ray's annotation and metadata rules, enforced with clear errors before anything is sent."""

from __future__ import annotations

import logging
import math
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powerkit import PowerkitError
from powerkit.tracing import AnnotationError, MetadataError, Tracer, TracingError
from powerkit.tracing._rules import METADATA_BUDGET_BYTES, check_annotation, fits_in_document

VALID = string.ascii_letters + string.digits + "_"


@given(st.text(alphabet=VALID, min_size=1, max_size=60))
def test_keys_of_letters_digits_and_underscores_are_accepted(key: str) -> None:
    """Any non-empty key made of [A-Za-z0-9_] is a valid annotation key."""
    check_annotation(key, "v")


@given(st.text(min_size=1, max_size=30).filter(lambda k: any(c not in VALID for c in k)))
def test_keys_with_any_other_character_are_rejected(key: str) -> None:
    """A key with any other character raises AnnotationError naming the allowed characters."""
    with pytest.raises(AnnotationError, match="letters, digits and underscores"):
        check_annotation(key, "v")


@pytest.mark.parametrize("key", ["", 1, None])
def test_empty_or_non_string_keys_are_rejected(key: object) -> None:
    """The empty key and non-string keys are rejected."""
    with pytest.raises(AnnotationError):
        check_annotation(key, "v")


@pytest.mark.parametrize("value", ["s", 0, -3, 2.5, True, False])
def test_scalar_values_are_accepted(value: object) -> None:
    """str, int, float and bool annotation values are accepted."""
    check_annotation("k", value)


@pytest.mark.parametrize("value", [None, [1], {"a": 1}, b"x", math.nan, math.inf])
def test_other_values_are_rejected(value: object) -> None:
    """None, containers, bytes and non-finite floats are rejected with a hint."""
    with pytest.raises(AnnotationError, match="annotation 'k'"):
        check_annotation("k", value)


def test_errors_belong_to_the_powerkit_hierarchy() -> None:
    """AnnotationError/MetadataError are TracingErrors, PowerkitErrors and ValueErrors."""
    for error in (AnnotationError, MetadataError):
        assert issubclass(error, TracingError)
        assert issubclass(error, PowerkitError)
        assert issubclass(error, ValueError)


def test_rules_apply_even_when_tracing_is_off() -> None:
    """A disabled Tracer still rejects what X-Ray would reject, so local tests catch it."""
    tracer = Tracer(disabled=True)
    with pytest.raises(AnnotationError):
        tracer.put_annotation("order id", "1")
    with pytest.raises(MetadataError, match="reserves"):
        tracer.put_metadata("k", 1, namespace="AWS.internal")
    with pytest.raises(AnnotationError), tracer.subsegment("s") as span:
        span.put_annotation("bad-key", 1)


def test_metadata_size_guard(caplog: pytest.LogCaptureFixture) -> None:
    """Values up to the budget fit; larger ones are refused with a warning naming the key."""
    assert fits_in_document("k", "x" * 100)
    assert fits_in_document("k", ["x" * 100] * 10)
    with caplog.at_level(logging.WARNING, logger="powerkit.tracing"):
        assert not fits_in_document("big", "x" * (METADATA_BUDGET_BYTES + 1))
    assert "'big' not captured" in caplog.text


def test_every_exported_name_resolves() -> None:
    """Each name in powerkit.tracing.__all__ resolves (lazily or not) and is listed by dir()."""
    import powerkit.tracing as tracing

    for name in tracing.__all__:
        assert getattr(tracing, name) is not None
    assert sorted(tracing.__all__) == tracing.__all__ == dir(tracing)
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = tracing.Nope  # type: ignore[attr-defined]
