from collections.abc import Mapping
from dataclasses import dataclass

from domain.model.record_value import RecordValue

RecordKey = tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DataRecord:
    dataset: str
    key: RecordKey
    values: Mapping[str, RecordValue]
    import_id: str
