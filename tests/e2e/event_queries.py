from collections.abc import Collection
from typing import Any

from tests.e2e.event_inbox import Condition, ReceivedMessage


def bodies(messages: list[ReceivedMessage]) -> list[dict[str, Any]]:
    return [message.body() for message in messages]


def results_for(messages: list[ReceivedMessage], import_id: str) -> list[dict[str, Any]]:
    return [body for body in bodies(messages) if body.get("import_id") == import_id]


def result_messages_for(messages: list[ReceivedMessage], import_id: str) -> list[ReceivedMessage]:
    return [message for message in messages if message.attributes.get("import_id") == import_id]


def audit_types_for(messages: list[ReceivedMessage], import_id: str) -> list[str]:
    audits = [body for body in bodies(messages) if _resource_import_id(body) == import_id]
    return sorted(str(body["event_type"]) for body in audits)


def with_correlation(messages: list[ReceivedMessage], correlation_id: str) -> list[ReceivedMessage]:
    return [m for m in messages if m.attributes.get("correlation_id") == correlation_id]


def event_ids_for(messages: list[ReceivedMessage], import_id: str) -> set[str]:
    return {str(body["event_id"]) for body in results_for(messages, import_id)}


def has_results_for(import_ids: Collection[str], *, each: int = 1) -> Condition:
    return lambda messages: all(len(results_for(messages, key)) >= each for key in import_ids)


def has_audits_for(import_ids: Collection[str], *, each: int) -> Condition:
    return lambda messages: all(len(audit_types_for(messages, key)) >= each for key in import_ids)


def has_correlated(correlation_ids: Collection[str]) -> Condition:
    return lambda messages: all(with_correlation(messages, key) for key in correlation_ids)


def _resource_import_id(body: dict[str, Any]) -> Any:
    resource = body.get("resource") or {}
    return resource.get("import_id")
