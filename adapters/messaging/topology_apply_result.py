from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class TopologyApplyResult:
    created: tuple[str, ...]
    found: tuple[str, ...]
