import pytest

from domain.model.bounded_text import bounded_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("short", "short"), ("x" * 5, "xxxxx"), ("abcdefgh", "abcd\u2026")],
    ids=["shorter", "exactly-the-limit", "longer"],
)
def test_should_keep_text_that_fits_and_cut_longer_text_with_an_ellipsis(
    text: str, expected: str
) -> None:
    sut = bounded_text

    bounded = sut(text, 5)

    assert bounded == expected
