from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field

import structlog


@dataclass(frozen=True, slots=True, kw_only=True)
class FinishedMessage:
    outcome: str
    rows_imported: int
    rows_rejected: int


class RecordingMessageMetrics:
    def __init__(self) -> None:
        self.started = 0
        self.finished: list[FinishedMessage] = []
        self.durations: list[float] = []

    def message_started(self) -> None:
        self.started += 1

    def message_finished(
        self,
        outcome: str,
        *,
        duration_seconds: float,
        rows_imported: int = 0,
        rows_rejected: int = 0,
    ) -> None:
        self.durations.append(duration_seconds)
        self.finished.append(
            FinishedMessage(
                outcome=str(outcome), rows_imported=rows_imported, rows_rejected=rows_rejected
            )
        )

    @property
    def outcomes(self) -> list[str]:
        return [message.outcome for message in self.finished]


@dataclass
class RecordingTracing:
    spans: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    contexts: list[Mapping[str, object]] = field(default_factory=list)

    def __call__(self, name: str, carrier: dict[str, str]) -> AbstractContextManager[None]:
        return self._span(name, carrier)

    @contextmanager
    def _span(self, name: str, carrier: dict[str, str]) -> Iterator[None]:
        self.spans.append((name, carrier))
        self.contexts.append(structlog.contextvars.get_contextvars())
        yield
