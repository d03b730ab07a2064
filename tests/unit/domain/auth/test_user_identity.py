import pytest

from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        (frozenset({UserRole.ADMIN}), True),
        (frozenset({UserRole.IMPORTER}), True),
        (frozenset({UserRole.VIEWER}), False),
        (frozenset({UserRole.VIEWER, UserRole.IMPORTER}), True),
        (frozenset(), False),
    ],
    ids=["admin", "importer", "viewer", "viewer-and-importer", "no-role"],
)
def test_should_allow_import_when_any_role_may_import(
    roles: frozenset[UserRole], expected: bool
) -> None:
    sut = UserIdentity(subject="user-1", roles=roles)

    may_import = sut.may_import

    assert may_import is expected
