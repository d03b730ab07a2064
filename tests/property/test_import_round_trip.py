import csv
import io
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.persistence.unit_of_work_factory import create_unit_of_work
from application.ports.record_source import SourceDescriptor
from application.ports.unit_of_work import UnitOfWork
from application.services.cached_records import CachedRecords
from application.use_cases.get_data import GetDataUseCase, GetRecord
from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec
from domain.model.data_record import DataRecord
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.service.data_import_service import DataImportService
from tests.fakes.fake_cache import FakeCache
from tests.fakes.recording_cache_metrics import RecordingCacheMetrics
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.property.csv_sources import SOURCE_URI, InMemoryUriOpener
from tests.property.typed_values import RENDERED, Rendered, integers

TYPES = [column_type.value for column_type in ColumnType]
HEADER = ["id", *TYPES]
SCHEMA = ImportSchema(
    columns={
        "id": ColumnSpec(type=ColumnType.INTEGER, required=True),
        **{column_type: ColumnSpec(type=ColumnType(column_type)) for column_type in TYPES},
    },
    key_columns=("id",),
)
STORES = ["memory", "sqlite"]
ENCODINGS = [None, "utf-8", "utf-8-sig", "utf-16", "gb18030"]
TypedRow = list[Rendered | None]
imports = count(1)


@pytest.fixture(scope="module", params=STORES, ids=STORES)
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[UnitOfWork]:
    folder: Path = tmp_path_factory.mktemp("round-trip")
    url = "memory://" if request.param == "memory" else f"sqlite:///{folder / 'records.db'}"
    unit_of_work = create_unit_of_work(url)
    yield unit_of_work
    unit_of_work.close()


@st.composite
def typed_rows(draw: st.DrawFn) -> list[TypedRow]:
    keys = draw(st.lists(integers(), min_size=1, max_size=4, unique_by=lambda key: key.canonical))
    cells = st.tuples(*(st.none() | RENDERED[column_type] for column_type in TYPES))
    return [[key, *draw(cells)] for key in keys]


def written(rows: list[TypedRow], delimiter: str) -> str:
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([HEADER, *([cell.text if cell else "" for cell in row] for row in rows)])
    return text.getvalue()


def source_of(text: str, encoding: str | None, delimiter: str) -> tuple[SourceDescriptor, bytes]:
    if encoding is None:
        return SourceDescriptor(inline=text, delimiter=delimiter), b""
    descriptor = SourceDescriptor(uri=SOURCE_URI, encoding=encoding, delimiter=delimiter)
    return descriptor, text.encode(encoding)


def imported(store: UnitOfWork, source: SourceDescriptor, data: bytes, dataset: str) -> None:
    record_source = CsvRecordSource(
        openers={"gs": InMemoryUriOpener(data)}, reader=CsvTabularReader()
    )
    with record_source.open(source) as stream:
        plan = DataImportService().plan(
            dataset=dataset, import_id=dataset, header=stream.header, schema=SCHEMA
        )
        with store as unit_of_work:
            unit_of_work.records.upsert_all(plan.records(stream.rows, ImportTally()))
            unit_of_work.commit()


def expected_record(row: TypedRow, dataset: str) -> DataRecord:
    values = {name: None if cell is None else cell.canonical for name, cell in zip(HEADER, row)}
    return DataRecord(dataset=dataset, key=(str(values["id"]),), values=values, import_id=dataset)


@given(
    rows=typed_rows(),
    encoding=st.sampled_from(ENCODINGS),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
)
def test_should_read_back_the_canonical_value_of_every_field_from_the_store_then_the_cache(
    store: UnitOfWork, rows: list[TypedRow], encoding: str | None, delimiter: str
) -> None:
    dataset = f"round_trip_{next(imports)}"
    source, data = source_of(written(rows, delimiter), encoding, delimiter)
    imported(store, source, data, dataset)
    records = CachedRecords(
        cache=FakeCache(), generations=SequentialIdGenerator(), metrics=RecordingCacheMetrics()
    )
    reader = GetDataUseCase(uow=store, cache=records)

    stored_then_cached = [
        reader.execute(GetRecord(dataset=dataset, key=record.key))
        for record in expected(rows, dataset) * 2
    ]

    assert stored_then_cached == expected(rows, dataset) * 2


def expected(rows: list[TypedRow], dataset: str) -> list[DataRecord]:
    return [expected_record(row, dataset) for row in rows]
