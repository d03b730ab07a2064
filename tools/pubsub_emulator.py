import os
import shutil
import signal
import socket
import subprocess  # nosec B404
import time
from pathlib import Path

LAUNCHER_NAME = "cloud-pubsub-emulator"
DEBIAN_SDK_ROOT = Path("/usr/lib/google-cloud-sdk")
INSTALL_HINT = (
    "Pub/Sub emulator not found: install it with 'gcloud components install pubsub-emulator' "
    "or the apt package 'google-cloud-cli-pubsub-emulator', plus Java 17"
)


class PubSubEmulator:
    def __init__(self, process: subprocess.Popen[bytes], port: int) -> None:
        self._process = process
        self.host = f"127.0.0.1:{port}"

    @classmethod
    def launch(cls, data_dir: Path, *, start_timeout_seconds: float = 30.0) -> "PubSubEmulator":
        launcher = find_launcher()
        if launcher is None or shutil.which("java") is None:
            raise FileNotFoundError(INSTALL_HINT)
        port = free_port()
        log = (data_dir / "emulator.log").open("wb")
        process = subprocess.Popen(  # nosec B603
            [str(launcher), "--host=127.0.0.1", f"--port={port}", f"--data-dir={data_dir}"],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        emulator = cls(process, port)
        emulator._wait_until_listening(port, start_timeout_seconds)
        return emulator

    def stop(self) -> None:
        if self._process.poll() is not None:
            return
        os.killpg(self._process.pid, signal.SIGTERM)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()

    def _wait_until_listening(self, port: int, timeout_seconds: float) -> None:
        deadline = time.monotonic() + timeout_seconds
        while not port_answers(port):
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Pub/Sub emulator did not start on port {port}")
            time.sleep(0.1)


def find_launcher() -> Path | None:
    on_path = shutil.which(LAUNCHER_NAME)
    if on_path is not None:
        return Path(on_path)
    candidates = (root / "platform/pubsub-emulator/bin" / LAUNCHER_NAME for root in sdk_roots())
    return next((candidate for candidate in candidates if os.access(candidate, os.X_OK)), None)


def sdk_roots() -> list[Path]:
    gcloud = shutil.which("gcloud")
    if gcloud is None:
        return [DEBIAN_SDK_ROOT]
    completed = subprocess.run(  # nosec B603
        [gcloud, "info", "--format=value(installation.sdk_root)"],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    reported = completed.stdout.strip()
    return [Path(reported), DEBIAN_SDK_ROOT] if reported else [DEBIAN_SDK_ROOT]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def port_answers(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0
