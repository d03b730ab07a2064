import pytest

from adapters.persistence.postgres_copy_rows import copy_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("customers", b"customers"),
        ("a\tb\\c\nd\re", b"a\\tb\\\\c\\nd\\re"),
        ("Zürich", "Zürich".encode()),
    ],
    ids=["plain", "copy control characters", "non ascii"],
)
def test_should_escape_text_for_the_copy_text_format(text: str, expected: bytes) -> None:
    escaped = copy_text(text)

    assert escaped == expected
