import json
from pathlib import Path
from typing import Any

THROUGHPUT_TARGET = 0.9
LATENCY_TARGET = 1.2
FULL_SPEED_TARGET = 0.8


def comparisons(document: dict[str, Any]) -> dict[str, Any]:
    throughput, latency = document["throughput"], document["latency"]
    steady = _ratio(throughput, "per_second_first_to_last")
    from_start = _ratio(throughput, "per_second_from_start")
    p99 = latency["worker"]["p99_ms"] / latency["relay"]["p99_ms"]
    return {
        "throughput_ratio_first_to_last": steady,
        "throughput_ratio_from_start": from_start,
        "throughput_target": THROUGHPUT_TARGET,
        "throughput_target_met": steady >= THROUGHPUT_TARGET,
        "latency_p99_ratio": p99,
        "latency_p50_ratio": latency["worker"]["p50_ms"] / latency["relay"]["p50_ms"],
        "latency_target": LATENCY_TARGET,
        "latency_target_met": p99 <= LATENCY_TARGET,
        "full_speed_ratio": throughput["worker"]["full_speed_ratio"],
        "full_speed_target_met": throughput["worker"]["full_speed_ratio"] >= FULL_SPEED_TARGET,
    }


def _ratio(throughput: dict[str, Any], figure: str) -> float:
    return float(throughput["worker"][figure] / throughput["raw_subscriber"][figure])


def table_lines(document: dict[str, Any]) -> list[str]:
    throughput, latency, verdict = document["throughput"], document["latency"], document["verdict"]
    return [
        f"throughput: {throughput['worker']['messages']:,} messages, one streaming pull each",
        *(_throughput_line(name, figures) for name, figures in throughput.items()),
        *(_cpu_line(name, figures) for name, figures in throughput.items()),
        "  worker msg/s by quarter of the backlog: "
        + "  ".join(f"{rate:,.1f}" for rate in throughput["worker"]["per_second_by_quarter"]),
        f"  worker/raw {verdict['throughput_ratio_first_to_last']:.3f} (first to last)"
        f"  {verdict['throughput_ratio_from_start']:.3f} (from start)"
        f"  target >= {THROUGHPUT_TARGET}: {_met(verdict['throughput_target_met'])}",
        f"  worker rate, first 500 results / the rest {verdict['full_speed_ratio']:.3f}"
        f"  target >= {FULL_SPEED_TARGET}: {_met(verdict['full_speed_target_met'])}",
        f"latency: {latency['worker']['messages']:,} requests at {document['settings']['rate']}/s",
        *(_latency_line(name, figures) for name, figures in latency.items()),
        f"  p99 worker/relay {verdict['latency_p99_ratio']:.3f}"
        f"  target <= {LATENCY_TARGET}: {_met(verdict['latency_target_met'])}",
        _export_line(document.get("trace_export")),
    ]


def _export_line(figures: dict[str, Any] | None) -> str:
    if figures is None:
        return "trace export: off (no OTLP endpoint)"
    return (
        f"trace export: on, every span sampled: {figures['spans_received']:,} spans"
        f" and {figures['metrics_received']:,} metric exports received"
    )


def _throughput_line(name: str, figures: dict[str, float]) -> str:
    return (
        f"  {name:<15} {figures['per_second_first_to_last']:>9,.1f} msg/s first to last"
        f"  {figures['per_second_from_start']:>9,.1f} msg/s from start"
        f"  ({figures['seconds_from_start']:.2f} s,"
        f" first after {figures['seconds_to_first']:.2f} s)"
    )


def _cpu_line(name: str, figures: dict[str, Any]) -> str:
    shares = "  ".join(f"{group} {ms:.2f}" for group, ms in figures["cpu_ms_per_message"].items())
    busy = figures["machine_busy_fraction"]
    return f"  {name:<15} CPU ms per message: {shares}  (machine {busy:.0%} busy)"


def _latency_line(name: str, figures: dict[str, float]) -> str:
    return (
        f"  {name:<15} p50 {figures['p50_ms']:8.1f} ms  p90 {figures['p90_ms']:8.1f} ms"
        f"  p99 {figures['p99_ms']:8.1f} ms  max {figures['max_ms']:8.1f} ms"
    )


def _met(met: bool) -> str:
    return "met" if met else "NOT met"


def write_document(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
