from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DOCUMENT_PATH = PROJECT_ROOT / "docs" / "asyncapi.yaml"
SCHEMA_FILE = "3.0.0-without-id.json"
SHARED_SCHEMA_DIRECTORIES = (
    PROJECT_ROOT.parent / "shared" / "schemas" / "asyncapi",
    Path("/work/shared/schemas/asyncapi"),
)


class AsyncApiSchemaLocation(BaseSettings):
    """ASYNCAPI_SCHEMA_DIR: the folder of the official AsyncAPI JSON Schemas (not in the repo)."""

    model_config = SettingsConfigDict(frozen=True, extra="ignore")

    asyncapi_schema_dir: Path | None = None

    def schema_path(self) -> Path:
        candidates = self._candidates()
        found = [path / SCHEMA_FILE for path in candidates if (path / SCHEMA_FILE).is_file()]
        if not found:
            looked_in = ", ".join(str(path) for path in candidates)
            raise FileNotFoundError(
                f"no AsyncAPI 3.0.0 JSON Schema ({SCHEMA_FILE}) in {looked_in}: "
                "set ASYNCAPI_SCHEMA_DIR to the folder that holds it"
            )
        return found[0]

    def _candidates(self) -> tuple[Path, ...]:
        if self.asyncapi_schema_dir is None:
            return SHARED_SCHEMA_DIRECTORIES
        return (self.asyncapi_schema_dir,)


@cache
def asyncapi_document() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(DOCUMENT_PATH.read_text(encoding="utf-8"))
    return document


def messages_of(channel: str) -> dict[str, dict[str, Any]]:
    components = asyncapi_document()["components"]["messages"]
    references = asyncapi_document()["channels"][channel]["messages"].values()
    return {
        name: components[name]
        for name in (reference["$ref"].rsplit("/", 1)[-1] for reference in references)
    }


def examples_of(channel: str) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    return [
        (name, message, example)
        for name, message in messages_of(channel).items()
        for example in message["examples"]
    ]
