import csv
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def restore_field_size_limit() -> Iterator[None]:
    previous = csv.field_size_limit()
    yield
    csv.field_size_limit(previous)
