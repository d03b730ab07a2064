from dataclasses import dataclass
from pathlib import Path

from bench.benchmark_dataset import write_columns_schema, write_csv, write_store_rows

OUT = Path(__file__).resolve().parent / "out"


@dataclass(frozen=True, slots=True, kw_only=True)
class BenchmarkFiles:
    csv: Path
    columns: Path
    store_rows: Path

    def remove_rows(self) -> None:
        self.csv.unlink(missing_ok=True)
        self.store_rows.unlink(missing_ok=True)


def generate(rows: int, import_id: str) -> BenchmarkFiles:
    OUT.mkdir(parents=True, exist_ok=True)
    files = BenchmarkFiles(
        csv=OUT / f"rows-{rows}.csv",
        columns=OUT / "columns.json",
        store_rows=OUT / f"store-rows-{rows}.tsv",
    )
    write_csv(files.csv, rows)
    write_columns_schema(files.columns)
    write_store_rows(files.store_rows, rows, import_id)
    return files
