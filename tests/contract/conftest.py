from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def untracked_pact() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PACT_DO_NOT_TRACK", "true")
        yield
