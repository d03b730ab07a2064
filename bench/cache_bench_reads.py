import statistics
import subprocess  # nosec B404
import time
from collections.abc import Sequence

from pydantic import SecretStr

from application.use_cases.get_data import GetDataUseCase, GetRecord
from bench.service_process import BIN
from shared.configuration import Settings
from worker.bootstrap import bootstrap


def record_reads(
    settings: Settings, dataset: str, keys: Sequence[str], passes: int
) -> dict[str, object]:
    """records get's use case in one process, key after key: the first pass fills the cache."""
    get_data = bootstrap(settings).get_data
    timings = [_pass(get_data, dataset, keys) for _ in range(passes)]
    return {"reads_per_pass": len(keys), "first_pass": timings[0], "last_pass": timings[-1]}


def command_reads(
    environment: dict[str, str], dataset: str, key: str, runs: int
) -> dict[str, float]:
    """`import-worker records get` as an operator runs it: a process per read."""
    command = [str(BIN / "import-worker"), "records", "get", dataset, key]
    seconds = [_timed(command, environment) for _ in range(runs)]
    return {"runs": runs, "median_s": statistics.median(seconds), "min_s": min(seconds)}


def cached(settings: Settings, redis_url: str, prefix: str) -> Settings:
    return settings.model_copy(
        update={"redis_url": SecretStr(redis_url), "cache_key_prefix": prefix}
    )


def _pass(get_data: GetDataUseCase, dataset: str, keys: Sequence[str]) -> dict[str, float]:
    milliseconds = []
    for key in keys:
        started = time.perf_counter()
        get_data.execute(GetRecord(dataset=dataset, key=(key,)))
        milliseconds.append((time.perf_counter() - started) * 1000.0)
    cuts = statistics.quantiles(milliseconds, n=100, method="inclusive")
    return {
        "p50_ms": cuts[49],
        "p90_ms": cuts[89],
        "p99_ms": cuts[98],
        "mean_ms": statistics.fmean(milliseconds),
    }


def _timed(command: list[str], environment: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=environment, check=True, stdout=subprocess.DEVNULL)  # nosec B603
    return time.perf_counter() - started
