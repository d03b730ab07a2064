from pathlib import Path

import pytest

from tests.architecture.import_scanning import STANDARD_LIBRARY, foreign_imports, imports_under
from tests.architecture.project_tree import python_files, relative_name

DOMAIN_MAY_IMPORT = STANDARD_LIBRARY | {"domain"}
APPLICATION_MAY_IMPORT = STANDARD_LIBRARY | {"domain", "application", "opentelemetry"}
DOMAIN_FILES = python_files("domain")
APPLICATION_FILES = python_files("application")
OPENTELEMETRY_BEYOND_THE_API = ("opentelemetry.sdk", "opentelemetry.exporter")


@pytest.mark.parametrize("path", DOMAIN_FILES, ids=[relative_name(path) for path in DOMAIN_FILES])
def test_should_keep_the_domain_on_the_standard_library(path: Path) -> None:
    assert foreign_imports(path, DOMAIN_MAY_IMPORT) == []


@pytest.mark.parametrize(
    "path", APPLICATION_FILES, ids=[relative_name(path) for path in APPLICATION_FILES]
)
def test_should_keep_the_application_on_the_domain_and_the_standard_library(path: Path) -> None:
    assert foreign_imports(path, APPLICATION_MAY_IMPORT) == []


@pytest.mark.parametrize(
    "path", APPLICATION_FILES, ids=[relative_name(path) for path in APPLICATION_FILES]
)
def test_should_keep_the_application_on_the_opentelemetry_api(path: Path) -> None:
    assert imports_under(path, OPENTELEMETRY_BEYOND_THE_API) == []
