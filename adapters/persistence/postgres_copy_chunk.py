from typing import NamedTuple


class PostgresCopyChunk(NamedTuple):
    text: bytes
    rows_written: int
    batch_repeats_a_key: bool
    datasets: frozenset[str]
