import pytest

from application.errors import (
    ApplicationError,
    DependencyUnavailableError,
    ForbiddenError,
    ImportSourceError,
    InvalidEncodingError,
    SourceForbiddenError,
    SourceNotFoundError,
    SourceTooLargeError,
    SourceUnreadableError,
    UnauthenticatedError,
)


@pytest.mark.parametrize(
    ("error_type", "code"),
    [
        (SourceNotFoundError, "source_not_found"),
        (SourceForbiddenError, "source_forbidden"),
        (SourceUnreadableError, "source_unreadable"),
        (InvalidEncodingError, "invalid_encoding"),
        (SourceTooLargeError, "source_too_large"),
        (UnauthenticatedError, "unauthenticated"),
        (ForbiddenError, "forbidden"),
    ],
    ids=[
        "not-found",
        "forbidden-source",
        "unreadable",
        "encoding",
        "too-large",
        "unauth",
        "forbidden",
    ],
)
def test_should_carry_the_error_code_the_result_event_contract_names(
    error_type: type[ApplicationError], code: str
) -> None:
    sut = error_type

    carried = sut.code

    assert carried == code


@pytest.mark.parametrize(
    "error_type",
    [
        SourceNotFoundError,
        SourceForbiddenError,
        SourceUnreadableError,
        InvalidEncodingError,
        SourceTooLargeError,
    ],
    ids=["not-found", "forbidden", "unreadable", "encoding", "too-large"],
)
def test_should_make_every_source_problem_an_import_source_error(
    error_type: type[ApplicationError],
) -> None:
    sut = error_type

    is_source_error = issubclass(sut, ImportSourceError)

    assert is_source_error is True


def test_should_not_treat_an_unavailable_dependency_as_a_source_problem() -> None:
    sut = DependencyUnavailableError

    is_source_error = issubclass(sut, ImportSourceError)

    assert is_source_error is False


def test_should_name_nobody_on_an_access_denial_unless_told_who_was_denied() -> None:
    sut = ForbiddenError("no role that may import")

    identity = sut.identity

    assert identity is None
