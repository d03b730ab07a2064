from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from worker.messages.import_requested import ImportRequestedV1, SourceModel

VALID_BODY = {"import_id": "imp-1", "dataset": "customers", "source": {"inline": "id\n1\n"}}


def _body(**changes: object) -> dict[str, object]:
    return {**VALID_BODY, **changes}


def test_should_default_the_source_options_of_the_contract() -> None:
    sut = SourceModel(uri="gs://bucket/customers.csv")

    assert sut.model_dump(include={"format", "delimiter", "encoding", "header"}) == {
        "format": "csv",
        "delimiter": ",",
        "encoding": "utf-8",
        "header": True,
    }


@pytest.mark.parametrize(
    "uri",
    ["file:///data/a.csv", "gs://bucket/a.csv", "https://example.com/a.csv"],
    ids=["file", "gs", "https"],
)
def test_should_accept_a_uri_of_a_supported_scheme(uri: str) -> None:
    sut = SourceModel(uri=uri)

    assert sut.uri == uri


def test_should_refuse_a_uri_of_another_scheme() -> None:
    with pytest.raises(ValidationError, match="file://, gs:// or https://"):
        SourceModel(uri="ftp://example.com/a.csv")


def test_should_refuse_a_source_with_both_uri_and_inline() -> None:
    with pytest.raises(ValidationError, match="exactly one of source.uri and source.inline"):
        SourceModel(uri="gs://bucket/a.csv", inline="id\n")


def test_should_refuse_a_source_with_neither_uri_nor_inline() -> None:
    with pytest.raises(ValidationError, match="exactly one of source.uri and source.inline"):
        SourceModel()


def test_should_refuse_a_delimiter_longer_than_one_character() -> None:
    with pytest.raises(ValidationError, match="delimiter"):
        SourceModel(inline="id\n", delimiter=";;")


def test_should_refuse_a_format_other_than_csv() -> None:
    with pytest.raises(ValidationError, match="format"):
        SourceModel.model_validate({"inline": "id\n", "format": "parquet"})


@pytest.mark.parametrize(
    "import_id",
    ["", "a" * 129, "imp 1", "imp/1"],
    ids=["empty", "too-long", "space", "slash"],
)
def test_should_refuse_an_import_id_outside_the_contract(import_id: str) -> None:
    with pytest.raises(ValidationError, match="import_id"):
        ImportRequestedV1.model_validate(_body(import_id=import_id))


@pytest.mark.parametrize(
    "import_id", ["a", "A.b_c:d-9", "x" * 128], ids=["one-char", "all-classes", "longest"]
)
def test_should_accept_an_import_id_inside_the_contract(import_id: str) -> None:
    sut = ImportRequestedV1.model_validate(_body(import_id=import_id))

    assert sut.import_id == import_id


@pytest.mark.parametrize(
    "dataset",
    ["Customers", "1customers", "customer-list", "c" * 64],
    ids=["upper-case", "leading-digit", "hyphen", "too-long"],
)
def test_should_refuse_a_dataset_outside_the_contract(dataset: str) -> None:
    with pytest.raises(ValidationError, match="dataset"):
        ImportRequestedV1.model_validate(_body(dataset=dataset))


def test_should_list_the_unknown_body_fields() -> None:
    sut = ImportRequestedV1.model_validate(_body(priority="high", owner="ops"))

    assert sut.unknown_fields == ("priority", "owner")


def test_should_list_no_unknown_field_for_a_body_of_known_fields() -> None:
    sut = ImportRequestedV1.model_validate(VALID_BODY)

    assert sut.unknown_fields == ()


def test_should_read_requested_at_as_an_rfc_3339_timestamp() -> None:
    sut = ImportRequestedV1.model_validate(_body(requested_at="2024-05-01T10:00:00+02:00"))

    assert sut.requested_at == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
