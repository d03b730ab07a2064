import argparse
import io
import json
import pstats
import sys
from pathlib import Path
from typing import Any

PHASES = {
    "whole message (handler)": ("worker/consumer/import_request_handler.py", "__call__"),
    "parse request": ("worker/messages/import_request_parser.py", "parse_import_request"),
    "auth (verify JWT)": ("application/services/auth_service.py", "authorize"),
    "ledger lookup (own transaction)": (
        "application/use_cases/import_data.py",
        "_repeat_completed",
    ),
    "import transaction": ("application/use_cases/import_data.py", "_store"),
    "  records upsert": ("adapters/persistence/postgres/data_repository.py", "upsert_all"),
    "  ledger add": ("adapters/persistence/postgres/import_ledger.py", "add"),
    "  outbox add": ("adapters/persistence/postgres/outbox.py", "add"),
    "commit (every transaction)": ("adapters/persistence/postgres/unit_of_work.py", "commit"),
    "relay outbox (handler and loop)": ("application/use_cases/relay_outbox.py", "execute"),
    "  publish and wait": ("adapters/messaging/pubsub_message_publisher.py", "publish"),
    "  select pending": ("adapters/persistence/postgres/outbox.py", "pending"),
    "  mark published": ("adapters/persistence/postgres/outbox.py", "mark_published"),
    "ack / nack": ("adapters/messaging/pubsub_subscriber.py", "_settle"),
    "trace span": ("adapters/observability/otel_tracing.py", "span"),
}


def phase_figures(stats: pstats.Stats) -> dict[str, dict[str, float]]:
    entries: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    figures = {}
    for label, (suffix, function) in PHASES.items():
        found = [
            value
            for key, value in entries.items()
            if key[0].endswith(suffix) and key[2] == function
        ]
        figures[label] = _per_call(found)
    return figures


def _per_call(found: list[Any]) -> dict[str, float]:
    calls = sum(value[1] for value in found)
    cumulative = sum(value[3] for value in found)
    per_call_ms = cumulative / calls * 1000.0 if calls else 0.0
    return {"calls": calls, "cumulative_s": cumulative, "per_call_ms": per_call_ms}


def top_cumulative(stats: pstats.Stats, limit: int) -> str:
    output = io.StringIO()
    stats.stream = output  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(limit)
    return output.getvalue()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="summarise a profile_worker profile")
    parser.add_argument("profile", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--json", type=Path, help="also write the phase figures here")
    arguments = parser.parse_args(argv)
    stats = pstats.Stats(str(arguments.profile))
    figures = phase_figures(stats)
    for label, figure in figures.items():
        print(f"{label:<34} {figure['calls']:>8.0f} calls {figure['per_call_ms']:>9.2f} ms/call")
    print(top_cumulative(stats, arguments.top))
    if arguments.json is not None:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
