from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class GcsObjectVersion:
    generation: int
    size: int
    crc32c: str | None
