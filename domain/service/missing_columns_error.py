from domain.errors import DomainError


class MissingColumnsError(DomainError):
    code = "missing_columns"

    def __init__(self, columns: tuple[str, ...]) -> None:
        super().__init__(f"the header lacks the column(s): {', '.join(columns)}")
        self.columns = columns
