import pytest

from adapters.file_importer.https_addresses import allowed_location
from application.errors import ApplicationError, SourceForbiddenError, SourceUnreadableError

HOSTS = frozenset({"data.example.org"})


def test_should_describe_an_allowed_address_without_port_or_query() -> None:
    location = allowed_location("https://Data.Example.org:8443/a/b.csv?token=s3cret#x", HOSTS)

    assert location == "https://data.example.org/a/b.csv"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://user:secret@data.example.org/b.csv", SourceForbiddenError),
        ("https://@data.example.org/b.csv", SourceForbiddenError),
        ("https:///b.csv", SourceForbiddenError),
        ("ftp://data.example.org/b.csv", SourceForbiddenError),
        ("https://data.example.org:port/b.csv", SourceUnreadableError),
        ("https://data.example.org:99999/b.csv", SourceUnreadableError),
        ("https://data.example.org:0/b.csv", SourceUnreadableError),
        ("https://[::1/b.csv", SourceUnreadableError),
    ],
    ids=[
        "credentials",
        "empty-user",
        "no-host",
        "other-scheme",
        "non-numeric-port",
        "port-out-of-range",
        "port-zero",
        "unclosed-bracket",
    ],
)
def test_should_refuse_an_address_it_may_not_fetch(
    address: str, expected: type[ApplicationError]
) -> None:
    with pytest.raises(expected):
        allowed_location(address, HOSTS)
