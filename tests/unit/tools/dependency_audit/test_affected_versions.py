import pytest
from packaging.version import Version

from tools.dependency_audit.affected_versions import affects, fixed_versions
from tools.dependency_audit.osv_advisory import OsvAffected, OsvEvent, OsvRange

TWO_INTERVALS = [
    OsvEvent(introduced="1.0"),
    OsvEvent(fixed="1.2"),
    OsvEvent(introduced="2.0"),
    OsvEvent(fixed="2.1"),
]


def ranged(events: list[OsvEvent], range_type: str = "ECOSYSTEM") -> OsvAffected:
    return OsvAffected(ranges=(OsvRange(type=range_type, events=tuple(events)),))


@pytest.mark.parametrize(
    ("events", "version", "expected"),
    [
        ([OsvEvent(introduced="0"), OsvEvent(fixed="1.0")], "0.dev0", True),
        ([OsvEvent(introduced="0"), OsvEvent(fixed="1.0")], "1.0", False),
        ([OsvEvent(introduced="0"), OsvEvent(fixed="1.0")], "1.0rc1", True),
        ([OsvEvent(introduced="0")], "99", True),
        (TWO_INTERVALS, "0.9", False),
        (TWO_INTERVALS, "1.0", True),
        (TWO_INTERVALS, "1.1.9", True),
        (TWO_INTERVALS, "1.5", False),
        (TWO_INTERVALS, "2.0.1", True),
        (TWO_INTERVALS, "2.1", False),
        (list(reversed(TWO_INTERVALS)), "1.5", False),
        (list(reversed(TWO_INTERVALS)), "2.0.1", True),
        ([OsvEvent(introduced="1.0"), OsvEvent(last_affected="1.4")], "1.4", True),
        ([OsvEvent(introduced="1.0"), OsvEvent(last_affected="1.4")], "1.4.post1", False),
        ([OsvEvent(introduced="0"), OsvEvent(limit="2.0")], "1.9", True),
        ([OsvEvent(introduced="0"), OsvEvent(limit="2.0")], "2.0", False),
        ([OsvEvent(introduced="0"), OsvEvent(limit="*")], "2.0", True),
    ],
    ids=[
        "unbounded-start-covers-a-dev-release",
        "fixed-version-is-safe",
        "pre-release-of-the-fix-is-affected",
        "never-fixed",
        "before-the-first-interval",
        "start-of-the-first-interval",
        "inside-the-first-interval",
        "between-the-intervals",
        "inside-the-second-interval",
        "end-of-the-second-interval",
        "unsorted-events-between-the-intervals",
        "unsorted-events-inside-the-second-interval",
        "last-affected-is-included",
        "after-last-affected",
        "below-the-limit",
        "at-the-limit",
        "unlimited",
    ],
)
def test_should_evaluate_a_range_as_osv_describes(
    events: list[OsvEvent], version: str, expected: bool
) -> None:
    sut = ranged(events)

    result = affects(sut, Version(version))

    assert result is expected


def test_should_evaluate_a_semver_range_like_an_ecosystem_range() -> None:
    sut = ranged([OsvEvent(introduced="0"), OsvEvent(fixed="2.0.0")], range_type="SEMVER")

    result = affects(sut, Version("1.9.9"))

    assert result is True


def test_should_not_evaluate_a_git_range() -> None:
    sut = ranged([OsvEvent(introduced="0"), OsvEvent(fixed="a1b2c3")], range_type="GIT")

    result = affects(sut, Version("1.0"))

    assert result is False


@pytest.mark.parametrize(
    "version", ["2.0", "2.0.0"], ids=["as-listed", "same-version-spelled-otherwise"]
)
def test_should_find_a_version_in_the_explicit_list(version: str) -> None:
    sut = OsvAffected(versions=("1.0", "2.0", "0.9-eevee"))

    result = affects(sut, Version(version))

    assert result is True


def test_should_not_find_a_version_missing_from_the_explicit_list() -> None:
    sut = OsvAffected(versions=("1.0", "0.9-eevee"))

    result = affects(sut, Version("0.9"))

    assert result is False


def test_should_refuse_a_range_event_that_is_not_a_version() -> None:
    sut = ranged([OsvEvent(introduced="2019-09-12")])

    with pytest.raises(ValueError):
        affects(sut, Version("1.0"))


def test_should_refuse_an_event_without_a_version() -> None:
    sut = ranged([OsvEvent()])

    with pytest.raises(ValueError):
        affects(sut, Version("1.0"))


def test_should_list_the_fixes_later_than_the_version() -> None:
    sut = ranged(TWO_INTERVALS + [OsvEvent(fixed="not a version")])

    fixes = fixed_versions(sut, Version("1.1"))

    assert fixes == ("1.2", "2.1")
