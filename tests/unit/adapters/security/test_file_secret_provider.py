import re
from pathlib import Path

import pytest

from adapters.security.environment_secret_provider import EnvironmentSecretProvider
from adapters.security.file_secret_provider import FileSecretProvider
from shared.configuration_error import ConfigurationError

GIVEN = EnvironmentSecretProvider({"AUTH_JWT_SECRET": "from-the-environment"})


def test_should_give_a_value_as_the_environment_gave_it() -> None:
    sut = EnvironmentSecretProvider({"DATABASE_URL": "memory://"})

    value = sut.secret("DATABASE_URL")

    assert value == "memory://"


def test_should_give_nothing_for_a_secret_the_environment_lacks() -> None:
    sut = EnvironmentSecretProvider({})

    value = sut.secret("REDIS_URL")

    assert value is None


def test_should_read_a_secret_from_its_file_without_the_trailing_line_break(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jwt-secret"
    path.write_text("from-the-file\r\n", encoding="utf-8")
    sut = FileSecretProvider({"AUTH_JWT_SECRET": path}, fallback=GIVEN)

    value = sut.secret("AUTH_JWT_SECRET")

    assert value == "from-the-file"


def test_should_keep_the_inner_lines_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "public-key.pem"
    path.write_text("-----BEGIN-----\nkey\n-----END-----\n", encoding="utf-8")
    sut = FileSecretProvider({"AUTH_JWT_PUBLIC_KEY": path}, fallback=GIVEN)

    value = sut.secret("AUTH_JWT_PUBLIC_KEY")

    assert value == "-----BEGIN-----\nkey\n-----END-----"


def test_should_ask_the_next_provider_for_a_secret_without_a_file() -> None:
    sut = FileSecretProvider({"AUTH_JWT_SECRET": None}, fallback=GIVEN)

    value = sut.secret("AUTH_JWT_SECRET")

    assert value == "from-the-environment"


def test_should_name_the_variable_and_the_path_of_a_missing_file(tmp_path: Path) -> None:
    sut = FileSecretProvider({"DATABASE_URL": tmp_path / "absent"}, fallback=GIVEN)

    with pytest.raises(ConfigurationError, match=f"DATABASE_URL_FILE: cannot read {tmp_path}"):
        sut.secret("DATABASE_URL")


def test_should_refuse_a_file_that_is_not_utf8_naming_only_the_variable_and_path(
    tmp_path: Path,
) -> None:
    path = tmp_path / "binary"
    path.write_bytes(b"secret\xff\xfe")
    sut = FileSecretProvider({"REDIS_URL": path}, fallback=GIVEN)

    with pytest.raises(ConfigurationError, match=f"^{re.escape(f'REDIS_URL_FILE: {path}')}"):
        sut.secret("REDIS_URL")
