from dataclasses import dataclass
from functools import singledispatch
from typing import Any

from pydantic import TypeAdapter

from worker.messages.audit_event_model import AuditEventModel
from worker.messages.import_requested import ImportRequestedV1
from worker.messages.result_event_model import ResultEventModel

DIALECT = "https://json-schema.org/draft/2020-12/schema"
DEFINITIONS = "#/$defs/"


@dataclass(frozen=True, slots=True, kw_only=True)
class WireSchema:
    file_name: str
    title: str
    description: str
    shape: Any

    def document(self) -> dict[str, Any]:
        generated = TypeAdapter(self.shape).json_schema()
        titled = _named_by_title(generated)
        return {"$schema": DIALECT, **titled, "title": self.title, "description": self.description}


WIRE_SCHEMAS = (
    WireSchema(
        file_name="import-requested.json",
        title="ImportRequested",
        description="Pub/Sub data of an ImportRequested message (schema_version 1), upstream to "
        "the worker on the import-requests topic.",
        shape=ImportRequestedV1,
    ),
    WireSchema(
        file_name="result-event.json",
        title="ResultEvent",
        description="Pub/Sub data of a result event (ImportCompleted, ImportFailed or "
        "ImportRejected), published by the worker on the import-results topic.",
        shape=ResultEventModel,
    ),
    WireSchema(
        file_name="audit-event.json",
        title="AuditEvent",
        description="Pub/Sub data of an audit event, published by the worker on the audit-events "
        "topic.",
        shape=AuditEventModel,
    ),
)


def _named_by_title(schema: dict[str, Any]) -> dict[str, Any]:
    definitions: dict[str, Any] = schema.get("$defs", {})
    titles = {name: definition.get("title", name) for name, definition in definitions.items()}
    titled = {"$defs": {titles[name]: value for name, value in definitions.items()}}
    body = {key: value for key, value in schema.items() if key != "$defs"}
    document: dict[str, Any] = _referring({**titled, **body}, _references(titles))
    return document


def _references(titles: dict[str, str]) -> dict[str, str]:
    return {f"{DEFINITIONS}{name}": f"{DEFINITIONS}{title}" for name, title in titles.items()}


@singledispatch
def _referring(node: Any, references: dict[str, str]) -> Any:
    return node


@_referring.register(dict)
def _in_object(node: dict[str, Any], references: dict[str, str]) -> Any:
    return {key: _referring(value, references) for key, value in node.items()}


@_referring.register(list)
def _in_array(node: list[Any], references: dict[str, str]) -> Any:
    return [_referring(item, references) for item in node]


@_referring.register
def _reference(node: str, references: dict[str, str]) -> Any:
    return references.get(node, node)
