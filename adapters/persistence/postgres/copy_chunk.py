from typing import NamedTuple


class PostgresCopyChunk(NamedTuple):
    lines: list[bytes]
    rows_written: int
    batch_repeats_a_key: bool
    datasets: frozenset[str]

    @property
    def text(self) -> bytes:
        return b"".join(self.lines)
