from typing import Any

from gcp_storage_emulator.server import create_server
from google.cloud import storage

from tools.pubsub_emulator import free_port

HOST = "127.0.0.1"


class StorageEmulator:
    """gcp-storage-emulator serving in-memory storage from a thread of this process."""

    def __init__(self, server: Any, port: int) -> None:
        self._server = server
        self.url = f"http://{HOST}:{port}"

    @classmethod
    def start(cls) -> "StorageEmulator":
        port = free_port()
        server = create_server(HOST, port, in_memory=True)
        server.start()
        return cls(server, port)

    def client(self) -> storage.Client:
        return storage.Client(
            project="storage-emulator",
            client_options={"api_endpoint": self.url},
            use_auth_w_custom_endpoint=False,
        )

    def stop(self) -> None:
        self._server.stop()
