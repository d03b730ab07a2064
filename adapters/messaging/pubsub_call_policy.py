from collections.abc import Iterator
from contextlib import contextmanager

from google.api_core.exceptions import GoogleAPICallError, RetryError

from application.errors import DependencyUnavailableError

PUBSUB_FAILURES = (GoogleAPICallError, RetryError, TimeoutError)


@contextmanager
def pubsub_outage(doing: str) -> Iterator[None]:
    """Any failure of a Pub/Sub call is an outage of Pub/Sub, for the caller to retry later."""
    try:
        yield
    except PUBSUB_FAILURES as error:
        raise DependencyUnavailableError(f"Pub/Sub could not {doing}") from error
