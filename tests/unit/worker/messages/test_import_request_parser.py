import json
import logging

import pytest

from application.ports.record_source import SourceDescriptor
from application.use_cases.import_data import ImportData
from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema
from worker.messages.import_request_parser import parse_import_request
from worker.messages.malformed_message_error import MalformedMessageError

FULL_BODY = {
    "import_id": "imp-1",
    "dataset": "customers",
    "source": {
        "uri": "gs://bucket/customers.csv",
        "delimiter": ";",
        "encoding": "latin-1",
        "header": False,
    },
    "key_columns": ["id"],
    "columns": {"id": {"type": "integer", "required": True}},
    "requested_at": "2024-05-01T10:00:00Z",
}
MINIMAL_BODY = {"import_id": "imp-2", "dataset": "orders", "source": {"inline": "id\n1\n"}}


def _parse(body: object, **attributes: str) -> ImportData:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return parse_import_request(
        data=data, attributes=attributes, request_id="m-1", correlation_id="c-1"
    )


def _reason(body: object, **attributes: str) -> str:
    try:
        _parse(body, **attributes)
    except MalformedMessageError as error:
        return error.reason
    return "parsed"


def _detail(body: object, **attributes: str) -> str:
    try:
        _parse(body, **attributes)
    except MalformedMessageError as error:
        return str(error)
    return "parsed"


def test_should_build_the_import_command_from_a_full_body() -> None:
    command = _parse(FULL_BODY, authorization="Bearer t")

    assert command == ImportData(
        request_id="m-1",
        import_id="imp-1",
        dataset="customers",
        source=SourceDescriptor(
            uri="gs://bucket/customers.csv", delimiter=";", encoding="latin-1", header=False
        ),
        schema=ImportSchema(
            columns={"id": ColumnSpec(type=ColumnType.INTEGER, required=True)},
            key_columns=("id",),
        ),
        correlation_id="c-1",
        authorization="Bearer t",
    )


def test_should_build_the_import_command_from_a_minimal_body() -> None:
    command = _parse(MINIMAL_BODY)

    assert command == ImportData(
        request_id="m-1",
        import_id="imp-2",
        dataset="orders",
        source=SourceDescriptor(inline="id\n1\n"),
        schema=ImportSchema(),
        correlation_id="c-1",
    )


def test_should_accept_schema_version_one() -> None:
    command = _parse(MINIMAL_BODY, schema_version="1")

    assert command.import_id == "imp-2"


@pytest.mark.parametrize(
    ("body", "attributes", "reason"),
    [
        (b"{not json", {}, "invalid_json"),
        (b"\xff\xfe", {}, "invalid_json"),
        ({"import_id": "imp-1"}, {}, "invalid_body"),
        (["a", "list"], {}, "invalid_body"),
        ({**MINIMAL_BODY, "dataset": "Bad Name"}, {}, "invalid_body"),
        (MINIMAL_BODY, {"schema_version": "2"}, "unsupported_schema_version"),
        (b"{not json", {"schema_version": "2"}, "unsupported_schema_version"),
    ],
    ids=[
        "not-json",
        "not-utf8",
        "missing-fields",
        "not-an-object",
        "bad-dataset",
        "version-2",
        "version-checked-first",
    ],
)
def test_should_refuse_a_malformed_message_with_its_reason(
    body: object, attributes: dict[str, str], reason: str
) -> None:
    refused = _reason(body, **attributes)

    assert refused == reason


def test_should_name_the_unsupported_schema_version_in_the_detail() -> None:
    detail = _detail(MINIMAL_BODY, schema_version="2")

    assert detail == "schema_version '2' is not supported"


def test_should_cut_a_long_schema_version_in_the_detail() -> None:
    detail = _detail(MINIMAL_BODY, schema_version="9" * 1000)

    assert detail == f"schema_version {'9' * 20!r} is not supported"


def test_should_name_the_location_of_each_problem_in_the_detail() -> None:
    detail = _detail({"import_id": "imp-1", "source": {"inline": "x"}})

    assert detail == "dataset: Field required"


def test_should_never_put_an_input_value_in_the_detail() -> None:
    detail = _detail({**MINIMAL_BODY, "dataset": "SECRET-CUSTOMER-NAME"})

    assert "SECRET-CUSTOMER-NAME" not in detail


def test_should_log_the_names_of_unknown_body_fields(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="worker.messages.import_request_parser")

    _parse({**MINIMAL_BODY, "priority": "high"})

    assert [record.__dict__.get("fields") for record in caplog.records] == [["priority"]]


def test_should_log_nothing_for_a_body_of_known_fields(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="worker.messages.import_request_parser")

    _parse(MINIMAL_BODY)

    assert caplog.records == []
