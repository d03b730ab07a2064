import argparse
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, cast

import psycopg
from psycopg import Copy

from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.persistence.postgres import copy_rows as copy_statements
from adapters.persistence.postgres import data_repository as repository
from adapters.persistence.postgres.copy_rows import write_copy_rows
from adapters.persistence.postgres.tables import PostgresTables
from application.ports.record_source import TabularStream
from bench import benchmark_database as database
from bench.benchmark_dataset import COLUMN_TYPES, DATASET, KEY_COLUMN, write_csv
from bench.benchmark_report import write_report
from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.service.data_import_service import DataImportService
from domain.service.import_plan import ImportPlan

OUT = Path(__file__).resolve().parent / "out"
IMPORT_ID = "bench-phases"
CHUNK_BYTES = 1 << 20


def import_schema() -> ImportSchema:
    columns = {
        name: ColumnSpec(type=ColumnType(kind), required=name == KEY_COLUMN)
        for name, kind in COLUMN_TYPES.items()
    }
    return ImportSchema(columns=columns, key_columns=(KEY_COLUMN,))


@contextmanager
def csv_stream(path: Path) -> Iterator[TabularStream]:
    with path.open(encoding="utf-8-sig", newline="") as text:
        yield CsvTabularReader().read(text, delimiter=",", header=True)


def planned(stream: TabularStream) -> ImportPlan:
    return DataImportService().plan(
        dataset=DATASET, import_id=IMPORT_ID, header=stream.header, schema=import_schema()
    )


def read_rows(path: Path) -> int:
    with csv_stream(path) as stream:
        return sum(1 for _ in stream.rows)


def convert_rows(path: Path) -> int:
    with csv_stream(path) as stream:
        return sum(1 for _ in planned(stream).records(stream.rows, ImportTally()))


def encode_rows(path: Path, target: Path) -> int:
    with csv_stream(path) as stream, target.open("wb") as copy_text:
        records = planned(stream).records(stream.rows, ImportTally())
        return write_copy_rows(cast(Copy, copy_text), records)


def send_file(cursor: psycopg.Cursor[Any], source: BinaryIO) -> None:
    with cursor.copy(copy_statements.COPY_STAGING) as copy:
        for chunk in iter(lambda: source.read(CHUNK_BYTES), b""):
            copy.write(chunk)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def server_phases(url: str, copy_text: Path) -> dict[str, float]:
    import_url = database.search_path_url(url, database.IMPORT_SCHEMA)
    merge = repository.merge_statement(PostgresTables(), True)
    lock = (repository.LOCK_DATASETS, ("records", [DATASET]))
    with psycopg.connect(import_url) as connection, connection.cursor() as cursor:
        cursor.execute(repository.CREATE_STAGING)
        with copy_text.open("rb") as source:
            staging = timed(lambda: send_file(cursor, source))
        cursor.execute(repository.WITHOUT_JIT)
        locking = timed(lambda: cursor.execute(*lock))
        merging = timed(lambda: cursor.execute(merge))
        committing = timed(connection.commit)
    return {"copy_staging": staging, "lock": locking, "merge": merging, "commit": committing}


def client_phases(csv: Path, copy_text: Path) -> dict[str, float]:
    return {
        "csv_read": timed(lambda: read_rows(csv)),
        "csv_read_and_convert": timed(lambda: convert_rows(csv)),
        "csv_read_convert_and_encode": timed(lambda: encode_rows(csv, copy_text)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="where the import's time goes, phase by phase")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--url", default=database.DEFAULT_URL)
    parser.add_argument("--keep", action="store_true", help="keep generated files and tables")
    arguments = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    csv, copy_text = OUT / f"phases-{arguments.rows}.csv", OUT / "phases-copy.tsv"
    write_csv(csv, arguments.rows)
    database.reset_tables(arguments.url)
    database.checkpoint(arguments.url)
    phases = client_phases(csv, copy_text) | server_phases(arguments.url, copy_text)
    for name, seconds in phases.items():
        print(f"{name:<30} {seconds:8.3f} s {arguments.rows / seconds:>12,.0f} rows/s")
    write_report(OUT / "import-phases.json", {"rows": arguments.rows, "seconds": phases})
    if not arguments.keep:
        database.drop_schemas(arguments.url)
        csv.unlink()
        copy_text.unlink()


if __name__ == "__main__":
    main()
