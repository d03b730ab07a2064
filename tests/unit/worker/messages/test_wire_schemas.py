from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for

from worker.messages.wire_schemas import WIRE_SCHEMAS, WireSchema

REJECTION = {"row": 1, "column": "age", "reason": "not an integer"}
RESULT: dict[str, Any] = {
    "event_id": "6f1f7d2c-5a3b-4c3e-9d0f-0a1b2c3d4e5f",
    "event_type": "ImportCompleted",
    "import_id": "imp-1",
    "dataset": "people",
    "correlation_id": "corr-1",
    "rows_read": 1,
    "rows_imported": 0,
    "rows_rejected": 1,
    "rejections": [REJECTION],
    "error": None,
    "started_at": "2026-05-04T09:30:00+00:00",
    "finished_at": "2026-05-04T09:30:01+00:00",
}
FAILED = {
    **RESULT,
    "event_type": "ImportFailed",
    "rejections": [],
    "error": {"code": "source_not_found", "message": "gone"},
}
REQUEST = {"import_id": "imp-1", "dataset": "people", "source": {"inline": "id\n1\n"}}


def schema_named(file_name: str) -> dict[str, Any]:
    return next(schema for schema in WIRE_SCHEMAS if schema.file_name == file_name).document()


def accepts(file_name: str, document: Any) -> bool:
    validator = Draft202012Validator(
        schema_named(file_name), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return bool(validator.is_valid(document))


def references(node: Any) -> set[str]:
    if isinstance(node, dict):
        own = {node["$ref"]} if "$ref" in node else set()
        return own.union(*map(references, node.values()))
    return set().union(*map(references, node)) if isinstance(node, list) else set()


@pytest.mark.parametrize("schema", WIRE_SCHEMAS, ids=lambda schema: schema.file_name)
def test_should_declare_the_2020_12_dialect(schema: WireSchema) -> None:
    document = schema.document()

    assert validator_for(document) is Draft202012Validator


@pytest.mark.parametrize("schema", WIRE_SCHEMAS, ids=lambda schema: schema.file_name)
def test_should_be_a_valid_schema_of_its_dialect(schema: WireSchema) -> None:
    meta_validator = Draft202012Validator(Draft202012Validator.META_SCHEMA)

    assert list(meta_validator.iter_errors(schema.document())) == []


@pytest.mark.parametrize("schema", WIRE_SCHEMAS, ids=lambda schema: schema.file_name)
def test_should_name_each_definition_by_its_title(schema: WireSchema) -> None:
    definitions = schema.document()["$defs"]

    assert [definition["title"] for definition in definitions.values()] == list(definitions)


@pytest.mark.parametrize("schema", WIRE_SCHEMAS, ids=lambda schema: schema.file_name)
def test_should_refer_only_to_definitions_it_holds(schema: WireSchema) -> None:
    document = schema.document()

    assert references(document) <= {f"#/$defs/{name}" for name in document["$defs"]}


@pytest.mark.parametrize(
    ("file_name", "document"),
    [
        ("result-event.json", RESULT),
        ("result-event.json", FAILED),
        ("import-requested.json", REQUEST),
    ],
    ids=["completed", "failed", "request"],
)
def test_should_accept_a_document_of_the_contract(file_name: str, document: Any) -> None:
    accepted = accepts(file_name, document)

    assert accepted


@pytest.mark.parametrize(
    ("file_name", "document"),
    [
        ("result-event.json", {**RESULT, "rejections": [REJECTION] * 101}),
        (
            "result-event.json",
            {**RESULT, "rejections": [{"row": 1, "column": None, "reason": "x" * 201}]},
        ),
        (
            "result-event.json",
            {**FAILED, "error": {"code": "source_not_found", "message": "x" * 1001}},
        ),
        ("result-event.json", {**RESULT, "error": FAILED["error"]}),
        ("result-event.json", {**FAILED, "error": None}),
        ("result-event.json", {**RESULT, "rows": 1}),
        ("import-requested.json", {**REQUEST, "source": {"inline": "id\n", "uri": "gs://b/o"}}),
        ("import-requested.json", {**REQUEST, "source": {"uri": "ftp://example.com/a.csv"}}),
    ],
    ids=[
        "101 rejections",
        "a reason over 200 characters",
        "an error message over 1000 characters",
        "a completed import with an error",
        "a failed import without an error",
        "a field the contract does not name",
        "both uri and inline",
        "an ftp uri",
    ],
)
def test_should_refuse_a_document_beyond_the_contract(file_name: str, document: Any) -> None:
    accepted = accepts(file_name, document)

    assert not accepted
