from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from psycopg import Copy

from adapters.persistence.postgres.copy_chunk import PostgresCopyChunk
from adapters.persistence.record_codec import encode_key_json, encode_values_json
from domain.model.data_record import DataRecord

ROWS_PER_CHUNK = 4096
CHUNKS_PER_BATCH = 6
BACKSLASH = b"\\"
DOUBLE_BACKSLASH = b"\\\\"
COPY_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
COPY_STAGING = 'COPY records_staging (seq, dataset, import_id, key, "values") FROM STDIN'

NumberedRecords = Iterator[tuple[int, DataRecord]]


def copy_chunks(
    records: Iterable[DataRecord],
    rows_per_chunk: int = ROWS_PER_CHUNK,
    chunks_per_batch: int = CHUNKS_PER_BATCH,
) -> Iterator[PostgresCopyChunk]:
    numbered = enumerate(records, start=1)
    written = 0
    while True:
        keys: set[int] = set()
        batch_start = written
        for _ in range(chunks_per_batch):
            chunk = render_chunk(islice(numbered, rows_per_chunk), keys, written)
            if chunk.rows_written == written:
                return
            written = chunk.rows_written
            yield chunk._replace(batch_repeats_a_key=len(keys) < written - batch_start)


def render_chunk(numbered: NumberedRecords, keys: set[int], written: int) -> PostgresCopyChunk:
    lines: list[bytes] = []
    datasets: set[str] = set()
    origin, dataset, import_id = b"", None, None
    for written, record in numbered:
        if record.dataset is not dataset or record.import_id is not import_id:
            dataset, import_id = record.dataset, record.import_id
            datasets.add(dataset)
            origin = origin_columns(dataset, import_id)
        keys.add(hash(record.key))
        lines.append(
            b"%d\t%b%b\t%b\n"
            % (
                written,
                origin,
                encode_key_json(record.key).replace(BACKSLASH, DOUBLE_BACKSLASH),
                encode_values_json(record.values).replace(BACKSLASH, DOUBLE_BACKSLASH),
            )
        )
    return PostgresCopyChunk(lines, written, False, frozenset(datasets))


def write_copy_rows(copy: Copy, records: Iterable[DataRecord]) -> int:
    written = 0
    for chunk in copy_chunks(records):
        copy.write(chunk.text)
        written = chunk.rows_written
    return written


@lru_cache(maxsize=64)
def origin_columns(dataset: str, import_id: str) -> bytes:
    return copy_text(dataset) + b"\t" + copy_text(import_id) + b"\t"


def copy_text(text: str) -> bytes:
    return text.translate(COPY_TEXT_ESCAPES).encode()
