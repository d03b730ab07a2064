from collections.abc import Iterable
from urllib.parse import SplitResult, urlsplit

from application.errors import SourceForbiddenError, SourceUnreadableError

HTTPS_PORT = 443


def normalized_hosts(hosts: Iterable[str]) -> frozenset[str]:
    return frozenset(host.strip().lower() for host in hosts if host.strip())


def allowed_location(address: str, allowed_hosts: frozenset[str]) -> str:
    parts = split_address(address)
    location = public_location(parts)
    if parts.scheme != "https":
        raise SourceForbiddenError(f"{location} is not an https address")
    if "@" in parts.netloc:
        raise SourceForbiddenError(f"{location} carries credentials, which sources may not")
    if parts.hostname not in allowed_hosts:
        raise SourceForbiddenError(f"{location} is on a host that is not allowed")
    return location


def keep_port(address: str, origin: str) -> None:
    target, source = split_address(address), split_address(origin)
    if (target.port or HTTPS_PORT) != (source.port or HTTPS_PORT):
        location = public_location(target)
        raise SourceForbiddenError(f"{location} is on another port than {public_location(source)}")


def split_address(address: str) -> SplitResult:
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError as error:
        raise SourceUnreadableError("the source address is malformed") from error
    if port == 0:
        raise SourceUnreadableError("the source address names port 0")
    return parts


def public_location(parts: SplitResult) -> str:
    return f"{parts.scheme}://{parts.hostname or ''}{parts.path}"
