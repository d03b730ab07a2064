from typing import NamedTuple

from adapters.persistence.postgres.copy_chunk import PostgresCopyChunk


class StagedBatch(NamedTuple):
    last: PostgresCopyChunk
    datasets: set[str]
