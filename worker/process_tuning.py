import gc
import sys

YOUNG_GENERATION_THRESHOLD = 50_000
OLDER_GENERATION_THRESHOLD = 20
BULK_IMPORT_SWITCH_INTERVAL_SECONDS = 0.0002


def tune_garbage_collection() -> None:
    """A worker makes many short-lived objects per message: it collects its young generation less
    often, and leaves what start-up built (modules, clients) out of every later collection."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(
        YOUNG_GENERATION_THRESHOLD, OLDER_GENERATION_THRESHOLD, OLDER_GENERATION_THRESHOLD
    )


def shorten_thread_switch_interval() -> None:
    """A bulk import converts rows on one thread while the other waits on PostgreSQL; with the
    default 5 ms switch interval the waiting thread lost the interpreter lock for milliseconds
    after every statement. The worker keeps the default: it measured slower with a short one."""
    sys.setswitchinterval(BULK_IMPORT_SWITCH_INTERVAL_SECONDS)
