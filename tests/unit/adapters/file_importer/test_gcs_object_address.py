import pytest

from adapters.file_importer.gcs_object_address import (
    GcsObjectAddress,
    allowed_object,
    normalized_buckets,
)
from application.errors import ApplicationError, SourceForbiddenError, SourceUnreadableError

BUCKETS = frozenset({"exports"})


@pytest.mark.parametrize(
    ("uri", "name"),
    [
        ("gs://exports/people.csv", "people.csv"),
        ("gs://exports/2024/05/people.csv", "2024/05/people.csv"),
        ("gs://exports/a%20b.csv", "a%20b.csv"),
        ("gs://exports/what?.csv#1", "what?.csv#1"),
        ("gs://exports/people list.csv", "people list.csv"),
        ("gs://exports//leading-slash.csv", "/leading-slash.csv"),
        ("GS://exports/people.csv", "people.csv"),
    ],
    ids=[
        "plain",
        "slashes",
        "percent",
        "query-and-fragment",
        "space",
        "double-slash",
        "scheme-case",
    ],
)
def test_should_take_the_object_name_literally_after_the_bucket(uri: str, name: str) -> None:
    address = allowed_object(uri, BUCKETS)

    assert address == GcsObjectAddress(bucket="exports", name=name)


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("gs://other/people.csv", SourceForbiddenError),
        ("gs://Exports/people.csv", SourceForbiddenError),
        ("gs:///people.csv", SourceForbiddenError),
        ("gs://exports/", SourceUnreadableError),
        ("gs://exports", SourceUnreadableError),
        ("gs:/exports/people.csv", SourceUnreadableError),
        ("gs:exports/people.csv", SourceUnreadableError),
    ],
    ids=[
        "other-bucket",
        "bucket-case",
        "no-bucket",
        "empty-object-name",
        "no-object-name",
        "one-slash",
        "no-slash",
    ],
)
def test_should_refuse_an_address_it_may_not_read(
    uri: str, expected: type[ApplicationError]
) -> None:
    with pytest.raises(expected):
        allowed_object(uri, BUCKETS)


def test_should_refuse_a_bucket_that_is_not_allowed_before_looking_at_the_object_name() -> None:
    with pytest.raises(SourceForbiddenError):
        allowed_object("gs://other/", BUCKETS)


def test_should_write_the_address_back_as_a_gs_uri() -> None:
    address = GcsObjectAddress(bucket="exports", name="2024/people.csv")

    assert str(address) == "gs://exports/2024/people.csv"


def test_should_trim_allowed_buckets_and_drop_empty_ones() -> None:
    assert normalized_buckets([" exports ", "", "  ", "archive"]) == {"exports", "archive"}
