from domain.model.import_tally import ImportTally
from domain.model.row_rejection import RowRejection


def rejection(row: int) -> RowRejection:
    return RowRejection(row=row, column="age", reason="not an integer")


def tally_after(*, read: int, rejected: int) -> ImportTally:
    tally = ImportTally()
    for _ in range(read):
        tally.count_read()
    for row in range(1, rejected + 1):
        tally.count_rejected(rejection(row))
    return tally


def test_should_start_with_nothing_counted() -> None:
    sut = ImportTally()

    counts = {"read": sut.rows_read, "rejected": sut.rows_rejected, "imported": sut.rows_imported}

    assert counts == {"read": 0, "rejected": 0, "imported": 0}


def test_should_count_imported_rows_as_read_minus_rejected() -> None:
    sut = tally_after(read=10, rejected=3)

    imported = sut.rows_imported

    assert imported == 7


def test_should_keep_each_rejection_in_row_order() -> None:
    sut = tally_after(read=2, rejected=2)

    kept = sut.rejections

    assert kept == [rejection(1), rejection(2)]


def test_should_keep_one_hundred_rejections_at_most() -> None:
    sut = tally_after(read=150, rejected=150)

    kept = sut.rejections

    assert kept == [rejection(row) for row in range(1, 101)]


def test_should_count_every_rejection_beyond_those_kept() -> None:
    sut = tally_after(read=150, rejected=150)

    rejected = sut.rows_rejected

    assert rejected == 150
