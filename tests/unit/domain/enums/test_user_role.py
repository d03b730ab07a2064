import pytest

from domain.enums.user_role import UserRole


@pytest.mark.parametrize(
    ("role", "expected"),
    [(UserRole.ADMIN, True), (UserRole.IMPORTER, True), (UserRole.VIEWER, False)],
    ids=["admin", "importer", "viewer"],
)
def test_should_let_admin_and_importer_import_but_not_viewer(
    role: UserRole, expected: bool
) -> None:
    sut = role

    may_import = sut.may_import

    assert may_import is expected


def test_should_name_roles_as_the_jwt_roles_claim_spells_them() -> None:
    sut = UserRole

    names = {role.value for role in sut}

    assert names == {"admin", "importer", "viewer"}
