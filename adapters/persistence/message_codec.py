import json
from collections.abc import Mapping

_COMPACT_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def encode_attributes(attributes: Mapping[str, str]) -> str:
    return _COMPACT_JSON.encode(dict(attributes))


def decode_attributes(document: str | Mapping[str, str]) -> dict[str, str]:
    attributes: dict[str, str] = (
        json.loads(document) if isinstance(document, str) else dict(document)
    )
    return attributes
