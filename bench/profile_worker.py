import argparse
import cProfile
import pstats
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from worker.cli.main import main as worker_main

ThreadRun = Callable[[threading.Thread], None]
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.thread_time}


class ThreadProfiles:
    """cProfile sees one thread only: every thread started from here gets its own profile."""

    def __init__(self, timer: Callable[[], float]) -> None:
        self._timer = timer
        self._finished: list[cProfile.Profile] = []
        self._lock = threading.Lock()
        self.unfinished = 0

    def install(self) -> None:
        profiled = self._profiled(threading.Thread.run)
        threading.Thread.run = profiled  # type: ignore[method-assign, assignment]

    def merged(self, main_profile: cProfile.Profile) -> pstats.Stats:
        with self._lock:
            return pstats.Stats(main_profile, *self._finished)

    def _profiled(self, run: ThreadRun) -> ThreadRun:
        def profiled_run(thread: threading.Thread) -> None:
            profile = cProfile.Profile(self._timer)
            self._count_unfinished(1)
            try:
                profile.runcall(run, thread)
            finally:
                self._keep(profile)

        return profiled_run

    def _keep(self, profile: cProfile.Profile) -> None:
        with self._lock:
            self._finished.append(profile)
            self.unfinished -= 1

    def _count_unfinished(self, change: int) -> None:
        with self._lock:
            self.unfinished += change


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="import-worker run under a per-thread cProfile")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    arguments = parser.parse_args(argv)
    timer = CLOCKS[arguments.clock]
    profiles = ThreadProfiles(timer)
    profiles.install()
    main_profile = cProfile.Profile(timer)
    exit_code: int = main_profile.runcall(worker_main, ["run"])
    profiles.merged(main_profile).dump_stats(arguments.output)
    print(f"profile: {arguments.output}, threads still running: {profiles.unfinished}")
    return exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
