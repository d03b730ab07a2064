from domain.model.row_rejection import TEXT_LIMIT, RowRejection


def test_should_cut_a_long_column_and_reason_to_the_limit() -> None:
    sut = RowRejection(row=3, column="c" * 500, reason="r" * 500)

    bounded = sut.bounded()

    assert bounded == RowRejection(
        row=3, column="c" * (TEXT_LIMIT - 1) + "\u2026", reason="r" * (TEXT_LIMIT - 1) + "\u2026"
    )


def test_should_keep_a_rejection_of_the_whole_row_without_a_column() -> None:
    sut = RowRejection(row=3, column=None, reason="expected 3 fields, found 2")

    bounded = sut.bounded()

    assert bounded == sut
