import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from adapters.persistence.postgres import copy_rows as copy_statements
from adapters.persistence.postgres import data_repository as repository
from adapters.persistence.postgres.copy_rows import write_copy_rows
from adapters.persistence.postgres.schema import create_postgres_schema
from adapters.persistence.postgres.tables import PostgresTables
from adapters.persistence.record_codec import encode_key, encode_values
from bench.benchmark_database import DEFAULT_URL, search_path_url
from bench.process_cpu import snapshot
from domain.model.data_record import DataRecord

SCHEMA = "bench_worker_statements"
OUT = Path(__file__).resolve().parent / "out"
UNNEST_UPSERT = sql.SQL(
    'INSERT INTO {} AS target (dataset, key, "values", import_id)'
    " SELECT * FROM unnest(%s::text[], %s::text[], %s::jsonb[], %s::text[])"
    ' ON CONFLICT (dataset, key) DO UPDATE SET "values" = EXCLUDED."values",'
    " import_id = EXCLUDED.import_id"
    ' WHERE (target."values", target.import_id) IS DISTINCT FROM'
    ' (EXCLUDED."values", EXCLUDED.import_id)'
)
Step = Callable[[psycopg.Cursor[Any], list[DataRecord]], object]


def records_of(import_id: str, rows: int) -> list[DataRecord]:
    return [
        DataRecord(
            dataset="bench_worker",
            key=(f"{import_id}:{row}",),
            values={"id": row, "name": f"name-{row}", "amount": row * 10},
            import_id=import_id,
        )
        for row in range(1, rows + 1)
    ]


def copy_rows(cursor: psycopg.Cursor[Any], records: list[DataRecord]) -> None:
    with cursor.copy(copy_statements.COPY_STAGING) as copy:
        write_copy_rows(copy, records)


def staging_steps(tables: PostgresTables) -> dict[str, Step]:
    return {
        "set local, create temp staging": lambda cursor, _: cursor.execute(
            repository.PREPARE_STAGING
        ),
        "copy rows": copy_rows,
        "dataset advisory lock": lambda cursor, _: cursor.execute(
            repository.LOCK_DATASETS, (tables.records.as_string(), ["bench_worker"])
        ),
        "merge, drop staging": lambda cursor, _: cursor.execute(
            sql.SQL("; ").join(
                [repository.merge_statement(tables, False), repository.FINISH_STAGING]
            )
        ),
    }


def unnest_steps(tables: PostgresTables) -> dict[str, Step]:
    def upsert(cursor: psycopg.Cursor[Any], records: list[DataRecord]) -> None:
        columns = (
            [record.dataset for record in records],
            [encode_key(record.key) for record in records],
            [encode_values(record.values) for record in records],
            [record.import_id for record in records],
        )
        cursor.execute(UNNEST_UPSERT.format(tables.records), columns)

    return {"insert ... on conflict from unnest": upsert}


def time_variant(
    connection: psycopg.Connection[Any], steps: dict[str, Step], imports: int, rows: int
) -> dict[str, Any]:
    prefix = "-".join(steps)
    timings: dict[str, list[float]] = {name: [] for name in [*steps, "commit"]}
    backend = connection.info.backend_pid
    before = snapshot().processes[backend].cpu_seconds
    for number in range(imports):
        run_once(connection, steps, records_of(f"{prefix}-{number}", rows), timings)
    backend_cpu = snapshot().processes[backend].cpu_seconds - before
    medians = {name: statistics.median(values) * 1000 for name, values in timings.items()}
    return {
        "median_ms": medians,
        "median_total_ms": sum(medians.values()),
        "backend_cpu_ms_per_import": backend_cpu / imports * 1000,
    }


def run_once(
    connection: psycopg.Connection[Any],
    steps: dict[str, Step],
    records: list[DataRecord],
    timings: dict[str, list[float]],
) -> None:
    with connection.cursor() as cursor:
        for name, step in steps.items():
            started = time.perf_counter()
            step(cursor, records)
            timings[name].append(time.perf_counter() - started)
    started = time.perf_counter()
    connection.commit()
    timings["commit"].append(time.perf_counter() - started)


def drop_schema(connection: psycopg.Connection[Any]) -> None:
    connection.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA)))
    connection.commit()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="one small import's upsert, statement by statement"
    )
    parser.add_argument("--imports", type=int, default=500)
    parser.add_argument("--rows", type=int, default=3)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--output", type=Path, default=OUT / "small-upsert-timing.json")
    arguments = parser.parse_args(argv)
    tables = PostgresTables(SCHEMA)
    with psycopg.connect(search_path_url(arguments.url, SCHEMA)) as connection:
        connection.execute(
            sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(SCHEMA))
        )
        connection.commit()
        create_postgres_schema(connection, tables)
        variants = {
            "staging (current upsert_all)": staging_steps(tables),
            "single statement": unnest_steps(tables),
        }
        document = {
            name: time_variant(connection, steps, arguments.imports, arguments.rows)
            for name, steps in variants.items()
        }
        drop_schema(connection)
    print(json.dumps(document, indent=2))
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
