import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
USER_AND_SYSTEM_FIELDS = slice(11, 13)
IDLE_FIELDS = (3, 4)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcessCpu:
    pid: int
    name: str
    command: str
    cpu_seconds: float


@dataclass(frozen=True, slots=True, kw_only=True)
class CpuSnapshot:
    processes: dict[int, ProcessCpu]
    machine_busy_seconds: float


Matcher = Callable[[ProcessCpu], bool]


def snapshot() -> CpuSnapshot:
    processes = {process.pid: process for process in _processes()}
    return CpuSnapshot(processes=processes, machine_busy_seconds=_machine_busy_seconds())


def cpu_by_group(
    before: CpuSnapshot, after: CpuSnapshot, groups: dict[str, Matcher]
) -> dict[str, float]:
    spent = {
        pid: process.cpu_seconds - _earlier(before, pid) for pid, process in after.processes.items()
    }
    figures = {
        name: sum(spent[pid] for pid, process in after.processes.items() if matches(process))
        for name, matches in groups.items()
    }
    return {**figures, "machine": after.machine_busy_seconds - before.machine_busy_seconds}


def _earlier(before: CpuSnapshot, pid: int) -> float:
    process = before.processes.get(pid)
    return 0.0 if process is None else process.cpu_seconds


def _processes() -> Iterator[ProcessCpu]:
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            process = _read(entry)
            if process is not None:
                yield process


def _read(entry: Path) -> ProcessCpu | None:
    try:
        status = (entry / "stat").read_text(encoding="utf-8", errors="replace")
        command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    name = status[status.index("(") + 1 : status.rindex(")")]
    fields = status.rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[USER_AND_SYSTEM_FIELDS])
    return ProcessCpu(
        pid=int(entry.name), name=name, command=command, cpu_seconds=ticks / CLOCK_TICKS
    )


def _machine_busy_seconds() -> float:
    with (PROC / "stat").open(encoding="ascii") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    idle = sum(fields[index] for index in IDLE_FIELDS)
    return (sum(fields[:8]) - idle) / CLOCK_TICKS
