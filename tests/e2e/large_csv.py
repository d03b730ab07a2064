from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.e2e.import_request import ImportRequest, file_source, importer_authorization

LARGE_DATASET = "large"
HEADER = "id,name,amount\n"
COLUMNS: dict[str, dict[str, Any]] = {
    "id": {"type": "integer", "required": True},
    "amount": {"type": "integer"},
}


@dataclass(frozen=True, slots=True, kw_only=True)
class LargeCsv:
    path: Path
    rows: int
    valid_rows: int


def write_large_csv(path: Path, *, rows: int, reject_every: int) -> LargeCsv:
    with path.open("w", encoding="utf-8", newline="") as csv_file:
        csv_file.write(HEADER)
        for number in range(1, rows + 1):
            csv_file.write(_row(number, rejected=number % reject_every == 0))
    return LargeCsv(path=path, rows=rows, valid_rows=rows - rows // reject_every)


def _row(number: int, *, rejected: bool) -> str:
    amount = "not-a-number" if rejected else str(number * 3)
    return f"{number},name {number},{amount}\n"


def large_import_request(source: LargeCsv, *, import_id: str) -> ImportRequest:
    return ImportRequest(
        import_id=import_id,
        dataset=LARGE_DATASET,
        source=file_source(source.path),
        authorization=importer_authorization(),
        correlation_id=f"correlation-{import_id}",
        key_columns=("id",),
        columns=COLUMNS,
    )
