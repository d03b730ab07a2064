import argparse
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql

from adapters.persistence.unit_of_work_factory import create_unit_of_work
from application.ports.unit_of_work import UnitOfWork
from bench.benchmark_database import search_path_url
from adapters.persistence.record_codec import encode_key, encode_values
from domain.model.data_record import DataRecord
from domain.model.record_value import RecordValue

DATASET = "benchmark"
IMPORT_ID = "benchmark-import"
DISTINCT_VALUES = 1000


def synthetic_values(row: int) -> dict[str, RecordValue]:
    return {
        "name": f"Name {row}",
        "email": f"user{row}@example.com",
        "age": row % 90,
        "active": row % 3 == 0,
        "city": "Zürich",
        "score": row * 7,
        "note": None,
        "joined": "2024-01-02",
    }


def synthetic_records(rows: int) -> Iterator[DataRecord]:
    values = [synthetic_values(row) for row in range(DISTINCT_VALUES)]
    for row in range(rows):
        yield DataRecord(
            dataset=DATASET,
            key=(f"customer-{row:08d}",),
            values=values[row % DISTINCT_VALUES],
            import_id=IMPORT_ID,
        )


def create_tables(url: str, schema: str) -> UnitOfWork:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    unit_of_work = create_unit_of_work(search_path_url(url, schema), per_thread=False)
    with unit_of_work:
        unit_of_work.records.count(DATASET)
    return unit_of_work


def time_adapter(url: str, schema: str, rows: int) -> float:
    unit_of_work = create_tables(url, schema)
    started = time.perf_counter()
    with unit_of_work:
        unit_of_work.records.upsert_all(synthetic_records(rows))
        unit_of_work.commit()
    elapsed = time.perf_counter() - started
    unit_of_work.close()
    return elapsed


def render_table_rows(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as table_rows:
        for record in synthetic_records(rows):
            key, values = encode_key(record.key), encode_values(record.values)
            table_rows.write(f"{record.dataset}\t{key}\t{values}\t{record.import_id}\n")


def time_psql_copy(url: str, schema: str, rows: int) -> float:
    create_tables(url, schema).close()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "rows.tsv"
        render_table_rows(path, rows)
        command = f'\\copy "{schema}".records (dataset, key, "values", import_id) FROM \'{path}\''
        started = time.perf_counter()
        subprocess.run(["psql", url, "-q", "-c", command], check=True)
        return time.perf_counter() - started


def drop_schemas(url: str, *schemas: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        for schema in schemas:
            statement = sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema))
            connection.execute(statement)


def main() -> None:
    parser = argparse.ArgumentParser(description="PostgreSQL adapter upsert vs psql \\copy")
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--rows", type=int, default=1_000_000)
    arguments = parser.parse_args()
    adapter_schema, copy_schema = (f"bench_{uuid.uuid4().hex[:12]}" for _ in range(2))
    try:
        adapter = time_adapter(arguments.url, adapter_schema, arguments.rows)
        raw = time_psql_copy(arguments.url, copy_schema, arguments.rows)
    finally:
        drop_schemas(arguments.url, adapter_schema, copy_schema)
    print(f"rows={arguments.rows} adapter={adapter:.2f}s psql_copy={raw:.2f}s")
    print(f"adapter speed relative to psql \\copy: {raw / adapter:.2f}")


if __name__ == "__main__":
    main()
