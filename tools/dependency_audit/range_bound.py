from dataclasses import dataclass

from packaging.version import Version

from tools.dependency_audit.osv_advisory import OsvEvent

UNBOUNDED = "0"


@dataclass(frozen=True, slots=True, kw_only=True)
class RangeBound:
    at: Version | None
    opens: bool
    includes_at: bool

    @classmethod
    def of(cls, event: OsvEvent) -> "RangeBound":
        if event.introduced is not None:
            return cls(at=_version_or_none(event.introduced), opens=True, includes_at=True)
        if event.fixed is not None:
            return cls(at=Version(event.fixed), opens=False, includes_at=True)
        if event.last_affected is not None:
            return cls(at=Version(event.last_affected), opens=False, includes_at=False)
        raise ValueError(f"an event without a version: {event!r}")

    @property
    def sort_key(self) -> tuple[bool, Version]:
        return (self.at is not None, self.at or Version(UNBOUNDED))

    def is_passed_by(self, version: Version) -> bool:
        if self.at is None:
            return True
        return version >= self.at if self.includes_at else version > self.at


def _version_or_none(text: str) -> Version | None:
    return None if text == UNBOUNDED else Version(text)
