import pytest
from psycopg.conninfo import conninfo_to_dict

from adapters.persistence.postgres.connection import with_connect_timeout


@pytest.mark.parametrize(
    ("conninfo", "expected"),
    [
        ("postgresql://postgres@127.0.0.1/test", "7"),
        ("postgresql://postgres@127.0.0.1/test?connect_timeout=30", "30"),
        ("host=127.0.0.1 dbname=test connect_timeout=2", "2"),
    ],
    ids=["added when absent", "kept from the url", "kept from keywords"],
)
def test_should_bound_the_connection_time_unless_the_url_does(conninfo: str, expected: str) -> None:
    bounded = with_connect_timeout(conninfo, 7)

    assert conninfo_to_dict(bounded)["connect_timeout"] == expected
