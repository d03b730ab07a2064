import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from application.events.result_event_codec import (
    MAX_EVENT_BYTES,
    within_event_bounds,
    decode_result_event,
    encode_result_event,
    result_event_attributes,
    result_event_bytes,
)
from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from domain.model.row_rejection import RowRejection

STARTED_AT = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
FINISHED_AT = datetime(2024, 5, 1, 12, 0, 3, 250000, tzinfo=UTC)
EVENT_ID = "00000000-0000-4000-8000-000000000001"
TRACE = {"traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
COMPLETED = ImportCompleted(
    event_id=EVENT_ID,
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    rows_read=3,
    rows_imported=1,
    rows_rejected=2,
    rejections=(
        RowRejection(row=2, column=None, reason="expected 3 fields, found 2"),
        RowRejection(row=3, column="age", reason="not an integer"),
    ),
    started_at=STARTED_AT,
    finished_at=FINISHED_AT,
)
FAILED = ImportFailed(
    event_id=EVENT_ID,
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    error=ImportErrorDetail(code="source_not_found", message="no such file"),
    started_at=STARTED_AT,
    finished_at=FINISHED_AT,
)
REJECTED = ImportRejected(
    event_id=EVENT_ID,
    import_id="imp-1",
    dataset="people",
    correlation_id="corr-1",
    error=ImportErrorDetail(code="forbidden", message="role viewer may not import"),
    started_at=STARTED_AT,
    finished_at=FINISHED_AT,
)
EVENTS = [COMPLETED, FAILED, REJECTED]
EVENT_IDS = ["completed", "failed", "rejected"]
CONTRACT_KEYS = {
    "event_id",
    "event_type",
    "import_id",
    "dataset",
    "correlation_id",
    "rows_read",
    "rows_imported",
    "rows_rejected",
    "rejections",
    "error",
    "started_at",
    "finished_at",
}


@pytest.mark.parametrize("event", EVENTS, ids=EVENT_IDS)
def test_should_decode_what_it_encodes_through_json(event: ImportFinished) -> None:
    sut = decode_result_event

    decoded = sut(json.loads(json.dumps(encode_result_event(event))))

    assert decoded == event


@pytest.mark.parametrize("event", EVENTS, ids=EVENT_IDS)
def test_should_encode_exactly_the_contract_keys(event: ImportFinished) -> None:
    sut = encode_result_event

    encoded = sut(event)

    assert set(encoded) == CONTRACT_KEYS


@pytest.mark.parametrize(
    ("event", "expected"),
    [(COMPLETED, "ImportCompleted"), (FAILED, "ImportFailed"), (REJECTED, "ImportRejected")],
    ids=EVENT_IDS,
)
def test_should_name_the_event_type_after_the_event_class(
    event: ImportFinished, expected: str
) -> None:
    sut = encode_result_event

    encoded = sut(event)

    assert encoded["event_type"] == expected


def test_should_encode_a_completed_import_as_contract_section_4_shows() -> None:
    sut = encode_result_event

    encoded = sut(COMPLETED)

    assert encoded == {
        "event_id": EVENT_ID,
        "event_type": "ImportCompleted",
        "import_id": "imp-1",
        "dataset": "people",
        "correlation_id": "corr-1",
        "rows_read": 3,
        "rows_imported": 1,
        "rows_rejected": 2,
        "rejections": [
            {"row": 2, "column": None, "reason": "expected 3 fields, found 2"},
            {"row": 3, "column": "age", "reason": "not an integer"},
        ],
        "error": None,
        "started_at": "2024-05-01T12:00:00+00:00",
        "finished_at": "2024-05-01T12:00:03.250000+00:00",
    }


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (FAILED, {"code": "source_not_found", "message": "no such file"}),
        (REJECTED, {"code": "forbidden", "message": "role viewer may not import"}),
    ],
    ids=["failed", "rejected"],
)
def test_should_encode_the_error_as_code_and_message(
    event: ImportFinished, expected: dict[str, str]
) -> None:
    sut = encode_result_event

    encoded = sut(event)

    assert encoded["error"] == expected


def test_should_encode_times_as_rfc_3339_with_their_offset() -> None:
    sut = encode_result_event
    paris = timezone(timedelta(hours=2))
    event = replace(COMPLETED, started_at=STARTED_AT.astimezone(paris))

    encoded = sut(event)

    assert encoded["started_at"] == "2024-05-01T14:00:00+02:00"


def test_should_refuse_to_decode_an_unknown_event_type() -> None:
    sut = decode_result_event
    data = {**encode_result_event(COMPLETED), "event_type": "ImportExploded"}

    with pytest.raises(KeyError):
        sut(data)


def test_should_write_the_result_event_as_its_contract_json() -> None:
    sut = result_event_bytes

    data = sut(COMPLETED)

    assert json.loads(data) == encode_result_event(COMPLETED)


def test_should_write_compact_utf8_json_without_escaping_non_ascii() -> None:
    sut = result_event_bytes

    data = sut(replace(COMPLETED, dataset="personnes_été"))

    assert b'"dataset":"personnes_\xc3\xa9t\xc3\xa9"' in data


def test_should_give_the_result_event_the_contract_attributes_and_the_trace() -> None:
    sut = result_event_attributes

    attributes = sut(COMPLETED, TRACE)

    assert attributes == {
        "event_type": "ImportCompleted",
        "import_id": "imp-1",
        "dataset": "people",
        "correlation_id": "corr-1",
        "schema_version": "1",
        "traceparent": TRACE["traceparent"],
    }


def test_should_refuse_to_encode_an_event_without_a_wire_format() -> None:
    sut = encode_result_event
    event = ImportFinished(
        event_id=EVENT_ID,
        import_id="imp-1",
        dataset="people",
        correlation_id="corr-1",
        started_at=STARTED_AT,
        finished_at=FINISHED_AT,
    )

    with pytest.raises(TypeError):
        sut(event)


def many_long_rejections(count: int) -> tuple[RowRejection, ...]:
    return tuple(
        RowRejection(row=row, column="\x01" * 200, reason="\x02" * 200) for row in range(count)
    )


def test_should_keep_an_event_that_fits_as_it_is() -> None:
    sut = within_event_bounds

    bounded = sut(COMPLETED)

    assert bounded == COMPLETED


def plain_long_rejections(count: int) -> tuple[RowRejection, ...]:
    return tuple(RowRejection(row=row, column="c" * 200, reason="r" * 200) for row in range(count))


def test_should_keep_every_rejection_of_an_event_that_fits_though_its_size_bound_does_not() -> None:
    event = replace(COMPLETED, rejections=plain_long_rejections(100))
    sut = within_event_bounds

    bounded = sut(event)

    assert bounded == event


def test_should_drop_the_last_rejections_of_an_event_over_the_limit() -> None:
    sut = within_event_bounds

    bounded = sut(replace(COMPLETED, rejections=many_long_rejections(100)))

    assert len(result_event_bytes(bounded)) <= MAX_EVENT_BYTES


def test_should_keep_as_many_first_rejections_as_fit() -> None:
    event = replace(COMPLETED, rejections=many_long_rejections(100))
    sut = within_event_bounds

    bounded = sut(event)

    assert (
        len(
            result_event_bytes(
                replace(bounded, rejections=event.rejections[: len(bounded.rejections) + 1])
            )
        )
        > MAX_EVENT_BYTES
    )


def test_should_bound_each_attribute_value() -> None:
    sut = result_event_attributes

    attributes = sut(replace(COMPLETED, correlation_id="c" * 5000), TRACE)

    assert attributes["correlation_id"] == "c" * 1024
