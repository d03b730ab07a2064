from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field

import structlog

from adapters.messaging.inbound_message import InboundMessage


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


@dataclass(frozen=True, slots=True, kw_only=True)
class SettledMessage:
    message_id: str
    outcome: str
    error_code: str | None


@dataclass
class RecordingSpan:
    message_id: str
    settled: list[SettledMessage]

    def settle(self, outcome: str, error_code: str | None) -> None:
        self.settled.append(
            SettledMessage(message_id=self.message_id, outcome=str(outcome), error_code=error_code)
        )


@dataclass
class RecordingTracing:
    messages: list[InboundMessage] = field(default_factory=list)
    contexts: list[Mapping[str, object]] = field(default_factory=list)
    settled: list[SettledMessage] = field(default_factory=list)

    def __call__(self, message: InboundMessage) -> AbstractContextManager[RecordingSpan]:
        return self._span(message)

    @contextmanager
    def _span(self, message: InboundMessage) -> Iterator[RecordingSpan]:
        self.messages.append(message)
        self.contexts.append(structlog.contextvars.get_contextvars())
        yield RecordingSpan(message.message_id, self.settled)
