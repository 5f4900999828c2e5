"""Serialisation never raises, converts awkward types sensibly, and redaction masks at any depth."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import math
import uuid
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

import pydantic
from hypothesis import given, settings
from hypothesis import strategies as st

from powerkit.logging._serialize import REDACTED, make_encoder, redact, to_jsonable


class Color(enum.Enum):
    RED = "red"


@dataclasses.dataclass
class Point:
    x: int
    y: int


class Model(pydantic.BaseModel):
    name: str
    when: dt.date


class Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no str")

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


def test_awkward_types_are_converted(make_logger, output):
    """datetime, date, Decimal, UUID, Enum, bytes, sets, dataclasses, models, exceptions all encode."""
    logger = make_logger()
    logger.info(
        "types",
        when=dt.datetime(2024, 5, 1, 12, 30, tzinfo=dt.timezone.utc),
        day=dt.date(2024, 5, 1),
        amount=Decimal("10.50"),
        id=uuid.UUID(int=1),
        color=Color.RED,
        raw=b"abc\xff",
        tags={"b", "a"},
        frozen=frozenset({3}),
        point=Point(1, 2),
        model=Model(name="n", when=dt.date(2024, 1, 2)),
        error=ValueError("bad"),
        path=PurePosixPath("/tmp/x"),
    )
    line = output.last()
    assert line["when"] == "2024-05-01T12:30:00+00:00"
    assert line["day"] == "2024-05-01"
    assert line["amount"] == "10.50"
    assert line["id"] == "00000000-0000-0000-0000-000000000001"
    assert line["color"] == "red"
    assert line["raw"] == "abc\\xff"
    assert line["tags"] == ["a", "b"]
    assert line["frozen"] == [3]
    assert line["point"] == {"x": 1, "y": 2}
    assert line["model"] == {"name": "n", "when": "2024-01-02"}
    assert line["error"] == "ValueError: bad"
    assert line["path"] == "/tmp/x"


def test_objects_failing_str_and_repr_still_log(make_logger, output):
    """An object whose __str__ and __repr__ raise is written as a placeholder."""
    logger = make_logger()
    logger.info("x", thing=Unprintable())
    assert output.last()["thing"] == "<unprintable Unprintable>"


def test_circular_references_and_odd_keys_do_not_raise(make_logger, output):
    """Cycles, non-string keys and NaN become JSON-safe values instead of errors."""
    logger = make_logger()
    loop: dict[str, Any] = {"name": "loop"}
    loop["self"] = loop
    logger.info("x", loop=loop, tuple_keys={(1, 2): "a"}, nan=math.nan, inf=-math.inf)
    line = output.last()
    assert line["loop"] == {"name": "loop", "self": "<circular reference>"}
    assert line["tuple_keys"] == {"(1, 2)": "a"}
    assert (line["nan"], line["inf"]) == ("nan", "-inf")


def test_user_json_default_goes_first(make_logger, output):
    """``json_default`` is tried before powerkit's conversions; its errors fall back to them."""

    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            return float(value)
        raise TypeError("not mine")

    logger = make_logger(json_default=default)
    logger.info("x", amount=Decimal("1.5"), day=dt.date(2024, 1, 1))
    line = output.last()
    assert line["amount"] == 1.5
    assert line["day"] == "2024-01-01"


def test_custom_serializer_is_used_and_may_return_bytes(make_logger, output):
    """``json_serializer`` replaces the encoder; bytes results are decoded."""

    def serializer(line: dict[str, Any]) -> bytes:
        return json.dumps(line, sort_keys=True).encode()

    logger = make_logger(json_serializer=serializer)
    logger.info("x", b=1, a=2)
    raw = output.getvalue()
    assert raw.startswith('{"a": 2, "b": 1')


def test_failing_custom_serializer_falls_back(make_logger, output):
    """A ``json_serializer`` that raises does not lose the line."""

    def broken(line: dict[str, Any]) -> str:
        raise RuntimeError("boom")

    logger = make_logger(json_serializer=broken)
    logger.info("still here")
    assert output.last()["message"] == "still here"


def test_redaction_is_case_insensitive_at_any_depth(make_logger, output):
    """Values under ``redact_keys`` are masked in extras, appended keys, dicts and lists."""
    logger = make_logger(redact_keys=("password", "Authorization"))
    logger.append_keys(headers={"AUTHORIZATION": "Bearer t", "accept": "json"})
    logger.info(
        {"user": "u", "Password": "p1"},
        body={"items": [{"password": "p2", "sku": "s"}], "nested": {"deep": {"PassWord": "p3"}}},
        point=Point(1, 2),
    )
    line = output.last()
    assert line["headers"] == {"AUTHORIZATION": REDACTED, "accept": "json"}
    assert line["message"] == {"user": "u", "Password": REDACTED}
    assert line["body"]["items"] == [{"password": REDACTED, "sku": "s"}]
    assert line["body"]["nested"]["deep"]["PassWord"] == REDACTED
    assert "p1" not in output.getvalue()


def test_redaction_reaches_converted_objects(make_logger, output):
    """Dataclasses and models converted by the encoder are redacted too."""

    @dataclasses.dataclass
    class Login:
        user: str
        password: str

    logger = make_logger(redact_keys=["password"])
    logger.info("login", login=Login("u", "hunter2"))
    assert output.last()["login"] == {"user": "u", "password": REDACTED}
    assert "hunter2" not in output.getvalue()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
odd_values = st.one_of(
    json_values,
    st.binary(max_size=16),
    st.sets(st.integers(), max_size=4),
    st.decimals(allow_nan=True),
    st.datetimes(),
    st.uuids(),
    st.tuples(st.integers(), st.text()),
    st.dictionaries(st.integers() | st.tuples(st.integers()), st.integers(), max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=10), odd_values, max_size=6))
def test_any_line_encodes_to_valid_json(line):
    """Whatever values a line holds, the encoder returns text that parses as JSON."""
    encode = make_encoder(to_jsonable)
    text = encode(line)
    parsed = json.loads(text)
    assert set(parsed) == {str(key) for key in line}


@settings(max_examples=150, deadline=None)
@given(json_values, st.sets(st.sampled_from(["secret", "token", "Key"]), min_size=1))
def test_redact_masks_every_listed_key_and_keeps_the_rest(value, names):
    """After redaction no listed key (any case) holds anything but the mask; others are intact."""
    lowered = frozenset(name.lower() for name in names)
    document = {"secret": value, "wrapper": [{"TOKEN": value, "keep": value}], "other": value}
    result = redact(document, lowered)

    def check(original: Any, masked: Any) -> None:
        if isinstance(original, dict):
            for key, item in original.items():
                if isinstance(key, str) and key.lower() in lowered:
                    assert masked[key] == REDACTED
                else:
                    check(item, masked[key])
        elif isinstance(original, (list, tuple)):
            assert len(masked) == len(original)
            for item, masked_item in zip(original, masked):
                check(item, masked_item)
        elif isinstance(original, float) and math.isnan(original):
            assert isinstance(masked, float)
            assert math.isnan(masked)
        else:
            assert masked == original

    check(document, result)
