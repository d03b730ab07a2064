import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from bench.import_request_messages import ROWS_PER_MESSAGE
from bench.result_ledger import ResultEntry

EXAMPLES = 5
COMPLETED = {"ImportCompleted"}


def exactly_once_figures(
    import_ids: Sequence[str],
    results: dict[str, ResultEntry],
    records: dict[str, int],
    dead_lettered: int,
) -> dict[str, Any]:
    """Did every request end in one logical result (one event_id), ImportCompleted, with exactly
    its rows stored, and nothing on the dead-letter topic?"""
    answers = _result_figures(import_ids, results)
    stored = _record_figures(import_ids, records)
    exactly_once = _exactly_once(answers, stored, dead_lettered)
    return {**answers, **stored, "dead_lettered": dead_lettered, "exactly_once": exactly_once}


def distribution(values: Sequence[float]) -> dict[str, Any]:
    if not values:
        return {"count": 0}
    return {
        "count": len(values),
        "max": max(values),
        "mean": round(statistics.fmean(values), 3),
        "median": statistics.median(values),
    }


def histogram(values: Sequence[int]) -> dict[str, int]:
    return {str(value): count for value, count in sorted(Counter(values).items())}


def exactly_once_lines(figures: dict[str, Any]) -> list[str]:
    return [
        f"  results: {figures['with_result']:,} of {figures['requests']:,} requests answered,"
        f" {figures['logical_results_not_one']} without exactly one event_id,"
        f" {figures['result_messages']:,} result messages, types {figures['event_types']}",
        f"  records: {figures['records_stored']:,} stored of {figures['records_expected']:,}"
        f" expected, {figures['imports_with_wrong_record_count']} imports with another count",
        f"  dead-lettered: {figures['dead_lettered']}"
        f"   exactly once: {'yes' if figures['exactly_once'] else 'NO'}",
    ]


def _result_figures(import_ids: Sequence[str], results: dict[str, ResultEntry]) -> dict[str, Any]:
    answered = _answered(import_ids, results)
    not_once = _not_exactly_one_event(import_ids, results)
    return {
        "requests": len(import_ids),
        "with_result": len(answered),
        "logical_results_not_one": len(not_once),
        "logical_results_not_one_examples": not_once[:EXAMPLES],
        "result_messages": sum(entry.deliveries for entry in answered),
        "event_types": _event_types(answered),
    }


def _record_figures(import_ids: Sequence[str], records: dict[str, int]) -> dict[str, Any]:
    wrong = _wrong_record_counts(import_ids, records)
    return {
        "records_stored": sum(records.get(import_id, 0) for import_id in import_ids),
        "records_expected": len(import_ids) * ROWS_PER_MESSAGE,
        "imports_with_wrong_record_count": len(wrong),
        "wrong_record_count_examples": wrong[:EXAMPLES],
    }


def _exactly_once(answers: dict[str, Any], stored: dict[str, Any], dead_lettered: int) -> bool:
    return (
        answers["logical_results_not_one"] == 0
        and set(answers["event_types"]) == COMPLETED
        and stored["imports_with_wrong_record_count"] == 0
        and dead_lettered == 0
    )


def _answered(import_ids: Sequence[str], results: dict[str, ResultEntry]) -> list[ResultEntry]:
    return [results[import_id] for import_id in import_ids if import_id in results]


def _not_exactly_one_event(import_ids: Sequence[str], results: dict[str, ResultEntry]) -> list[str]:
    return [import_id for import_id in import_ids if _event_ids(results, import_id) != 1]


def _event_types(answered: Sequence[ResultEntry]) -> dict[str, int]:
    return dict(Counter(kind for entry in answered for kind in entry.event_types))


def _wrong_record_counts(import_ids: Sequence[str], records: dict[str, int]) -> list[str]:
    return [key for key in import_ids if records.get(key, 0) != ROWS_PER_MESSAGE]


def _event_ids(results: dict[str, ResultEntry], import_id: str) -> int:
    entry = results.get(import_id)
    return 0 if entry is None else len(entry.event_ids)
