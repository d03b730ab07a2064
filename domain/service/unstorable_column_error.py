from domain.errors import DomainError


class UnstorableColumnError(DomainError):
    """A header names a column no store can hold: its name has a NUL character."""

    code = "unstorable_row"

    def __init__(self, position: int) -> None:
        super().__init__(f"the name of column {position} of the header holds a NUL character")
        self.position = position
