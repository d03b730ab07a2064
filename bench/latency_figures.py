import statistics


def latency_figures(published: dict[str, float], arrived: dict[str, float]) -> dict[str, float]:
    milliseconds = sorted(
        (arrived[key] - published[key]) * 1000.0 for key in published if key in arrived
    )
    cuts = statistics.quantiles(milliseconds, n=100, method="inclusive")
    return {
        "messages": len(published),
        "arrived": len(milliseconds),
        "p50_ms": cuts[49],
        "p90_ms": cuts[89],
        "p99_ms": cuts[98],
        "mean_ms": statistics.fmean(milliseconds),
        "min_ms": milliseconds[0],
        "max_ms": milliseconds[-1],
    }


def throughput_figures(
    count: int, *, started: float, first: float, last: float
) -> dict[str, float]:
    return {
        "messages": count,
        "seconds_from_start": last - started,
        "seconds_first_to_last": last - first,
        "seconds_to_first": first - started,
        "per_second_from_start": count / (last - started),
        "per_second_first_to_last": (count - 1) / (last - first),
    }


def latency_samples(
    published: dict[str, float], arrived: dict[str, float]
) -> list[tuple[float, float]]:
    begin = min(published.values())
    return sorted(
        (round(sent - begin, 4), round((arrived[key] - sent) * 1000.0, 2))
        for key, sent in published.items()
        if key in arrived
    )


def quarter_rates(times: list[float]) -> list[float]:
    quarter = len(times) // 4
    bounds = [times[index * quarter] for index in range(4)] + [times[-1]]
    return [quarter / (end - start) for start, end in zip(bounds, bounds[1:]) if end > start]


def full_speed_ratio(times: list[float], head: int = 500) -> float:
    """The rate over the first `head` results against the rate over the rest (issue 13's time to
    full speed); 0.0 when there are too few results to tell."""
    if len(times) <= head + 1 or times[head - 1] <= times[0] or times[-1] <= times[head - 1]:
        return 0.0
    first = (head - 1) / (times[head - 1] - times[0])
    rest = (len(times) - head) / (times[-1] - times[head - 1])
    return first / rest
