import getpass
import os

import pytest

from worker.composition.operator_login import operator_login, operator_reader


def test_should_name_the_operator_by_login_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "alice")

    login = operator_login()

    assert login == "alice"


@pytest.mark.parametrize("error", [KeyError("uid"), OSError("no login")], ids=["pwd", "os"])
def test_should_name_an_operator_without_a_login_name_by_user_id(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def no_login() -> str:
        raise error

    monkeypatch.setattr(getpass, "getuser", no_login)

    login = operator_login()

    assert login == f"uid:{os.getuid()}"


def test_should_give_the_reader_no_role(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "alice")

    reader = operator_reader()

    assert reader.roles == frozenset()
