import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

KIBIBYTES_PER_MEBIBYTE = 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Measurement:
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    exit_code: int


def run_measured(
    command: list[str], *, environment: dict[str, str], stdout: Path, stderr: Path
) -> Measurement:
    with stdout.open("wb") as output, stderr.open("wb") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=environment, stdout=output, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measurement(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_mib=usage.ru_maxrss / KIBIBYTES_PER_MEBIBYTE,
        exit_code=process.returncode,
    )


def run_timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started
