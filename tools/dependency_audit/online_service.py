import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from tools.dependency_audit.audited_package import AuditedPackage

PROBE_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True, slots=True, kw_only=True)
class OnlineServices:
    pypi_url: str = "https://pypi.org/pypi"
    osv_url: str = "https://api.osv.dev/v1/query"

    def answering(self, probe: AuditedPackage) -> str | None:
        if _answers(self._pypi_request(probe)):
            return "pypi"
        if _answers(self._osv_request(probe)):
            return "osv"
        return None

    def describe(self) -> str:
        return f"neither {self.pypi_url} nor {self.osv_url} answers"

    def _pypi_request(self, probe: AuditedPackage) -> urllib.request.Request:
        return urllib.request.Request(f"{self.pypi_url}/{probe.name}/{probe.version}/json")

    def _osv_request(self, probe: AuditedPackage) -> urllib.request.Request:
        query = {
            "package": {"name": probe.name, "ecosystem": "PyPI"},
            "version": str(probe.version),
        }
        return urllib.request.Request(
            self.osv_url,
            data=json.dumps(query).encode(),
            headers={"Content-Type": "application/json"},
        )


def _answers(request: urllib.request.Request) -> bool:
    try:
        with urllib.request.urlopen(request, timeout=PROBE_TIMEOUT_SECONDS) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, TimeoutError, ConnectionError, ValueError):
        return False
