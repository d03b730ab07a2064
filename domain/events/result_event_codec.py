from collections.abc import Mapping
from datetime import datetime
from typing import Any

from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from domain.model.row_rejection import RowRejection

RESULT_EVENT_TYPES: Mapping[str, type[ImportFinished]] = {
    event_type.__name__: event_type
    for event_type in (ImportCompleted, ImportFailed, ImportRejected)
}


def encode_result_event(event: ImportFinished) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "import_id": event.import_id,
        "dataset": event.dataset,
        "correlation_id": event.correlation_id,
        "rows_read": event.rows_read,
        "rows_imported": event.rows_imported,
        "rows_rejected": event.rows_rejected,
        "rejections": [_encode_rejection(rejection) for rejection in event.rejections],
        "error": _encode_error(event.error),
        "started_at": event.started_at.isoformat(),
        "finished_at": event.finished_at.isoformat(),
    }


def decode_result_event(data: Mapping[str, Any]) -> ImportFinished:
    return RESULT_EVENT_TYPES[data["event_type"]](
        event_id=data["event_id"],
        import_id=data["import_id"],
        dataset=data["dataset"],
        correlation_id=data["correlation_id"],
        rows_read=data["rows_read"],
        rows_imported=data["rows_imported"],
        rows_rejected=data["rows_rejected"],
        rejections=tuple(RowRejection(**rejection) for rejection in data["rejections"]),
        error=_decode_error(data["error"]),
        started_at=datetime.fromisoformat(data["started_at"]),
        finished_at=datetime.fromisoformat(data["finished_at"]),
    )


def _encode_rejection(rejection: RowRejection) -> dict[str, Any]:
    return {"row": rejection.row, "column": rejection.column, "reason": rejection.reason}


def _encode_error(error: ImportErrorDetail | None) -> dict[str, str] | None:
    return None if error is None else {"code": error.code, "message": error.message}


def _decode_error(data: Mapping[str, str] | None) -> ImportErrorDetail | None:
    return None if data is None else ImportErrorDetail(code=data["code"], message=data["message"])
