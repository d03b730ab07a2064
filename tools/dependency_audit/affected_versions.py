from collections.abc import Iterable, Iterator
from operator import attrgetter

from packaging.version import InvalidVersion, Version

from tools.dependency_audit.osv_advisory import OsvAffected, OsvEvent, OsvRange
from tools.dependency_audit.range_bound import RangeBound

EVALUATED_RANGE_TYPES = frozenset({"ECOSYSTEM", "SEMVER"})
UNLIMITED = "*"


def affects(affected: OsvAffected, version: Version) -> bool:
    listed = any(_parsed(text) == version for text in affected.versions)
    return listed or any(_range_holds(range_, version) for range_ in _evaluated(affected))


def fixed_versions(affected: OsvAffected, version: Version) -> tuple[str, ...]:
    return tuple(str(fix) for fix in sorted(_fixes(affected)) if fix > version)


def _fixes(affected: OsvAffected) -> set[Version]:
    return {fix for event in _events(affected) if (fix := _parsed(event.fixed)) is not None}


def _evaluated(affected: OsvAffected) -> Iterator[OsvRange]:
    return (range_ for range_ in affected.ranges if range_.type in EVALUATED_RANGE_TYPES)


def _events(affected: OsvAffected) -> Iterator[OsvEvent]:
    return (event for range_ in _evaluated(affected) for event in range_.events)


def _range_holds(range_: OsvRange, version: Version) -> bool:
    limits = [event.limit for event in range_.events if event.limit is not None]
    return _below_a_limit(limits, version) and _opened_at(_bounds(range_.events), version)


def _bounds(events: Iterable[OsvEvent]) -> list[RangeBound]:
    return sorted(
        (RangeBound.of(event) for event in events if event.limit is None),
        key=attrgetter("sort_key"),
    )


def _below_a_limit(limits: list[str], version: Version) -> bool:
    return not limits or any(limit == UNLIMITED or version < Version(limit) for limit in limits)


def _opened_at(bounds: list[RangeBound], version: Version) -> bool:
    passed = [bound for bound in bounds if bound.is_passed_by(version)]
    return bool(passed) and passed[-1].opens


def _parsed(text: str | None) -> Version | None:
    try:
        return None if text is None else Version(text)
    except InvalidVersion:
        return None
