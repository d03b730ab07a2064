from collections.abc import Mapping
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

import pytest

from adapters.persistence.record_codec import (
    decode_key,
    decode_result,
    decode_values,
    encode_key,
    encode_result,
    encode_values,
)
from domain.events.import_completed import ImportCompleted
from application.events.result_event_codec import encode_result_event
from domain.model.record_value import RecordValue
from domain.model.row_rejection import RowRejection

RESULT = ImportCompleted(
    event_id="event-1",
    import_id="import-1",
    dataset="customers",
    correlation_id="correlation-1",
    rows_read=2,
    rows_imported=1,
    rows_rejected=1,
    rejections=(RowRejection(row=2, column="age", reason="not an integer"),),
    started_at=datetime(2025, 3, 1, 12, 0, tzinfo=UTC),
    finished_at=datetime(2025, 3, 1, 12, 1, tzinfo=UTC),
)


def test_should_encode_a_key_as_a_compact_json_array() -> None:
    key = ("Zürich", 'a"b', "7")

    encoded = encode_key(key)

    assert encoded == '["Zürich","a\\"b","7"]'


def test_should_decode_the_key_it_encoded() -> None:
    key = ("tab\there", "back\\slash", "new\nline")

    decoded = decode_key(encode_key(key))

    assert decoded == key


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {"name": "Zoë", "age": 3, "ok": True, "note": None},
            '{"name":"Zoë","age":3,"ok":true,"note":null}',
        ),
        ({"huge": 2**70}, '{"huge":1180591620717411303424}'),
        (MappingProxyType({"name": "Ada"}), '{"name":"Ada"}'),
    ],
    ids=["json native values", "an integer beyond 64 bits", "a read-only mapping"],
)
def test_should_encode_values_as_compact_json(
    values: Mapping[str, RecordValue], expected: str
) -> None:
    encoded = encode_values(values)

    assert encoded == expected


def test_should_refuse_a_value_that_is_not_json_native() -> None:
    values: Mapping[str, Any] = {"when": datetime(2025, 3, 1, tzinfo=UTC).date()}

    with pytest.raises(TypeError):
        encode_values(values)


def test_should_decode_the_values_it_encoded() -> None:
    values: dict[str, RecordValue] = {"name": "tab\t\\ é", "age": 3, "ok": False, "note": None}

    decoded = decode_values(encode_values(values))

    assert decoded == values


def test_should_decode_the_result_it_encoded() -> None:
    encoded = encode_result(RESULT)

    decoded = decode_result(encoded)

    assert decoded == RESULT


def test_should_decode_a_result_given_as_a_parsed_document() -> None:
    document = encode_result_event(RESULT)

    decoded = decode_result(document)

    assert decoded == RESULT
