from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.exactly_once import distribution, exactly_once_lines, histogram
from bench.result_ledger import ResultEntry
from bench.worker_log import CIRCUIT_EVENTS, COMPLETIONS, PULL_EVENTS, RETRIED, LogEvent
from bench.worker_log import count_by_import, transitions

DEAD_LETTER_ATTEMPTS = 5
RETRIED_ONLY = frozenset({RETRIED})


@dataclass(frozen=True, slots=True, kw_only=True)
class OutageWindow:
    began: float
    restored: float


def delivery_figures(
    import_ids: Sequence[str], events: Sequence[LogEvent], window: OutageWindow
) -> dict[str, Any]:
    """Deliveries that reached the worker's handler, from its log: each nacked one logs
    message.retried, the last one a completion."""
    nacked = count_by_import(events, RETRIED_ONLY)
    in_outage = _per_request(import_ids, count_by_import(_within(events, window), RETRIED_ONLY))
    totals = _per_request(import_ids, nacked + count_by_import(events, COMPLETIONS))
    return {
        "during_outage": {**distribution(in_outage), "histogram": histogram(in_outage)},
        "whole_run": {**distribution(totals), "histogram": histogram(totals)},
        "delivered_5_times_or_more": _at_least(totals, DEAD_LETTER_ATTEMPTS),
        "would_have_been_dead_lettered": _at_least(
            _per_request(import_ids, nacked), DEAD_LETTER_ATTEMPTS
        ),
    }


def drain_figures(
    import_ids: Sequence[str], results: dict[str, ResultEntry], window: OutageWindow
) -> dict[str, Any]:
    arrivals = [results[key].first_arrival for key in import_ids if key in results]
    after = [arrival for arrival in arrivals if arrival >= window.restored]
    return {
        "results_during_outage": len(arrivals) - len(after),
        "seconds_from_restore_to_first_result": _since(min(after, default=None), window.restored),
        "seconds_from_restore_to_last_result": _since(max(after, default=None), window.restored),
    }


def lifecycle_figures(events: Sequence[LogEvent], window: OutageWindow) -> dict[str, Any]:
    return {
        "pull": transitions(events, PULL_EVENTS, window.began),
        "circuit": transitions(events, CIRCUIT_EVENTS, window.began),
    }


def table_lines(document: dict[str, Any]) -> list[str]:
    settings, deliveries = document["settings"], document["deliveries"]
    drain, outage = document["drain"], deliveries["during_outage"]
    return [
        f"outage: {settings['requests']:,} requests waiting, store refused for"
        f" {settings['outage_seconds']:.0f} s ({settings['subscription']})",
        f"  deliveries per message during the outage: max {outage.get('max', 0)},"
        f" mean {outage.get('mean', 0)}, histogram {outage['histogram']}",
        f"  whole run: histogram {deliveries['whole_run']['histogram']};"
        f" would have been dead-lettered (nacked >= {DEAD_LETTER_ATTEMPTS} times):"
        f" {deliveries['would_have_been_dead_lettered']}",
        f"  after restore: first result {_seconds(drain['seconds_from_restore_to_first_result'])},"
        f" last (drained) {_seconds(drain['seconds_from_restore_to_last_result'])}",
        *exactly_once_lines(document["end_state"]),
        "  pull: " + ", ".join(_transition(step) for step in document["lifecycle"]["pull"]),
        "  circuit: " + ", ".join(_transition(step) for step in document["lifecycle"]["circuit"]),
    ]


def _within(events: Sequence[LogEvent], window: OutageWindow) -> list[LogEvent]:
    return [event for event in events if window.began <= event.at <= window.restored]


def _per_request(import_ids: Sequence[str], counts: Counter[str]) -> list[int]:
    return [counts[import_id] for import_id in import_ids]


def _at_least(counts: Sequence[int], threshold: int) -> int:
    return sum(1 for count in counts if count >= threshold)


def _since(moment: float | None, origin: float) -> float | None:
    return None if moment is None else round(moment - origin, 3)


def _seconds(value: float | None) -> str:
    return "none" if value is None else f"{value:.1f} s"


def _transition(step: dict[str, Any]) -> str:
    named = step.get("dependency") or ",".join(step.get("dependencies", []))
    return f"{step['event']}({named}) at {step['at_seconds']:.1f} s"
