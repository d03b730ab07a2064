import bisect
from dataclasses import dataclass

from bench.replica_set import Kill
from bench.result_ledger import ResultEntry

HELD_MARGIN_SECONDS = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class CrashTimeline:
    published: dict[str, float]
    kills: list[Kill]
    publishing_ended: float


@dataclass(frozen=True, slots=True, kw_only=True)
class StrandedRequests:
    """Requests whose result came more than `after` seconds after their publication: a killed
    replica held them. Each belongs to the last kill at most HELD_MARGIN_SECONDS after its
    publication (in flight at that kill, or routed to the killed stream after it, which the
    emulator does) and was stranded from the later of that kill and its publication."""

    timeline: CrashTimeline
    arrivals: dict[str, float]
    after: float

    @classmethod
    def of(
        cls, timeline: CrashTimeline, results: dict[str, ResultEntry], after: float
    ) -> "StrandedRequests":
        arrivals = {key: results[key].first_arrival for key in timeline.published if key in results}
        return cls(timeline=timeline, arrivals=arrivals, after=after)

    def waits(self) -> dict[str, float]:
        published = self.timeline.published
        return {key: arrival - published[key] for key, arrival in self.arrivals.items()}

    def stranded(self) -> list[str]:
        return sorted(key for key, wait in self.waits().items() if wait > self.after)

    def prompt_waits(self) -> list[float]:
        return [wait for wait in self.waits().values() if wait <= self.after]

    def owners(self) -> dict[str, int]:
        moments = [kill.at - HELD_MARGIN_SECONDS for kill in self.timeline.kills]
        last_kill = {
            key: bisect.bisect_right(moments, self.timeline.published[key]) - 1
            for key in self.stranded()
        }
        return {key: number for key, number in last_kill.items() if number >= 0}

    def held_by(self, number: int) -> list[str]:
        return [key for key, owner in self.owners().items() if owner == number]

    def stranded_since(self, key: str, number: int) -> float:
        return max(self.timeline.kills[number].at, self.timeline.published[key])

    def delays(self) -> list[float]:
        return [
            self.arrivals[key] - self.stranded_since(key, number)
            for key, number in self.owners().items()
        ]

    def published_after_their_kill(self) -> int:
        kills, published = self.timeline.kills, self.timeline.published
        return sum(1 for key, number in self.owners().items() if published[key] > kills[number].at)

    def lease_periods(self, lease_seconds: float) -> list[int]:
        return [max(1, round(delay / lease_seconds)) for delay in self.delays()]
