from domain.service.missing_columns_error import MissingColumnsError


def test_should_carry_the_missing_columns_contract_code() -> None:
    sut = MissingColumnsError(("id",))

    code = sut.code

    assert code == "missing_columns"


def test_should_name_every_missing_column_in_its_message() -> None:
    sut = MissingColumnsError(("id", "email"))

    message = str(sut)

    assert message == "the header lacks the column(s): id, email"


def test_should_keep_the_missing_columns_for_callers() -> None:
    sut = MissingColumnsError(("id", "email"))

    columns = sut.columns

    assert columns == ("id", "email")
