from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.exactly_once import distribution, exactly_once_lines, histogram
from bench.stranded_requests import HELD_MARGIN_SECONDS, StrandedRequests
from bench.worker_log import count_by_import, watched_events

IMPORTED = frozenset({"import.completed"})


def recovery_figures(requests: StrandedRequests, lease_seconds: float) -> dict[str, Any]:
    stranded = requests.stranded()
    return {
        "stranded_after_seconds": requests.after,
        "held_margin_seconds": HELD_MARGIN_SECONDS,
        "stranded_requests": len(stranded),
        "stranded_before_the_first_kill": len(stranded) - len(requests.owners()),
        "stranded_published_after_their_kill": requests.published_after_their_kill(),
        "redelivery_delay_seconds": _rounded(distribution(requests.delays())),
        "redelivery_delay_in_lease_periods": histogram(requests.lease_periods(lease_seconds)),
        "other_requests_seconds": _rounded(distribution(requests.prompt_waits())),
        "kills": [
            _kill_figures(requests, number) for number in range(len(requests.timeline.kills))
        ],
    }


def drain_figures(requests: StrandedRequests) -> dict[str, Any]:
    last = max(requests.arrivals.values())
    timeline = requests.timeline
    return {
        "seconds_from_last_publish_to_last_result": round(last - timeline.publishing_ended, 3),
        "seconds_from_last_kill_to_last_result": round(last - timeline.kills[-1].at, 3),
    }


def imports_run_twice(logs: Sequence[Path]) -> int:
    imported: Counter[str] = Counter()
    for log in logs:
        imported.update(count_by_import(watched_events(log), IMPORTED))
    return sum(1 for count in imported.values() if count > 1)


def table_lines(document: dict[str, Any]) -> list[str]:
    settings, recovery = document["settings"], document["recovery"]
    delays, others = recovery["redelivery_delay_seconds"], recovery["other_requests_seconds"]
    return [
        f"crash recovery: {settings['replicas']} replicas, {settings['rate']}/s,"
        f" {settings['kills']} SIGKILLs every {settings['kill_every']} s,"
        f" lease extension {settings['worker']['PUBSUB_MAX_LEASE_EXTENSION_SECONDS']} s",
        f"  stranded (result > {recovery['stranded_after_seconds']} s after publish):"
        f" {recovery['stranded_requests']}, of which published after their kill:"
        f" {recovery['stranded_published_after_their_kill']}",
        f"  redelivery delay: median {delays.get('median', '-')} s, max {delays.get('max', '-')} s;"
        f" in lease periods {recovery['redelivery_delay_in_lease_periods']}",
        f"  other requests: median {others.get('median', '-')} s, max {others.get('max', '-')} s",
        "  per kill, seconds to the last held request's result (held): "
        + " ".join(_kill_cell(kill) for kill in recovery["kills"]),
        f"  drained {document['drain']['seconds_from_last_publish_to_last_result']} s after the"
        f" last publish; imports run twice (two import.completed): {document['imports_run_twice']}",
        *exactly_once_lines(document["end_state"]),
    ]


def _kill_figures(requests: StrandedRequests, number: int) -> dict[str, Any]:
    kill = requests.timeline.kills[number]
    held = requests.held_by(number)
    last = max((requests.arrivals[key] for key in held), default=None)
    return {
        "replica": kill.replica,
        "at_seconds": round(kill.at - min(requests.timeline.published.values()), 3),
        "held_requests": len(held),
        "seconds_to_last_held_result": None if last is None else round(last - kill.at, 3),
        "imports_completed_by_the_killed_run": sum(
            count_by_import(watched_events(kill.log), IMPORTED).values()
        ),
    }


def _rounded(figures: dict[str, Any]) -> dict[str, Any]:
    return {name: round(value, 3) for name, value in figures.items()}


def _kill_cell(kill: dict[str, Any]) -> str:
    seconds = kill["seconds_to_last_held_result"]
    return f"{'-' if seconds is None else f'{seconds:.1f}'}({kill['held_requests']})"
