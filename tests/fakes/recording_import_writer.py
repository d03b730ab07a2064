from application.ports.import_attempt import ImportAttempt
from application.ports.import_writer import ImportWriter
from domain.lifecycle.import_answer import ImportAnswer


class RecordingImportWriter(ImportWriter):
    """Answers each attempt with its own result, as a first answer, and keeps what it was given."""

    def __init__(self) -> None:
        self.written: list[ImportAttempt] = []

    def write(self, attempt: ImportAttempt) -> ImportAnswer:
        self.written.append(attempt)
        return ImportAnswer(result=attempt.outcome())
