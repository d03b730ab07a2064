import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from application.ports.outbound_message import OutboundMessage
from shared.configuration import Settings

SCHEMAS_DIRECTORY = Path(__file__).resolve().parents[2] / "docs" / "schemas"
TOPIC_SCHEMAS = {
    Settings.model_fields["import_requests_topic"].default: "import-requested.json",
    Settings.model_fields["import_results_topic"].default: "result-event.json",
    Settings.model_fields["audit_events_topic"].default: "audit-event.json",
}


@cache
def schema_validator(file_name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS_DIRECTORY / file_name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_violations(file_name: str, document: Any) -> list[str]:
    errors = schema_validator(file_name).iter_errors(document)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors]


def message_violations(message: OutboundMessage) -> list[str]:
    return schema_violations(TOPIC_SCHEMAS[message.topic], json.loads(message.data))
