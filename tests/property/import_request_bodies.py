from typing import Any

from hypothesis import strategies as st

from application.ports.record_source import SourceDescriptor
from application.use_cases.import_data import ImportData
from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema

JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(), children, max_size=3),
    max_leaves=8,
)
IMPORT_IDS = st.from_regex(r"[A-Za-z0-9._:-]{1,128}", fullmatch=True)
DATASETS = st.from_regex(r"[a-z][a-z0-9_]{0,62}", fullmatch=True)
COLUMN_NAMES = st.text(min_size=1, max_size=10)
COLUMN_SPECS = st.fixed_dictionaries(
    {}, optional={"type": st.sampled_from([t.value for t in ColumnType]), "required": st.booleans()}
)


def sources() -> st.SearchStrategy[dict[str, Any]]:
    optional = {
        "delimiter": st.characters(),
        "encoding": st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16"]),
        "header": st.booleans(),
        "format": st.just("csv"),
    }
    inline = st.fixed_dictionaries({"inline": st.text()}, optional=optional)
    uri = st.fixed_dictionaries(
        {"uri": st.sampled_from(["file:///data/a.csv", "gs://b/o.csv", "https://h/x.csv"])},
        optional=optional,
    )
    return inline | uri


def valid_bodies() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"import_id": IMPORT_IDS, "dataset": DATASETS, "source": sources()},
        optional={
            "key_columns": st.lists(COLUMN_NAMES, max_size=3),
            "columns": st.dictionaries(COLUMN_NAMES, COLUMN_SPECS, max_size=4),
            "requested_at": st.just("2026-01-02T03:04:05Z"),
            "note": JSON_VALUES,
        },
    )


def mutated_bodies() -> st.SearchStrategy[dict[str, Any]]:
    field_values = {
        "import_id": IMPORT_IDS | JSON_VALUES,
        "dataset": DATASETS | JSON_VALUES,
        "source": sources() | JSON_VALUES,
        "key_columns": st.lists(COLUMN_NAMES) | JSON_VALUES,
        "columns": st.dictionaries(COLUMN_NAMES, COLUMN_SPECS | JSON_VALUES) | JSON_VALUES,
        "requested_at": st.text() | JSON_VALUES,
    }
    return st.fixed_dictionaries({}, optional=field_values)


def expected_command(body: dict[str, Any]) -> ImportData:
    source = body["source"]
    return ImportData(
        request_id="m-1",
        import_id=body["import_id"],
        dataset=body["dataset"],
        source=SourceDescriptor(
            uri=source.get("uri"),
            inline=source.get("inline"),
            delimiter=source.get("delimiter", ","),
            encoding=source.get("encoding", "utf-8"),
            header=source.get("header", True),
        ),
        schema=ImportSchema(
            columns={name: ColumnSpec(**spec) for name, spec in body.get("columns", {}).items()},
            key_columns=tuple(body.get("key_columns", ())),
        ),
        correlation_id="c-1",
    )
