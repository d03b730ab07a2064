import logging
from collections.abc import Mapping

from pydantic import ValidationError

from application.ports.record_source import SourceDescriptor
from application.use_cases.import_data import ImportData
from domain.model.import_schema import ImportSchema
from worker.messages.import_requested import ImportRequestedV1
from worker.messages.malformed_message_error import MalformedMessageError

SUPPORTED_SCHEMA_VERSION = "1"

logger = logging.getLogger(__name__)


def parse_import_request(
    *, data: bytes, attributes: Mapping[str, str], request_id: str, correlation_id: str
) -> ImportData:
    _check_schema_version(attributes)
    body = _body(data)
    if body.unknown_fields:
        logger.info("message.unknown_fields", extra={"fields": list(body.unknown_fields)})
    return ImportData(
        request_id=request_id,
        import_id=body.import_id,
        dataset=body.dataset,
        source=SourceDescriptor(
            uri=body.source.uri,
            inline=body.source.inline,
            delimiter=body.source.delimiter,
            encoding=body.source.encoding,
            header=body.source.header,
        ),
        schema=ImportSchema(
            columns={name: spec.to_domain() for name, spec in body.columns.items()},
            key_columns=body.key_columns,
        ),
        correlation_id=correlation_id,
        authorization=attributes.get("authorization"),
    )


def _check_schema_version(attributes: Mapping[str, str]) -> None:
    version = attributes.get("schema_version", SUPPORTED_SCHEMA_VERSION)
    if version != SUPPORTED_SCHEMA_VERSION:
        detail = f"schema_version {version[:20]!r} is not supported"
        raise MalformedMessageError("unsupported_schema_version", detail)


def _body(data: bytes) -> ImportRequestedV1:
    try:
        return ImportRequestedV1.model_validate_json(data)
    except ValidationError as error:
        raise MalformedMessageError(_reason(error), _detail(error)) from error


def _reason(error: ValidationError) -> str:
    if any(problem["type"] == "json_invalid" for problem in error.errors()):
        return "invalid_json"
    return "invalid_body"


def _detail(error: ValidationError) -> str:
    problems = error.errors(include_input=False, include_url=False)
    described = (f"{'.'.join(map(str, problem['loc']))}: {problem['msg']}" for problem in problems)
    return "; ".join(described)
