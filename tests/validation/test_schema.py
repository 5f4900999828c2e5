"""Loading, compiling and caching schemas."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from powerkit import MissingExtraError
from powerkit.validation import (
    CompiledSchema,
    InvalidSchemaError,
    SchemaValidationError,
    clear_cache,
    compile_schema,
)


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    clear_cache()


def test_equal_dicts_share_one_compiled_validator() -> None:
    """Dicts with the same content, in any key order, compile once."""
    first = compile_schema({"type": "object", "required": ["a"]})
    second = compile_schema({"required": ["a"], "type": "object"})
    assert first is second


def test_changing_a_dict_after_use_compiles_a_new_validator() -> None:
    """The cache is keyed by content, so a mutated dict is not served a stale validator."""
    schema: dict[str, object] = {"type": "integer"}
    assert compile_schema(schema)(3) == 3
    schema["type"] = "string"
    assert compile_schema(schema)("x") == "x"
    with pytest.raises(SchemaValidationError):
        compile_schema(schema)(3)


def test_compiled_schema_is_returned_as_is() -> None:
    """Passing a CompiledSchema skips the cache lookup."""
    compiled = compile_schema({"type": "string"})
    assert compile_schema(compiled) is compiled
    assert repr(compiled) == "CompiledSchema((dict))"


def test_schema_file_is_read_and_recompiled_when_it_changes(tmp_path: Path) -> None:
    """A path loads JSON from the file; editing the file gives the new schema."""
    path = tmp_path / "schema.json"
    path.write_text(json.dumps({"type": "integer"}))
    assert compile_schema(path)(1) == 1
    assert compile_schema(str(path)) is compile_schema(path)
    path.write_text(json.dumps({"type": "string", "maxLength": 10}))
    os.utime(path, ns=(1, 1))  # a different mtime even on coarse-clock file systems
    with pytest.raises(SchemaValidationError, match="must be string"):
        compile_schema(path)(1)


def test_missing_schema_file_is_an_invalid_schema_error(tmp_path: Path) -> None:
    """A path that does not exist says which file and why."""
    path = tmp_path / "nope.json"
    with pytest.raises(InvalidSchemaError) as caught:
        compile_schema(path)
    assert str(caught.value) == (
        f"Invalid JSON schema file {str(path)!r}: cannot read it (No such file or directory). "
        "Fix the schema (JSON Schema draft-04, 06 or 07) before using it."
    )


def test_schema_file_with_bad_json_is_an_invalid_schema_error(tmp_path: Path) -> None:
    """A file that is not JSON is reported as such."""
    path = tmp_path / "bad.json"
    path.write_text("{type: object")
    with pytest.raises(InvalidSchemaError, match=r"not valid JSON \(Expecting property name"):
        compile_schema(path)


def test_unknown_type_is_an_invalid_schema_error() -> None:
    """fastjsonschema's definition error becomes InvalidSchemaError with its reason."""
    with pytest.raises(InvalidSchemaError) as caught:
        compile_schema({"type": "objekt"})
    assert str(caught.value) == (
        "Invalid JSON schema (dict): JsonSchemaDefinitionException: Unknown type. "
        "Fix the schema (JSON Schema draft-04, 06 or 07) before using it."
    )
    assert isinstance(caught.value, ValueError)


def test_non_json_dict_is_an_invalid_schema_error() -> None:
    """A dict holding values JSON cannot represent is rejected with the reason."""
    with pytest.raises(InvalidSchemaError, match="it is not JSON data"):
        compile_schema({"enum": {1, 2}})


def test_wrong_schema_type_is_an_invalid_schema_error() -> None:
    """A list is not a schema."""
    with pytest.raises(InvalidSchemaError, match="expected a dict, a bool or a path"):
        compile_schema([1, 2])  # type: ignore[arg-type]


def test_boolean_schemas_are_accepted() -> None:
    """``true`` accepts anything and ``false`` rejects everything."""
    assert compile_schema(True)({"a": 1}) == {"a": 1}
    with pytest.raises(SchemaValidationError):
        compile_schema(False)(1)


def test_custom_formats_by_regex_and_by_predicate() -> None:
    """Formats given as a regular expression or a function are enforced."""
    schema = {
        "properties": {"sku": {"format": "sku"}, "even": {"format": "even"}},
    }
    formats = {"sku": r"^[A-Z]{3}-\d+$", "even": lambda value: int(value) % 2 == 0}
    compiled = compile_schema(schema, formats)
    assert compiled({"sku": "ABC-1", "even": "4"}) == {"sku": "ABC-1", "even": "4"}
    with pytest.raises(SchemaValidationError, match=r"at \$\.sku: must be sku"):
        compiled({"sku": "abc"})
    with pytest.raises(SchemaValidationError, match=r"at \$\.even: must be even"):
        compiled({"even": "3"})
    assert compile_schema(schema, formats) is compiled
    assert compile_schema(schema) is not compiled


def test_missing_fastjsonschema_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without fastjsonschema, compiling says which extra to install."""
    monkeypatch.setitem(sys.modules, "fastjsonschema", None)
    with pytest.raises(MissingExtraError, match=r'pip install "powerkit\[validation\]"'):
        compile_schema({"type": "string", "title": "fresh"})


def test_import_loads_no_heavy_dependency() -> None:
    """Importing powerkit.validation does not import fastjsonschema, pydantic or boto3."""
    code = (
        "import sys, powerkit.validation;"
        "print(sorted(m for m in ('fastjsonschema','pydantic','boto3','botocore') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_compiled_schema_type_is_exported() -> None:
    """compile_schema returns a CompiledSchema."""
    assert isinstance(compile_schema({}), CompiledSchema)


def test_validate_compiles_an_equal_schema_only_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passing equal dicts on every call compiles the schema a single time."""
    import fastjsonschema

    from powerkit.validation import validate

    calls: list[object] = []
    real_compile = fastjsonschema.compile

    def counting_compile(schema: object, **options: object) -> object:
        calls.append(schema)
        return real_compile(schema, **options)

    monkeypatch.setattr(fastjsonschema, "compile", counting_compile)
    for number in range(3):
        assert validate({"n": number}, {"properties": {"n": {"type": "integer"}}}) == {"n": number}
    assert calls == [{"properties": {"n": {"type": "integer"}}}]


def test_invalid_schema_message_names_its_title_or_id(tmp_path: Path) -> None:
    """A schema's $id or title identifies it in the error; a directory is not a file."""
    with pytest.raises(
        InvalidSchemaError, match=r"^Invalid JSON schema \(dict with title 'Order'\)"
    ):
        compile_schema({"title": "Order", "type": 3})
    with pytest.raises(
        InvalidSchemaError, match=r"^Invalid JSON schema \(dict with \$id 'urn:x'\)"
    ):
        compile_schema({"$id": "urn:x", "title": "X", "minimum": "zero"})
    with pytest.raises(InvalidSchemaError, match=r"cannot read it \(Is a directory\)"):
        compile_schema(tmp_path)
