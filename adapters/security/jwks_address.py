import ipaddress
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost"})
REFUSED = (
    "AUTH_JWKS_URL must be an https address (plain http only to a loopback address, and only with "
    "AUTH_JWKS_ALLOW_INSECURE_LOOPBACK=true)"
)


def checked_jwks_address(address: str, *, allow_insecure_loopback: bool) -> str:
    parts = urlsplit(address)
    if parts.scheme == "https":
        return address
    if allow_insecure_loopback and parts.scheme == "http" and is_loopback(parts.hostname):
        return address
    raise ValueError(REFUSED)


def is_loopback(host: str | None) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False
