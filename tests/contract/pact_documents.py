import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pact import Pact

PACTS_DIRECTORY = Path(__file__).resolve().parent / "pacts"
Interaction = Callable[[Pact, str], object]


@dataclass(frozen=True, slots=True, kw_only=True)
class PactDocument:
    """A pact file: who reads, who writes, and each interaction by its description."""

    consumer: str
    provider: str
    interactions: Mapping[str, Interaction]

    @property
    def file_name(self) -> str:
        return f"{self.consumer}-{self.provider}.json"

    @property
    def checked_in_path(self) -> Path:
        return PACTS_DIRECTORY / self.file_name

    def pact(self, *descriptions: str) -> Pact:
        pact = Pact(self.consumer, self.provider).with_specification("V4")
        for description in descriptions or tuple(self.interactions):
            self.interactions[description](pact, description)
        return pact

    def write(self, directory: Path) -> Path:
        self.pact().write_file(directory, overwrite=True)
        return directory / self.file_name

    def written(self, directory: Path) -> dict[str, Any]:
        return contract_view(self.write(directory))

    def checked_in(self) -> dict[str, Any]:
        return contract_view(self.checked_in_path)


def contract_view(path: Path) -> dict[str, Any]:
    """What a pact file promises, without the versions of the library that wrote it."""
    document = json.loads(path.read_text(encoding="utf-8"))
    return {
        "consumer": document["consumer"],
        "provider": document["provider"],
        "specification": document["metadata"]["pactSpecification"],
        "interactions": sorted(document["interactions"], key=lambda item: item["description"]),
    }
