import socket
import time

TIMEOUT_SECONDS = 10.0


def exchange(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT_SECONDS) as client:
        client.sendall(request)
        client.shutdown(socket.SHUT_WR)
        return read_until_closed(client)


def status_line(port: int, request: bytes) -> bytes:
    return exchange(port, request).split(b"\r\n", 1)[0]


def read_until_closed(client: socket.socket) -> bytes:
    received = b""
    while chunk := client.recv(65536):
        received += chunk
    return received


def seconds_until_closed(port: int, request_start: bytes) -> float:
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT_SECONDS) as client:
        started = time.monotonic()
        client.sendall(request_start)
        read_until_closed(client)
        return time.monotonic() - started
