from enum import StrEnum

from domain.lifecycle.import_answer import ImportAnswer


class MessageOutcome(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    REJECTED = "rejected"
    REPEATED = "repeated"
    DEAD_LETTERED = "dead_lettered"
    RETRIED = "retried"

    @classmethod
    def of(cls, answer: ImportAnswer) -> "MessageOutcome":
        if answer.repeated:
            return cls.REPEATED
        return cls(answer.result.event_type.removeprefix("Import").lower())
