import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.e2e.tokens import bearer, signed_token

IMPORTER = "e2e-importer"


def importer_authorization() -> str:
    return bearer(signed_token(subject=IMPORTER, roles=["importer"]))


def inline_source(text: str) -> dict[str, Any]:
    return {"inline": text}


def file_source(path: Path) -> dict[str, Any]:
    return {"uri": path.as_uri()}


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportRequest:
    import_id: str
    dataset: str
    source: Mapping[str, Any]
    authorization: str | None
    correlation_id: str | None = None
    traceparent: str | None = None
    key_columns: tuple[str, ...] = ()
    columns: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def data(self) -> bytes:
        body: dict[str, Any] = {
            "import_id": self.import_id,
            "dataset": self.dataset,
            "source": dict(self.source),
        }
        if self.key_columns:
            body["key_columns"] = list(self.key_columns)
        if self.columns:
            body["columns"] = {name: dict(spec) for name, spec in self.columns.items()}
        return json.dumps(body).encode()

    def attributes(self) -> dict[str, str]:
        optional = {
            "authorization": self.authorization,
            "correlation_id": self.correlation_id,
            "traceparent": self.traceparent,
        }
        return {name: value for name, value in optional.items() if value is not None}
