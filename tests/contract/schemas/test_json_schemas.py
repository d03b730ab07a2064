import argparse
from pathlib import Path

import pytest

from application.ports.outbound_message import OutboundMessage
from shared.configuration import Settings
from tests.support.wire_schema_files import SCHEMAS_DIRECTORY, TOPIC_SCHEMAS, message_violations
from tests.contract.worker_events import worker_messages
from tests.contract.worker_scenarios import SCENARIO_NAMES
from worker.cli.schema_command import export_schemas
from worker.messages.wire_schemas import WIRE_SCHEMAS

SCHEMA_FILES = [schema.file_name for schema in WIRE_SCHEMAS]
PUBLISHED = [
    pytest.param(message, id=f"{scenario}: {message.attributes['event_type']}")
    for scenario in SCENARIO_NAMES
    for message in worker_messages(scenario)
    if message.topic in TOPIC_SCHEMAS
]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("schemas")
    export_schemas(argparse.Namespace(directory=directory), Settings())
    return directory


def test_should_check_in_exactly_the_schemas_the_command_writes(regenerated: Path) -> None:
    checked_in = sorted(path.name for path in SCHEMAS_DIRECTORY.glob("*.json"))

    assert checked_in == sorted(path.name for path in regenerated.iterdir())


@pytest.mark.parametrize("file_name", SCHEMA_FILES)
def test_should_regenerate_the_checked_in_schema_unchanged(
    regenerated: Path, file_name: str
) -> None:
    checked_in = (SCHEMAS_DIRECTORY / file_name).read_text(encoding="utf-8")

    assert (regenerated / file_name).read_text(encoding="utf-8") == checked_in


@pytest.mark.parametrize("message", PUBLISHED)
def test_should_publish_only_messages_their_schema_accepts(message: OutboundMessage) -> None:
    violations = message_violations(message)

    assert violations == []
