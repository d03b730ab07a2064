import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def restored_garbage_collection() -> Iterator[None]:
    threshold = gc.get_threshold()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
