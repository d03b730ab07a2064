import gc

YOUNG_GENERATION_THRESHOLD = 50_000
OLDER_GENERATION_THRESHOLD = 20


def tune_garbage_collection() -> None:
    """A worker makes many short-lived objects per message: it collects its young generation less
    often, and leaves what start-up built (modules, clients) out of every later collection."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(
        YOUNG_GENERATION_THRESHOLD, OLDER_GENERATION_THRESHOLD, OLDER_GENERATION_THRESHOLD
    )
