from dataclasses import dataclass

from application.ports.completed_imports import CompletedImports
from application.ports.import_attempt import ImportAttempt
from application.ports.import_writer import ImportWriter
from application.ports.message_publisher import MessagePublisher
from application.services.outcome_messages import OutcomeMessages
from domain.lifecycle.import_answer import ImportAnswer


@dataclass(frozen=True, slots=True, kw_only=True)
class CachedRepeatAnswers(ImportWriter):
    """Answers an admitted request for an import the cache knows completed without the store: its
    stored result is already durable, so it is published again at once, same event_id, and the
    request is answered once Pub/Sub took it (DependencyUnavailableError otherwise). Any other
    attempt goes to the writer, whose ledger decides."""

    writer: ImportWriter
    completed: CompletedImports
    messages: OutcomeMessages
    publisher: MessagePublisher

    def write(self, attempt: ImportAttempt) -> ImportAnswer:
        earlier = self.completed.find(attempt.import_id) if attempt.admitted else None
        if earlier is None:
            return self.writer.write(attempt)
        answer = ImportAnswer(result=earlier, repeated=True)
        self.publisher.publish(self.messages.answer(attempt, answer))
        return answer
