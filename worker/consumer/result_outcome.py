from collections.abc import Mapping

from domain.events.import_completed import ImportCompleted
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from worker.consumer.message_outcome import MessageOutcome

OUTCOMES: Mapping[type[ImportFinished], MessageOutcome] = {
    ImportCompleted: MessageOutcome.COMPLETED,
    ImportFailed: MessageOutcome.FAILED,
    ImportRejected: MessageOutcome.REJECTED,
}


def result_outcome(result: ImportFinished) -> MessageOutcome:
    return OUTCOMES[type(result)]
