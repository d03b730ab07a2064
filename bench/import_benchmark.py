import argparse
import json
import os
import platform
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from bench import benchmark_database as database
from bench.benchmark_dataset import DATASET, KEY_COLUMN
from bench.benchmark_files import OUT, BenchmarkFiles, generate
from bench.benchmark_report import RunTimings, median_figures, print_report, run_figures
from bench.benchmark_report import write_report
from bench.measured_command import Measurement, run_measured

Table = tuple[str, str]
STORE_TABLE = (database.STORE_COPY_SCHEMA, "records")
PLAIN_TABLE = (database.PLAIN_COPY_SCHEMA, "items")
RSS_METHOD = "os.wait4(pid) ru_maxrss of the import-worker process"


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="import-worker import vs psql \\copy")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep generated files and tables")
    parser.add_argument("--url", default=database.DEFAULT_URL)
    parser.add_argument("--output", type=Path, default=OUT / "import-benchmark.json")
    parser.add_argument("--code-root", type=Path, help="import-worker source tree to run instead")
    parser.add_argument(
        "--import-worker", default=str(Path(sys.executable).parent / "import-worker")
    )
    return parser.parse_args()


def import_command(
    arguments: argparse.Namespace, files: BenchmarkFiles, import_id: str
) -> list[str]:
    return [
        arguments.import_worker,
        "import",
        str(files.csv),
        "--dataset",
        DATASET,
        "--key-column",
        KEY_COLUMN,
        "--columns",
        str(files.columns),
        "--import-id",
        import_id,
    ]


def measure_import(
    arguments: argparse.Namespace, files: BenchmarkFiles, import_id: str
) -> Measurement:
    environment = {
        "PATH": os.defpath,
        "LC_ALL": "C.UTF-8",
        "DATABASE_URL": database.search_path_url(arguments.url, database.IMPORT_SCHEMA),
    }
    if arguments.code_root is not None:
        environment["PYTHONPATH"] = str(arguments.code_root.resolve())
    return run_measured(
        import_command(arguments, files, import_id),
        environment=environment,
        stdout=OUT / "import-stdout.json",
        stderr=OUT / "import-stderr.log",
    )


def require_rows(url: str, schema: str, table: str, rows: int) -> None:
    stored = database.count_rows(url, schema, table)
    if stored != rows:
        raise SystemExit(f"{schema}.{table} holds {stored} rows, expected {rows}")


def timed_import(
    arguments: argparse.Namespace, files: BenchmarkFiles, import_id: str
) -> Measurement:
    database.reset_tables(arguments.url)
    database.checkpoint(arguments.url)
    measured = measure_import(arguments, files, import_id)
    if measured.exit_code != 0:
        raise SystemExit(f"import-worker exited {measured.exit_code}, see {OUT}/import-stderr.log")
    require_rows(arguments.url, database.IMPORT_SCHEMA, "records", arguments.rows)
    return measured


def timed_copy(
    arguments: argparse.Namespace, copy: Callable[[str, Path], float], path: Path, table: Table
) -> float:
    database.checkpoint(arguments.url)
    seconds = copy(arguments.url, path)
    require_rows(arguments.url, *table, arguments.rows)
    return seconds


def run_once(arguments: argparse.Namespace, files: BenchmarkFiles, import_id: str) -> RunTimings:
    load_average_before = os.getloadavg()[0]
    measured = timed_import(arguments, files, import_id)
    store_copy = timed_copy(arguments, database.copy_store_rows, files.store_rows, STORE_TABLE)
    plain_copy = timed_copy(arguments, database.copy_plain_csv, files.csv, PLAIN_TABLE)
    return RunTimings(
        rows=arguments.rows,
        import_seconds=measured.seconds,
        import_cpu_seconds=measured.cpu_seconds,
        import_peak_rss_mib=measured.peak_rss_mib,
        store_copy_seconds=store_copy,
        plain_copy_seconds=plain_copy,
        load_average_before=load_average_before,
    )


def clean_up(url: str, files: BenchmarkFiles) -> None:
    database.drop_schemas(url)
    files.remove_rows()


def main() -> None:
    arguments = parse_arguments()
    import_id = f"bench-{uuid.uuid4().hex}"
    load_at_start = os.getloadavg()
    files = generate(arguments.rows, import_id)
    try:
        runs = [run_figures(run_once(arguments, files, import_id)) for _ in range(arguments.repeat)]
    finally:
        if not arguments.keep:
            clean_up(arguments.url, files)
    print_report(arguments.rows, runs)
    document = {
        "rows": arguments.rows,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "code_root": str(arguments.code_root or Path.cwd()),
        "load_average_at_start": load_at_start,
        "peak_rss_method": RSS_METHOD,
        "runs": runs,
        "median": median_figures(runs),
    }
    write_report(arguments.output, document)
    print(json.dumps({"written": str(arguments.output)}))


if __name__ == "__main__":
    main()
