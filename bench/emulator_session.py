import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tools.pubsub_emulator import PubSubEmulator


@contextmanager
def emulator_host(configured_host: str | None) -> Iterator[str]:
    if configured_host:
        yield configured_host
        return
    with tempfile.TemporaryDirectory(prefix="bench-pubsub-") as data_dir:
        emulator = PubSubEmulator.launch(Path(data_dir))
        try:
            yield emulator.host
        finally:
            emulator.stop()
