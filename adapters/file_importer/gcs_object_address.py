from collections.abc import Iterable
from dataclasses import dataclass

from application.errors import SourceForbiddenError, SourceUnreadableError

SCHEME = "gs"


@dataclass(frozen=True, slots=True, kw_only=True)
class GcsObjectAddress:
    bucket: str
    name: str

    def __str__(self) -> str:
        return f"{SCHEME}://{self.bucket}/{self.name}"


def normalized_buckets(buckets: Iterable[str]) -> frozenset[str]:
    return frozenset(bucket.strip() for bucket in buckets if bucket.strip())


def allowed_object(uri: str, allowed_buckets: frozenset[str]) -> GcsObjectAddress:
    address = object_address(uri)
    if address.bucket not in allowed_buckets:
        raise SourceForbiddenError(f"{SCHEME}://{address.bucket} is a bucket that is not allowed")
    if not address.name:
        raise SourceUnreadableError(f"{SCHEME}://{address.bucket}/ names no object")
    return address


def object_address(uri: str) -> GcsObjectAddress:
    scheme, separator, rest = uri.partition("://")
    if scheme.lower() != SCHEME or not separator:
        raise SourceUnreadableError("the source address is not of the form gs://BUCKET/OBJECT")
    bucket, _, name = rest.partition("/")
    return GcsObjectAddress(bucket=bucket, name=name)
