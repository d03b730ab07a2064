import time

from tools.fault_proxy import FaultProxy

COPY_UNDER_WAY_BYTES = 4 * 1024 * 1024
POLL_SECONDS = 0.05


def wait_until_copying(proxy: FaultProxy, *, timeout_seconds: float) -> None:
    """Until the worker has sent PostgreSQL a few MiB more than when called: a COPY is running."""
    target = proxy.upstream_bytes + COPY_UNDER_WAY_BYTES
    deadline = time.monotonic() + timeout_seconds
    while proxy.upstream_bytes < target:
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {proxy.upstream_bytes} bytes reached PostgreSQL")
        time.sleep(POLL_SECONDS)
