import logging
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage
from adapters.observability.log_context import bound_log_context
from application.errors import DependencyUnavailableError, ImportCancelledError
from application.ports.id_generator import IdGenerator
from application.use_cases.dead_letter_message import DeadLetterMessage, DeadLetterMessageUseCase
from application.use_cases.import_data import ImportData
from domain.events.import_completed import ImportCompleted
from domain.events.import_ended_in_error import ImportEndedInError
from domain.lifecycle.import_answer import ImportAnswer
from worker.consumer.message_outcome import MessageOutcome
from worker.messages.import_request_parser import parse_import_request
from worker.messages.malformed_message_error import MalformedMessageError

RETRIED_ERRORS = (DependencyUnavailableError, ImportCancelledError)

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: MessageOutcome
    answer: ImportAnswer | None = None
    error_code: str | None = None

    @classmethod
    def of(cls, answer: ImportAnswer) -> "Decision":
        result = answer.result
        error_code = result.error.code if isinstance(result, ImportEndedInError) else None
        return cls(MessageOutcome.of(answer), answer, error_code)


UNFINISHED = Decision(MessageOutcome.RETRIED)


class ConsumerSpan(Protocol):
    def settle(self, outcome: str, error_code: str | None) -> None: ...


Tracing = Callable[[InboundMessage], AbstractContextManager[ConsumerSpan]]


class MessageMetrics(Protocol):
    def message_started(self) -> None: ...

    def message_finished(
        self,
        outcome: str,
        *,
        duration_seconds: float,
        rows_imported: int = 0,
        rows_rejected: int = 0,
    ) -> None: ...


class Imports(Protocol):
    def run(self, command: ImportData) -> ImportAnswer: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportRequestHandler:
    """Message in, ack decision out: permanent problems acked with a result, transient nacked."""

    imports: Imports
    dead_letter: DeadLetterMessageUseCase
    ids: IdGenerator
    metrics: MessageMetrics
    tracing: Tracing

    def __call__(self, message: InboundMessage) -> AckDecision:
        correlation_id = message.attributes.get("correlation_id") or self.ids.new_id()
        started = time.perf_counter()
        self.metrics.message_started()
        decision = UNFINISHED
        try:
            with bound_log_context(correlation_id=correlation_id):
                with self.tracing(message) as span:
                    decision = self._decide(message, correlation_id)
                    span.settle(decision.outcome, decision.error_code)
        finally:
            self._finish(decision, started=started)
        return AckDecision.NACK if decision.outcome is MessageOutcome.RETRIED else AckDecision.ACK

    def _decide(self, message: InboundMessage, correlation_id: str) -> Decision:
        try:
            command = parse_import_request(
                data=message.data,
                attributes=message.attributes,
                request_id=message.message_id,
                correlation_id=correlation_id,
            )
        except MalformedMessageError as error:
            return _retried_on_outage(
                partial(self._dead_letter_message, message, error, correlation_id)
            )
        with bound_log_context(import_id=command.import_id, dataset=command.dataset):
            return _retried_on_outage(partial(self._import, command))

    def _dead_letter_message(
        self, message: InboundMessage, error: MalformedMessageError, correlation_id: str
    ) -> Decision:
        self.dead_letter.execute(_dead_letter(message, error, correlation_id))
        logger.warning("message.dead_lettered", extra={"reason": error.reason})
        return Decision(MessageOutcome.DEAD_LETTERED, error_code=error.reason)

    def _import(self, command: ImportData) -> Decision:
        return Decision.of(self.imports.run(command))

    def _finish(self, decision: Decision, *, started: float) -> None:
        rows_imported, rows_rejected = _rows_stored(decision.answer)
        self.metrics.message_finished(
            decision.outcome,
            duration_seconds=time.perf_counter() - started,
            rows_imported=rows_imported,
            rows_rejected=rows_rejected,
        )


def _rows_stored(answer: ImportAnswer | None) -> tuple[int, int]:
    if answer is None or answer.repeated or not isinstance(answer.result, ImportCompleted):
        return 0, 0
    return answer.result.rows_imported, answer.result.rows_rejected


def _retried_on_outage(handle: Callable[[], Decision]) -> Decision:
    try:
        return handle()
    except RETRIED_ERRORS as error:
        logger.warning("message.retried", extra={"error_code": error.code})
        return Decision(MessageOutcome.RETRIED, error_code=error.code)


def _dead_letter(
    message: InboundMessage, error: MalformedMessageError, correlation_id: str
) -> DeadLetterMessage:
    return DeadLetterMessage(
        message_id=message.message_id,
        data=message.data,
        attributes=message.attributes,
        reason=error.reason,
        error=str(error),
        correlation_id=correlation_id,
    )
