import uuid
from collections.abc import Iterator

import pytest

from tools.pubsub_emulator import PubSubEmulator


@pytest.fixture(scope="session")
def pubsub_emulator_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    try:
        emulator = PubSubEmulator.launch(tmp_path_factory.mktemp("pubsub-emulator"))
    except FileNotFoundError as missing:
        pytest.skip(str(missing))
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PUBSUB_EMULATOR_HOST", emulator.host)
            yield emulator.host
    finally:
        emulator.stop()


@pytest.fixture
def pubsub_project_id(pubsub_emulator_host: str) -> str:
    return f"test-{uuid.uuid4().hex[:12]}"
