import pytest

from adapters.observability.null_import_progress import NullImportProgress
from application.ports.import_progress import ImportProgress


def test_should_be_an_import_progress() -> None:
    sut = NullImportProgress()

    assert isinstance(sut, ImportProgress)


def test_should_print_nothing_when_reporting_and_finishing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sut = NullImportProgress()

    sut.report(10_000)
    sut.finish(10_000)

    assert capsys.readouterr() == ("", "")
