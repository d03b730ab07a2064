import pytest

from application.errors import (
    AccessDeniedError,
    DependencyUnavailableError,
    ForbiddenError,
    UnauthenticatedError,
)
from application.services.auth_service import AuthService
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from tests.fakes.fake_token_verifier import FakeTokenVerifier

ALICE = UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))
ROOT = UserIdentity(subject="root", roles=frozenset({UserRole.ADMIN}))
VERA = UserIdentity(subject="vera", roles=frozenset({UserRole.VIEWER}))
NOBODY = UserIdentity(subject="nobody", roles=frozenset())
IDENTITIES = {"alice-token": ALICE, "root-token": ROOT, "vera-token": VERA, "no-role": NOBODY}


@pytest.fixture
def sut() -> AuthService:
    return AuthService(FakeTokenVerifier(IDENTITIES))


def denial(sut: AuthService, authorization: str) -> AccessDeniedError:
    with pytest.raises(AccessDeniedError) as caught:
        sut.authorize(authorization)
    return caught.value


def test_should_act_as_anonymous_importer_when_auth_is_disabled() -> None:
    sut = AuthService(None)

    identity = sut.authorize(None)

    assert identity == UserIdentity(subject="anonymous", roles=frozenset({UserRole.IMPORTER}))


def test_should_act_as_the_configured_anonymous_identity_when_auth_is_disabled() -> None:
    sut = AuthService(None, anonymous=ROOT)

    identity = sut.authorize("Bearer ignored")

    assert identity == ROOT


def test_should_forbid_a_configured_anonymous_identity_that_may_not_import() -> None:
    sut = AuthService(None, anonymous=VERA)

    with pytest.raises(ForbiddenError):
        sut.authorize(None)


def test_should_reject_request_when_authorization_attribute_is_missing(sut: AuthService) -> None:
    with pytest.raises(UnauthenticatedError, match="missing authorization"):
        sut.authorize(None)


@pytest.mark.parametrize(
    "authorization",
    [
        "",
        "Bearer",
        "Bearer ",
        "Basic alice-token",
        "Bearer alice-token extra",
        "Bearer  alice-token",
    ],
    ids=["empty", "scheme-only", "empty-token", "basic-scheme", "two-tokens", "double-space"],
)
def test_should_reject_request_when_authorization_is_not_a_bearer_token(
    sut: AuthService, authorization: str
) -> None:
    with pytest.raises(UnauthenticatedError, match="not 'Bearer <token>'"):
        sut.authorize(authorization)


@pytest.mark.parametrize(
    "authorization",
    ["Bearer alice-token", "bearer alice-token", "BEARER alice-token", " Bearer alice-token\n"],
    ids=["canonical", "lower-case", "upper-case", "surrounding-whitespace"],
)
def test_should_accept_bearer_scheme_in_any_case(sut: AuthService, authorization: str) -> None:
    identity = sut.authorize(authorization)

    assert identity == ALICE


@pytest.mark.parametrize(
    ("authorization", "expected"),
    [("Bearer alice-token", ALICE), ("Bearer root-token", ROOT)],
    ids=["importer", "admin"],
)
def test_should_allow_import_when_role_may_import(
    sut: AuthService, authorization: str, expected: UserIdentity
) -> None:
    identity = sut.authorize(authorization)

    assert identity == expected


@pytest.mark.parametrize(
    "authorization", ["Bearer vera-token", "Bearer no-role"], ids=["viewer", "no-known-role"]
)
def test_should_forbid_import_when_no_role_may_import(sut: AuthService, authorization: str) -> None:
    with pytest.raises(ForbiddenError):
        sut.authorize(authorization)


def test_should_name_the_identified_subject_on_a_forbidden_request(sut: AuthService) -> None:
    error = denial(sut, "Bearer vera-token")

    assert error.identity == VERA


def test_should_name_nobody_when_the_request_is_unauthenticated(sut: AuthService) -> None:
    error = denial(sut, "Bearer forged-token")

    assert error.identity is None


def test_should_authenticate_viewer_without_checking_import_right(sut: AuthService) -> None:
    identity = sut.authenticate("Bearer vera-token")

    assert identity == VERA


def test_should_propagate_verifier_rejection(sut: AuthService) -> None:
    with pytest.raises(UnauthenticatedError, match="unknown token"):
        sut.authorize("Bearer forged-token")


def test_should_propagate_verifier_unavailability() -> None:
    sut = AuthService(FakeTokenVerifier(unavailable=True))

    with pytest.raises(DependencyUnavailableError):
        sut.authorize("Bearer alice-token")


def test_should_pass_only_the_token_to_the_verifier() -> None:
    verifier = FakeTokenVerifier(IDENTITIES)
    sut = AuthService(verifier)

    sut.authorize("Bearer alice-token")

    assert verifier.verified == ["alice-token"]


@pytest.mark.parametrize(
    "authorization",
    ["Basic vera-token", "Bearer vera-token x", "Bearer vera-token"],
    ids=["wrong-scheme", "two-tokens", "forbidden"],
)
def test_should_never_put_the_token_in_a_denial_message(
    sut: AuthService, authorization: str
) -> None:
    message = str(denial(sut, authorization))

    assert "vera-token" not in message
