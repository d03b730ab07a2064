from typing import ClassVar

from domain.events.import_completed import ImportCompleted
from domain.events.import_finished import ImportFinished
from domain.lifecycle.import_answer import ImportAnswer


class CompletedImportIsFinal:
    """An import that completed is never run again: every later request for its import_id is
    answered with the stored result, same event_id. Any other result gives way to a newer one.
    Stores that apply the rule in their own language test the stored event type against
    final_event_type."""

    final_event_type: ClassVar[str] = ImportCompleted.__name__

    @staticmethod
    def holds_for(stored: ImportFinished | None) -> bool:
        return isinstance(stored, ImportCompleted)

    @classmethod
    def standing(cls, stored: ImportFinished | None, attempt: ImportFinished) -> ImportFinished:
        return stored if stored is not None and cls.holds_for(stored) else attempt

    @staticmethod
    def answer(attempt: ImportFinished, standing: ImportFinished) -> ImportAnswer:
        return ImportAnswer(result=standing, repeated=standing.event_id != attempt.event_id)
