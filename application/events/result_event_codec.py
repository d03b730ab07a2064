import json
from collections.abc import Callable, Mapping
from bisect import bisect_right
from dataclasses import replace
from datetime import datetime
from functools import partial, singledispatch
from typing import Any

from application.events.message_attributes import bounded_attributes
from domain.events.import_completed import ImportCompleted
from domain.events.import_ended_in_error import ImportEndedInError
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from domain.model.row_rejection import RowRejection

SCHEMA_VERSION = "1"
MAX_EVENT_BYTES = 64 * 1024
BYTES_PER_CHARACTER_AT_MOST = 6
FIXED_BYTES_AT_MOST = 1024
BYTES_PER_REJECTION_AT_MOST = 64
Document = dict[str, Any]
NO_COUNTS: Document = {"rows_read": 0, "rows_imported": 0, "rows_rejected": 0, "rejections": []}


def encode_result_event(event: ImportFinished) -> Document:
    return {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "import_id": event.import_id,
        "dataset": event.dataset,
        "correlation_id": event.correlation_id,
        **_outcome_fields(event),
        "started_at": event.started_at.isoformat(),
        "finished_at": event.finished_at.isoformat(),
    }


def decode_result_event(data: Mapping[str, Any]) -> ImportFinished:
    event_type = _EVENT_TYPES[data["event_type"]]
    return event_type(
        event_id=data["event_id"],
        import_id=data["import_id"],
        dataset=data["dataset"],
        correlation_id=data["correlation_id"],
        started_at=datetime.fromisoformat(data["started_at"]),
        finished_at=datetime.fromisoformat(data["finished_at"]),
        **_DECODERS[event_type](data),
    )


def result_event_bytes(event: ImportFinished) -> bytes:
    return json.dumps(
        encode_result_event(event), ensure_ascii=False, separators=(",", ":")
    ).encode()


def result_event_attributes(event: ImportFinished, trace: Mapping[str, str]) -> dict[str, str]:
    return bounded_attributes(
        {
            "event_type": event.event_type,
            "import_id": event.import_id,
            "dataset": event.dataset,
            "correlation_id": event.correlation_id,
            "schema_version": SCHEMA_VERSION,
            **trace,
        }
    )


def within_event_bounds(event: ImportCompleted) -> ImportCompleted:
    """The event, with only as many of its first rejections as keep it within MAX_EVENT_BYTES;
    encoded only when a bound on its size (each character escaped as \\uXXXX) allows more."""
    if _surely_within(event) or len(result_event_bytes(event)) <= MAX_EVENT_BYTES:
        return event
    kept = bisect_right(range(len(event.rejections) + 1), False, key=partial(_oversized, event))
    return replace(event, rejections=event.rejections[: kept - 1])


def _surely_within(event: ImportCompleted) -> bool:
    texts = (event.event_id, event.import_id, event.dataset, event.correlation_id)
    characters = sum(map(len, texts)) + sum(
        len(rejection.column or "") + len(rejection.reason) for rejection in event.rejections
    )
    most = (
        FIXED_BYTES_AT_MOST
        + BYTES_PER_CHARACTER_AT_MOST * characters
        + BYTES_PER_REJECTION_AT_MOST * len(event.rejections)
    )
    return most <= MAX_EVENT_BYTES


def _oversized(event: ImportCompleted, rejections_kept: int) -> bool:
    kept = replace(event, rejections=event.rejections[:rejections_kept])
    return len(result_event_bytes(kept)) > MAX_EVENT_BYTES


@singledispatch
def _outcome_fields(event: ImportFinished) -> Document:
    raise TypeError(f"no wire format for {event.event_type}")


@_outcome_fields.register
def _counts(event: ImportCompleted) -> Document:
    return {
        "rows_read": event.rows_read,
        "rows_imported": event.rows_imported,
        "rows_rejected": event.rows_rejected,
        "rejections": [_encode_rejection(rejection) for rejection in event.rejections],
        "error": None,
    }


@_outcome_fields.register
def _error(event: ImportEndedInError) -> Document:
    return {**NO_COUNTS, "error": {"code": event.error.code, "message": event.error.message}}


def _encode_rejection(rejection: RowRejection) -> Document:
    return {"row": rejection.row, "column": rejection.column, "reason": rejection.reason}


def _decode_counts(data: Mapping[str, Any]) -> Document:
    return {
        "rows_read": data["rows_read"],
        "rows_imported": data["rows_imported"],
        "rows_rejected": data["rows_rejected"],
        "rejections": tuple(RowRejection(**rejection) for rejection in data["rejections"]),
    }


def _decode_error(data: Mapping[str, Any]) -> Document:
    error = data["error"]
    return {"error": ImportErrorDetail(code=error["code"], message=error["message"])}


_DECODERS: Mapping[type[ImportFinished], Callable[[Mapping[str, Any]], Document]] = {
    ImportCompleted: _decode_counts,
    ImportFailed: _decode_error,
    ImportRejected: _decode_error,
}
_EVENT_TYPES = {event_type.__name__: event_type for event_type in _DECODERS}
