import http.client
import json
import time
from dataclasses import dataclass
from typing import Any

TIMEOUT_SECONDS = 5.0
POLL_SECONDS = 0.5


@dataclass(frozen=True, slots=True, kw_only=True)
class HealthAnswer:
    status: int
    body: bytes

    def document(self) -> Any:
        return json.loads(self.body)

    def text(self) -> str:
        return self.body.decode()


class HealthClient:
    def __init__(self, port: int) -> None:
        self.port = port

    def request(self, path: str, *, method: str = "GET") -> HealthAnswer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT_SECONDS)
        try:
            connection.request(method, path)
            response = connection.getresponse()
            return HealthAnswer(status=response.status, body=response.read())
        finally:
            connection.close()

    def first_answer(self, path: str, *, status: int, timeout_seconds: float) -> HealthAnswer:
        """Asks as a kubelet does, every half second, until the answer has that status."""
        deadline = time.monotonic() + timeout_seconds
        while (answer := self.request(path)).status != status:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path} still answers {answer.status}: {answer.text()}")
            time.sleep(POLL_SECONDS)
        return answer

    def status(self, path: str) -> int | None:
        try:
            return self.request(path).status
        except OSError:
            return None

    def metric(self, name: str) -> float:
        prefix = f"{name} "
        lines = self.request("/metrics").text().splitlines()
        values = [float(line.removeprefix(prefix)) for line in lines if line.startswith(prefix)]
        return values[0] if values else 0.0
