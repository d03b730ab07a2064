import json
from collections.abc import Mapping
from typing import Any

import orjson

from domain.events.import_finished import ImportFinished
from application.events.result_event_codec import decode_result_event, encode_result_event
from domain.model.data_record import RecordKey
from domain.model.record_value import RecordValue

_COMPACT_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
_JSON_NATIVE_ONLY = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def encode_key_json(key: RecordKey) -> bytes:
    return orjson.dumps(key)


def encode_key(key: RecordKey) -> str:
    return encode_key_json(key).decode()


def decode_key(text: str) -> RecordKey:
    return tuple(json.loads(text))


def encode_values_json(values: Mapping[str, RecordValue]) -> bytes:
    document = values if isinstance(values, dict) else dict(values)
    try:
        return orjson.dumps(document, option=_JSON_NATIVE_ONLY)
    except orjson.JSONEncodeError:
        return _COMPACT_JSON.encode(document).encode()


def encode_values(values: Mapping[str, RecordValue]) -> str:
    return encode_values_json(values).decode()


def decode_values(text: str) -> dict[str, RecordValue]:
    values: dict[str, RecordValue] = json.loads(text)
    return values


def encode_result(result: ImportFinished) -> str:
    return _COMPACT_JSON.encode(encode_result_event(result))


def decode_result(document: str | Mapping[str, Any]) -> ImportFinished:
    data = json.loads(document) if isinstance(document, str) else document
    return decode_result_event(data)
