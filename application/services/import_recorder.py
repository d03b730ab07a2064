from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

from opentelemetry.semconv.attributes.db_attributes import (
    DB_OPERATION_BATCH_SIZE,
    DB_OPERATION_NAME,
)
from opentelemetry.trace import Span, Tracer, get_current_span
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from application.ports.completed_imports import CompletedImports
from application.ports.import_attempt import ImportAttempt
from application.ports.import_writer import ImportWriter
from application.ports.outbox import PendingMessage
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.record_cache import RecordCache
from application.ports.unit_of_work import UnitOfWork
from application.services.import_spans import ROWS_IMPORTED, ROWS_REJECTED, import_step
from application.services.outcome_messages import OutcomeMessages
from domain.events.import_completed import ImportCompleted
from domain.events.import_finished import ImportFinished
from domain.lifecycle.completed_import_is_final import CompletedImportIsFinal
from domain.lifecycle.import_answer import ImportAnswer
from domain.model.data_record import DataRecord


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportRecorder(ImportWriter):
    """Writes attempts in one transaction per call: the ledger decides which stand, their records
    and the events that answer each go with them. Once committed, the cache learns of the completed
    imports (their results, and the datasets whose cached records they invalidate), then the events
    are handed over, so that no one hears of an import while the cache still answers without it."""

    uow: UnitOfWork
    messages: OutcomeMessages
    hand_over: OutboxHandOver
    completed: CompletedImports
    record_cache: RecordCache
    tracer: Tracer
    store_attributes: Mapping[str, str] = field(default_factory=dict)

    def write(self, attempt: ImportAttempt) -> ImportAnswer:
        """One attempt whose records stream from its source into the store, unless it completed."""
        with import_step(self.tracer, "store", self._attributes("store")) as span:
            with self.uow as uow:
                if not CompletedImportIsFinal.holds_for(uow.imports.find(attempt.import_id)):
                    uow.records.upsert_all(attempt.records)
                [answer], written = self._conclude(uow, [attempt])
            _count_rows(span, [answer])
        self._committed([answer], written)
        return answer

    def write_all(self, attempts: Sequence[ImportAttempt]) -> list[ImportAnswer]:
        """Attempts whose records are in hand, with distinct import_ids, in one transaction."""
        with import_step(self.tracer, "store batch", self._attributes("store batch")) as span:
            _link_requests(span, attempts)
            with self.uow as uow:
                answers, written = self._conclude(uow, attempts)
            _count_rows(span, answers)
        self._committed(answers, written)
        return answers

    def _attributes(self, operation: str) -> dict[str, str]:
        return {**self.store_attributes, DB_OPERATION_NAME: operation}

    def _conclude(
        self, uow: UnitOfWork, attempts: Sequence[ImportAttempt]
    ) -> tuple[list[ImportAnswer], list[PendingMessage]]:
        answers = _answers(uow, attempts)
        uow.records.upsert_all(_first_answers_records(attempts, answers))
        written = uow.outbox.add(
            list(chain.from_iterable(map(self.messages.answer, attempts, answers)))
        )
        uow.commit()
        return answers, written

    def _committed(self, answers: Sequence[ImportAnswer], written: list[PendingMessage]) -> None:
        completed = _completed_results(answers)
        self.record_cache.invalidate({result.dataset for result in completed})
        self.completed.remember(completed)
        self.hand_over.hand_over(written)


def _answers(uow: UnitOfWork, attempts: Sequence[ImportAttempt]) -> list[ImportAnswer]:
    results = [attempt.outcome() for attempt in attempts]
    standing = iter(uow.imports.add_all(list(filter(_recorded, results))))
    return [_answer(result, standing) for result in results]


def _recorded(result: ImportFinished) -> bool:
    return result.recorded


def _answer(result: ImportFinished, standing: Iterator[ImportFinished]) -> ImportAnswer:
    return CompletedImportIsFinal.answer(result, next(standing) if result.recorded else result)


def _first_answers_records(
    attempts: Sequence[ImportAttempt], answers: Sequence[ImportAnswer]
) -> Iterator[DataRecord]:
    for attempt, answer in zip(attempts, answers, strict=True):
        if not answer.repeated:
            yield from attempt.records


def _link_requests(span: Span, attempts: Sequence[ImportAttempt]) -> None:
    if not span.is_recording():
        return
    span.set_attribute(DB_OPERATION_BATCH_SIZE, len(attempts))
    propagator = TraceContextTextMapPropagator()
    for attempt in attempts:
        context = propagator.extract(attempt.trace)
        span.add_link(get_current_span(context).get_span_context())


def _count_rows(span: Span, answers: Sequence[ImportAnswer]) -> None:
    if not span.is_recording():
        return
    completed = _first_completions(answers)
    span.set_attribute(ROWS_IMPORTED, sum(result.rows_imported for result in completed))
    span.set_attribute(ROWS_REJECTED, sum(result.rows_rejected for result in completed))


def _first_completions(answers: Sequence[ImportAnswer]) -> list[ImportCompleted]:
    return _completed_results([answer for answer in answers if not answer.repeated])


def _completed_results(answers: Sequence[ImportAnswer]) -> list[ImportCompleted]:
    results = (answer.result for answer in answers)
    return [result for result in results if isinstance(result, ImportCompleted)]
