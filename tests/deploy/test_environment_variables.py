from collections.abc import Callable

import pytest

from tests.deploy.contract_names import unknown_variables
from tests.deploy.environment_sources import ENVIRONMENT_SOURCES


@pytest.mark.parametrize("variables", ENVIRONMENT_SOURCES.values(), ids=ENVIRONMENT_SOURCES.keys())
def test_should_set_only_variables_the_worker_or_its_libraries_read(
    variables: Callable[[], set[str]],
) -> None:
    names = variables()

    assert unknown_variables(names) == []


@pytest.mark.parametrize(
    "name",
    ["DATABSE_URL", "IMPORT_REQUEST_TOPIC", "LOG_LEVEL_FILE", "VAULT_ADDRESS"],
    ids=["misspelt-setting", "misspelt-topology", "file-of-a-non-secret", "misspelt-contract"],
)
def test_should_report_a_variable_nothing_reads(name: str) -> None:
    names = {name, "DATABASE_URL"}

    assert unknown_variables(names) == [name]


@pytest.mark.parametrize(
    "name",
    ["DATABASE_URL_FILE", "OTEL_SERVICE_NAME", "GOOGLE_CLOUD_PROJECT", "CACHE_TTL_SECONDS"],
    ids=["secret-file", "opentelemetry", "google", "contract-ahead-of-settings"],
)
def test_should_accept_a_variable_a_setting_convention_or_the_contract_names(name: str) -> None:
    names = {name}

    assert unknown_variables(names) == []
