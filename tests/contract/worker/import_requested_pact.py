from typing import Any

from pact import Pact, match

from tests.contract.pact_documents import Interaction, PactDocument
from tests.contract.wire_matchers import bearer_token, dataset, import_id, timestamp, traceparent

TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZGEiLCJyb2xlcyI6WyJpbXBvcnRlciJdfQ.c2ln"
COLUMN_TYPE = r"^(string|integer|decimal|boolean|date|datetime)$"
AGE = {"type": match.regex("integer", regex=COLUMN_TYPE), "required": match.bool(True)}
AUTHORIZED = {"authorization": bearer_token(f"Bearer {TOKEN}")}


def _request(attributes: dict[str, Any], **body: Any) -> Interaction:
    def interaction(pact: Pact, description: str) -> None:
        (
            pact.upon_receiving(description, "Async")
            .with_body(
                {"import_id": import_id("people-2026-05-04"), "dataset": dataset("people"), **body},
                content_type="application/json",
            )
            .with_metadata(attributes)
        )

    return interaction


def _uri(example: str, pattern: str) -> object:
    return match.regex(example, regex=pattern)


IMPORT_REQUESTED_PACT = PactDocument(
    consumer="import-worker",
    provider="import-request-publisher",
    interactions={
        "an ImportRequested with the CSV inline": _request(
            AUTHORIZED, source={"inline": match.str("id,name\n1,Ada\n")}
        ),
        "an ImportRequested of a file:// source with key columns and a column schema": _request(
            {**AUTHORIZED, "correlation_id": match.str("corr-7301")},
            source={"uri": _uri("file:///imports/people.csv", r"^file:///.+$")},
            key_columns=match.each_like(match.str("id")),
            columns={"age": AGE},
        ),
        "an ImportRequested of a gs:// object with key columns": _request(
            AUTHORIZED,
            source={"uri": _uri("gs://import-sources/people.csv", r"^gs://[^/]+/.+$")},
            key_columns=match.each_like(match.str("id")),
        ),
        "an ImportRequested of an https:// source with CSV options and a column schema": _request(
            AUTHORIZED,
            source={
                "uri": _uri("https://exports.example.com/people.csv", r"^https://[^/]+/.*$"),
                "format": "csv",
                "delimiter": match.regex(";", regex=r"^.$"),
                "encoding": match.str("latin-1"),
                "header": match.bool(False),
            },
            columns={"age": AGE},
        ),
        "an ImportRequested in a trace, with its schema version and correlation id": _request(
            {
                **AUTHORIZED,
                "schema_version": "1",
                "correlation_id": match.str("corr-7302"),
                "traceparent": traceparent(
                    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                ),
                "tracestate": match.str("vendor=opaque"),
            },
            source={"inline": match.str("id,name\n1,Ada\n")},
            requested_at=timestamp("2026-05-04T09:29:58Z"),
        ),
    },
)
