import json
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportNotice:
    """What a downstream notification service keeps of a result event."""

    event_id: str
    event_type: str
    import_id: str
    dataset: str
    rows_imported: int
    rows_rejected: int
    rejected_rows: tuple[tuple[int, str], ...]
    error_code: str | None
    error_message: str | None


def read_result_event(data: str | bytes | None, attributes: Mapping[str, object]) -> ImportNotice:
    document = json.loads(data or b"")
    error = document["error"]
    return ImportNotice(
        event_id=document["event_id"],
        event_type=str(attributes["event_type"]),
        import_id=str(attributes["import_id"]),
        dataset=str(attributes["dataset"]),
        rows_imported=document["rows_imported"],
        rows_rejected=document["rows_rejected"],
        rejected_rows=tuple((item["row"], item["reason"]) for item in document["rejections"]),
        error_code=None if error is None else error["code"],
        error_message=None if error is None else error["message"],
    )
