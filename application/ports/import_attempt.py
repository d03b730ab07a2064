from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from domain.auth.user_identity import UserIdentity
from domain.events.import_finished import ImportFinished
from domain.model.data_record import DataRecord


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportAttempt:
    """A request on its way to the store: who asked, the trace it arrived in, the records it reads
    (lazily: reading may raise the source's errors) and the result they make once read. A request
    that was not admitted is answered with its rejection, never with a stored result."""

    request_id: str
    import_id: str
    actor: UserIdentity | None
    trace: Mapping[str, str]
    records: Iterable[DataRecord] = ()
    outcome: Callable[[], ImportFinished]
    admitted: bool = True

    def in_hand(self) -> "ImportAttempt":
        """The same attempt with its records read into memory and its result settled."""
        records = tuple(self.records)
        result = self.outcome()
        return replace(self, records=records, outcome=lambda: result)
