import argparse
from typing import Any

from application.use_cases.get_data import CountRecords, GetRecord
from domain.model.data_record import DataRecord
from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.composition.components import Components
from worker.cli.command_parsers import add_command, add_group
from worker.cli.output import print_error, print_json

EXIT_FOUND = 0
EXIT_ABSENT = 1


def register(commands: Any) -> None:
    actions = add_group(commands, "records", help="read stored records")
    get = add_command(actions, "get", get_record, help="print one stored record as JSON")
    get.add_argument("dataset", metavar="DATASET")
    get.add_argument("key", metavar="KEY", nargs="+")
    count = add_command(
        actions, "count", count_records, help="print the number of stored records of DATASET"
    )
    count.add_argument("dataset", metavar="DATASET")


def get_record(arguments: argparse.Namespace, settings: Settings) -> int:
    """One KEY per key column, in key_columns order; without key columns the key is
    <import_id>:<row number>. Exit 1 when absent. With GOOGLE_CLOUD_PROJECT set, the read is
    first audited as records.read on AUDIT_EVENTS_TOPIC (nothing is printed if that fails).
    """
    query = GetRecord(dataset=arguments.dataset, key=tuple(arguments.key))
    record = _read(bootstrap(settings), query)
    if record is None:
        print_error(f"no record {list(query.key)} in dataset {query.dataset!r}")
        return EXIT_ABSENT
    print_json(
        {
            "dataset": record.dataset,
            "key": list(record.key),
            "values": dict(record.values),
            "import_id": record.import_id,
        }
    )
    return EXIT_FOUND


def _read(components: Components, query: GetRecord) -> DataRecord | None:
    if not components.settings.google_cloud_project:
        return components.get_data.execute(query)
    try:
        return components.messaging.audited_record_reads.execute(query)
    finally:
        components.messaging.publisher.close()


def count_records(arguments: argparse.Namespace, settings: Settings) -> int:
    print_json(bootstrap(settings).get_data.count(CountRecords(dataset=arguments.dataset)))
    return EXIT_FOUND
