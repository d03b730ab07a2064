from collections.abc import Iterator
from contextlib import contextmanager

import requests
from hvac import exceptions

from adapters.security.vault_refused_error import VaultRefusedError
from application.errors import DependencyUnavailableError

REFUSALS = (
    exceptions.InvalidRequest,
    exceptions.Unauthorized,
    exceptions.Forbidden,
    exceptions.InvalidPath,
    exceptions.ParamValidationError,
)

UNEXPLAINED = {
    exceptions.InvalidPath: "nothing there (404)",
    exceptions.Forbidden: "permission denied (403)",
}


@contextmanager
def vault_errors(action: str) -> Iterator[None]:
    """Refusals raise VaultRefusedError; anything else (no answer, 429, 5xx, a reply the worker
    cannot read) DependencyUnavailableError. Messages carry Vault's reasons, never a value."""
    try:
        yield
    except REFUSALS as error:
        raise VaultRefusedError(f"Vault refused to {action}: {_reasons(error)}") from error
    except exceptions.VaultError as error:
        raise DependencyUnavailableError(f"Vault could not {action}: {_reasons(error)}") from error
    except (requests.RequestException, KeyError, TypeError, ValueError) as error:
        raise DependencyUnavailableError(
            f"Vault could not {action}: {type(error).__name__}"
        ) from error


def _reasons(error: exceptions.VaultError) -> str:
    reasons = error.errors if isinstance(error.errors, list) else []
    return "; ".join(str(reason) for reason in reasons) or UNEXPLAINED.get(
        type(error), type(error).__name__
    )
