import pytest

from adapters.security.jwks_address import checked_jwks_address

LOOPBACK_HTTP = [
    "http://127.0.0.1:8080/jwks.json",
    "http://127.1.2.3/jwks.json",
    "http://localhost:8080/jwks.json",
    "http://[::1]:8080/jwks.json",
]
LOOPBACK_IDS = ["ipv4", "ipv4-range", "localhost", "ipv6"]


def test_should_accept_an_https_address() -> None:
    address = checked_jwks_address("https://keys.example/jwks.json", allow_insecure_loopback=False)

    assert address == "https://keys.example/jwks.json"


@pytest.mark.parametrize("address", LOOPBACK_HTTP, ids=LOOPBACK_IDS)
def test_should_refuse_plain_http_to_loopback_by_default(address: str) -> None:
    with pytest.raises(ValueError, match="AUTH_JWKS_URL must be an https address"):
        checked_jwks_address(address, allow_insecure_loopback=False)


@pytest.mark.parametrize("address", LOOPBACK_HTTP, ids=LOOPBACK_IDS)
def test_should_accept_plain_http_to_loopback_when_explicitly_allowed(address: str) -> None:
    checked = checked_jwks_address(address, allow_insecure_loopback=True)

    assert checked == address


@pytest.mark.parametrize(
    "address",
    [
        "http://keys.example/jwks.json",
        "http://10.0.0.1/jwks.json",
        "http://127.0.0.1.keys.example/jwks.json",
        "http://localhost.keys.example/jwks.json",
        "http:///jwks.json",
        "file:///etc/jwks.json",
    ],
    ids=[
        "public-name",
        "private-address",
        "loopback-lookalike",
        "localhost-lookalike",
        "no-host",
        "file",
    ],
)
def test_should_refuse_plain_http_to_any_other_host_even_when_loopback_is_allowed(
    address: str,
) -> None:
    with pytest.raises(ValueError, match="AUTH_JWKS_URL must be an https address"):
        checked_jwks_address(address, allow_insecure_loopback=True)
