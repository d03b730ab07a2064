import urllib.request
from urllib.error import HTTPError

from prometheus_client.parser import text_string_to_metric_families

TIMEOUT_SECONDS = 5.0


def probe_succeeds(url: str, method: str = "GET") -> bool:
    """As the kubelet judges an HTTP probe: a status from 200 to 399 is a success."""
    status = _status(urllib.request.Request(url, method=method))
    return 200 <= status < 400


def scraped_families(url: str) -> set[str]:
    """As Prometheus reads a scrape: the metric families of the text exposition."""
    request = urllib.request.Request(url, headers={"Accept": ACCEPT})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # nosec B310
        text = response.read().decode("utf-8")
    return {family.name for family in text_string_to_metric_families(text)}


def _status(request: urllib.request.Request) -> int:
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # nosec B310
            return int(response.status)
    except HTTPError as error:
        error.close()
        return error.code


ACCEPT = "text/plain;version=1.0.0;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2"
