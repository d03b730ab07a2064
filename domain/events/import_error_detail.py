from dataclasses import dataclass

from domain.model.bounded_text import bounded_text

MESSAGE_LIMIT = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportErrorDetail:
    code: str
    message: str

    @classmethod
    def of(cls, code: str, message: str) -> "ImportErrorDetail":
        """The detail as a result reports it: a message of at most MESSAGE_LIMIT characters."""
        return cls(code=code, message=bounded_text(message, MESSAGE_LIMIT))
