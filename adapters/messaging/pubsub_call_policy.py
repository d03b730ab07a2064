from google.api_core.exceptions import GoogleAPICallError, RetryError
from google.api_core.retry import Retry

PUBSUB_FAILURES = (GoogleAPICallError, RetryError, TimeoutError)


def bounded_retry(timeout_seconds: float) -> Retry:
    return Retry(initial=0.1, maximum=1.0, multiplier=2.0, timeout=timeout_seconds)
