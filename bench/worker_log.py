import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

RETRIED = "message.retried"
COMPLETIONS = frozenset({"import.completed", "import.already_completed"})
PULL_EVENTS = frozenset({"pull.paused", "pull.resumed", "pull.stream_ended"})
CIRCUIT_EVENTS = frozenset({"circuit.opened", "circuit.half_open", "circuit.closed"})
DETAILS: tuple[str, ...] = ("dependency", "dependencies")
WATCHED = frozenset({RETRIED, "message.dead_lettered", *COMPLETIONS, *PULL_EVENTS, *CIRCUIT_EVENTS})


@dataclass(frozen=True, slots=True, kw_only=True)
class LogEvent:
    name: str
    at: float
    import_id: str | None
    detail: dict[str, Any]


def watched_events(path: Path) -> Iterator[LogEvent]:
    """The worker's JSON log, one line at a time, keeping only the events a resilience run
    measures (deliveries, completions, pulling and circuit transitions)."""
    with path.open(encoding="utf-8", errors="replace") as log:
        for line in log:
            event = _parsed(line)
            if event is not None and event.get("event") in WATCHED:
                yield _log_event(event)


def count_by_import(events: Iterable[LogEvent], names: frozenset[str]) -> Counter[str]:
    return Counter(
        str(event.import_id)
        for event in events
        if event.name in names and event.import_id is not None
    )


def transitions(events: Iterable[LogEvent], names: frozenset[str], since: float) -> list[Any]:
    return [
        {"event": event.name, "at_seconds": round(event.at - since, 3), **event.detail}
        for event in events
        if event.name in names
    ]


def _log_event(event: dict[str, Any]) -> LogEvent:
    detail: dict[str, Any] = {key: event[key] for key in DETAILS if key in event}
    import_id = event.get("import_id")
    return LogEvent(
        name=str(event["event"]),
        at=datetime.fromisoformat(str(event["timestamp"])).timestamp(),
        import_id=None if import_id is None else str(import_id),
        detail=detail,
    )


def _parsed(line: str) -> dict[str, Any] | None:
    try:
        event = json.loads(line)
    except ValueError:
        return None
    return event if isinstance(event, dict) else None
