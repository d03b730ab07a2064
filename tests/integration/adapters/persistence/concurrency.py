import threading
from collections.abc import Callable

THREAD_TIMEOUT_SECONDS = 60


def run_in_threads(*targets: Callable[[], None]) -> list[BaseException]:
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_guarded(target, errors)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=THREAD_TIMEOUT_SECONDS)
    return errors


def _guarded(target: Callable[[], None], errors: list[BaseException]) -> Callable[[], None]:
    def run() -> None:
        try:
            target()
        except BaseException as error:
            errors.append(error)

    return run
