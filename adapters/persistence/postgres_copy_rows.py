from collections.abc import Iterable
from functools import lru_cache

import orjson
from psycopg import Copy

from adapters.persistence.record_codec import encode_values_json
from domain.model.data_record import DataRecord

ROWS_PER_CHUNK = 4096
BACKSLASH = b"\\"
DOUBLE_BACKSLASH = b"\\\\"
COPY_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
COPY_STAGING = 'COPY records_staging (seq, dataset, import_id, key, "values") FROM STDIN'


def write_copy_rows(copy: Copy, records: Iterable[DataRecord]) -> int:
    lines: list[bytes] = []
    written = 0
    for written, record in enumerate(records, start=1):
        lines.append(
            b"%d\t%b%b\t%b\n"
            % (
                written,
                origin_columns(record.dataset, record.import_id),
                orjson.dumps(record.key).replace(BACKSLASH, DOUBLE_BACKSLASH),
                encode_values_json(record.values).replace(BACKSLASH, DOUBLE_BACKSLASH),
            )
        )
        if len(lines) == ROWS_PER_CHUNK:
            copy.write(b"".join(lines))
            lines.clear()
    copy.write(b"".join(lines))
    return written


@lru_cache(maxsize=64)
def origin_columns(dataset: str, import_id: str) -> bytes:
    return copy_text(dataset) + b"\t" + copy_text(import_id) + b"\t"


def copy_text(text: str) -> bytes:
    return text.translate(COPY_TEXT_ESCAPES).encode()
