import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from adapters.persistence.record_codec import encode_key_json, encode_values_json
from domain.model.record_value import RecordValue

DATASET = "bench"
KEY_COLUMN = "id"
COLUMN_TYPES = {
    "id": "integer",
    "quantity": "integer",
    "stock": "integer",
    "price": "decimal",
    "cost": "decimal",
    "name": "string",
    "city": "string",
    "delivered_on": "date",
}
CITIES = ("Zurich", "Bern", "Basel", "Geneva", "Lausanne", "Lugano", "Luzern", "Chur")
DISTINCT_DATES = 9000
FIRST_DATE = date(2000, 1, 1)
BACKSLASH = b"\\"
DOUBLE_BACKSLASH = b"\\\\"


def write_columns_schema(path: Path) -> None:
    columns = {
        name: {"type": kind, "required": name == KEY_COLUMN} for name, kind in COLUMN_TYPES.items()
    }
    path.write_text(json.dumps(columns, indent=2) + "\n", encoding="utf-8")


def cents(number: int) -> str:
    return f"{number // 100}.{number % 100:02d}"


def csv_fields(row: int, dates: tuple[str, ...]) -> tuple[str, ...]:
    return (
        str(row + 1),
        str(row % 1000),
        str((row * 7919) % 200_001 - 100_000),
        cents((row * 37) % 1_000_000),
        cents((row * 113) % 50_000),
        f"item-{row % 10_007}",
        CITIES[row % len(CITIES)],
        dates[row % DISTINCT_DATES],
    )


def all_dates() -> tuple[str, ...]:
    return tuple((FIRST_DATE + timedelta(days=day)).isoformat() for day in range(DISTINCT_DATES))


def csv_lines(rows: int) -> Iterator[str]:
    dates = all_dates()
    yield ",".join(COLUMN_TYPES) + "\n"
    for row in range(rows):
        yield ",".join(csv_fields(row, dates)) + "\n"


def typed_values(fields: tuple[str, ...]) -> dict[str, RecordValue]:
    values: dict[str, RecordValue] = {}
    for (name, kind), text in zip(COLUMN_TYPES.items(), fields):
        values[name] = int(text) if kind == "integer" else text
    return values


def store_lines(rows: int, import_id: str) -> Iterator[bytes]:
    dates = all_dates()
    prefix = DATASET.encode() + b"\t"
    suffix = b"\t" + import_id.encode() + b"\n"
    for row in range(rows):
        fields = csv_fields(row, dates)
        key = encode_key_json((fields[0],)).replace(BACKSLASH, DOUBLE_BACKSLASH)
        values = encode_values_json(typed_values(fields)).replace(BACKSLASH, DOUBLE_BACKSLASH)
        yield prefix + key + b"\t" + values + suffix


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as target:
        target.writelines(csv_lines(rows))


def write_store_rows(path: Path, rows: int, import_id: str) -> None:
    with path.open("wb") as target:
        target.writelines(store_lines(rows, import_id))
