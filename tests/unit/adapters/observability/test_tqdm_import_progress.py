import io

from adapters.observability.tqdm_import_progress import TqdmImportProgress


def test_should_show_the_description_when_created() -> None:
    stream = io.StringIO()

    TqdmImportProgress(stream=stream, description="importing")

    assert stream.getvalue().startswith("\rimporting:")


def test_should_show_the_rows_read_so_far_when_finished() -> None:
    stream = io.StringIO()
    sut = TqdmImportProgress(stream=stream, description="importing")
    sut.report(10_000)

    sut.finish(12_000)

    assert "importing: 12.0k rows" in stream.getvalue()


def test_should_end_the_bar_with_a_new_line_when_finished() -> None:
    stream = io.StringIO()
    sut = TqdmImportProgress(stream=stream, description="importing")

    sut.finish(0)

    assert stream.getvalue().endswith("\n")
