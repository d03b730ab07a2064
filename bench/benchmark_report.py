import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class RunTimings:
    rows: int
    import_seconds: float
    import_cpu_seconds: float
    import_peak_rss_mib: float
    store_copy_seconds: float
    plain_copy_seconds: float
    load_average_before: float


def run_figures(timings: RunTimings) -> dict[str, float]:
    return {
        "load_average_before": timings.load_average_before,
        "import_seconds": timings.import_seconds,
        "import_cpu_seconds": timings.import_cpu_seconds,
        "store_copy_seconds": timings.store_copy_seconds,
        "plain_copy_seconds": timings.plain_copy_seconds,
        "import_rows_per_second": timings.rows / timings.import_seconds,
        "store_copy_rows_per_second": timings.rows / timings.store_copy_seconds,
        "plain_copy_rows_per_second": timings.rows / timings.plain_copy_seconds,
        "ratio_import_to_store_copy": timings.store_copy_seconds / timings.import_seconds,
        "ratio_import_to_plain_copy": timings.plain_copy_seconds / timings.import_seconds,
        "import_peak_rss_mib": timings.import_peak_rss_mib,
    }


def median_figures(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def table_lines(label: str, figures: dict[str, float]) -> list[str]:
    return [
        f"{label}",
        f"  (a) import-worker import     {figures['import_rows_per_second']:>12,.0f} rows/s"
        f"  {figures['import_seconds']:8.2f} s",
        f"  (b) psql \\copy store layout  {figures['store_copy_rows_per_second']:>12,.0f} rows/s"
        f"  {figures['store_copy_seconds']:8.2f} s",
        f"  (c) psql \\copy typed table   {figures['plain_copy_rows_per_second']:>12,.0f} rows/s"
        f"  {figures['plain_copy_seconds']:8.2f} s",
        f"  a/b {figures['ratio_import_to_store_copy']:.3f}"
        f"   a/c {figures['ratio_import_to_plain_copy']:.3f}"
        f"   import peak RSS {figures['import_peak_rss_mib']:.1f} MiB",
        f"  import CPU {figures['import_cpu_seconds']:.2f} s"
        f"   load average before {figures['load_average_before']:.2f}",
    ]


def print_report(rows: int, runs: Sequence[dict[str, float]]) -> None:
    print(f"rows: {rows:,}")
    for number, figures in enumerate(runs, start=1):
        print("\n".join(table_lines(f"run {number}", figures)))
    if len(runs) > 1:
        print("\n".join(table_lines(f"median of {len(runs)} runs", median_figures(runs))))


def write_report(path: Path, document: dict[str, Any]) -> None:
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
