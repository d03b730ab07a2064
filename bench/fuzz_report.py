import re
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

DONE = re.compile(r"DONE\s+cov: (\d+) ft: (\d+) corp: (\d+)/")
STATISTIC = re.compile(r"stat::(\w+):\s+(\d+)")
CRASH_FILES = ("crash-*", "timeout-*", "oom-*", "leak-*")


@dataclass(frozen=True, slots=True, kw_only=True)
class FuzzReport:
    target: str
    commit: str
    seconds: float
    exit_code: int
    executions: int
    coverage_edges: int | None
    features: int | None
    corpus_files: int
    findings: list[str]

    @classmethod
    def read(cls, folder: Path, target: str, seconds: float, exit_code: int) -> "FuzzReport":
        log = (folder / "fuzz.log").read_text(encoding="utf-8", errors="replace")
        statistics = {name: int(value) for name, value in STATISTIC.findall(log)}
        coverage_edges, features = _last_coverage(log)
        return cls(
            target=target,
            commit=_commit(),
            seconds=round(seconds, 1),
            exit_code=exit_code,
            executions=statistics.get("number_of_executed_units", 0),
            coverage_edges=coverage_edges,
            features=features,
            corpus_files=len(list((folder / "corpus").iterdir())),
            findings=_findings(folder),
        )

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _last_coverage(log: str) -> tuple[int | None, int | None]:
    done = DONE.findall(log)
    if not done:
        return None, None
    return int(done[-1][0]), int(done[-1][1])


def _findings(folder: Path) -> list[str]:
    return sorted(path.name for pattern in CRASH_FILES for path in folder.glob(pattern))


def _commit() -> str:
    command = ["git", "rev-parse", "--short", "HEAD"]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    return completed.stdout.strip() or "unknown"
