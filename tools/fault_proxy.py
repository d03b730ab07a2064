import asyncio
import socket
import struct
import threading
from collections.abc import Coroutine
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, TypeVar

CHUNK_BYTES = 65_536
RESET_ON_CLOSE = struct.pack("ii", 1, 0)
CONTROL_SECONDS = 10.0

Answer = TypeVar("Answer")


@dataclass(slots=True, eq=False)
class Link:
    client: asyncio.StreamWriter
    upstream: asyncio.StreamWriter

    def close(self, *, reset: bool) -> None:
        for writer in (self.client, self.upstream):
            if reset:
                _reset_on_close(writer)
            writer.transport.abort()


@dataclass(slots=True)
class Faults:
    delay_seconds: float = 0.0
    flowing: asyncio.Event = field(default_factory=asyncio.Event)


class FaultProxy:
    """A TCP proxy between a worker and one dependency, which a test tells to fail: refuse new
    connections, cut or reset the open ones, delay every chunk, or hold them half-open."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self._upstream = (upstream_host, upstream_port)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._links: set[Link] = set()
        self._server: asyncio.Server | None = None
        self._faults = Faults()
        self.port = 0
        self.upstream_bytes = 0

    def start(self) -> "FaultProxy":
        self._thread.start()
        self._control(self._started())
        return self

    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def refuse(self) -> None:
        self._control(self._stop_listening())

    def restore(self) -> None:
        self._control(self._restored())

    def cut(self) -> None:
        self._control(self._closed_links(reset=False))

    def reset(self) -> None:
        self._control(self._closed_links(reset=True))

    def delay(self, seconds: float) -> None:
        self._control(self._delayed(seconds))

    def hold_half_open(self) -> None:
        self._control(self._held())

    def open_links(self) -> int:
        return len(self._links)

    def close(self) -> None:
        self.refuse()
        self.reset()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(CONTROL_SECONDS)

    def _control(self, step: Coroutine[Any, Any, Answer]) -> Answer:
        return asyncio.run_coroutine_threadsafe(step, self._loop).result(CONTROL_SECONDS)

    async def _started(self) -> None:
        self._faults.flowing.set()
        await self._listen()

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(
            self._accepted, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def _stop_listening(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    async def _restored(self) -> None:
        self._faults.delay_seconds = 0.0
        self._faults.flowing.set()
        if self._server is None:
            await self._listen()

    async def _closed_links(self, *, reset: bool) -> None:
        for link in list(self._links):
            link.close(reset=reset)
        self._links.clear()

    async def _delayed(self, seconds: float) -> None:
        self._faults.delay_seconds = seconds

    async def _held(self) -> None:
        self._faults.flowing.clear()

    async def _accepted(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self._upstream)
        except OSError:
            writer.transport.abort()
            return
        link = Link(client=writer, upstream=upstream_writer)
        self._links.add(link)
        await asyncio.gather(
            self._pump(reader, upstream_writer, counted=True),
            self._pump(upstream_reader, writer, counted=False),
            return_exceptions=True,
        )
        self._links.discard(link)
        link.close(reset=False)

    async def _pump(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, counted: bool
    ) -> None:
        while chunk := await reader.read(CHUNK_BYTES):
            await self._faults.flowing.wait()
            if self._faults.delay_seconds:
                await asyncio.sleep(self._faults.delay_seconds)
            if counted:
                self.upstream_bytes += len(chunk)
            writer.write(chunk)
            await writer.drain()
        with suppress(OSError):
            writer.write_eof()


def _reset_on_close(writer: asyncio.StreamWriter) -> None:
    connection = writer.get_extra_info("socket")
    if connection is not None:
        with suppress(OSError):
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET_ON_CLOSE)
