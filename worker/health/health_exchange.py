import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from urllib.parse import urlsplit

import h11

from worker.health.health_response import HealthResponse

MAX_REQUEST_HEAD_BYTES = 16 * 1024
READ_CHUNK_BYTES = 4096
LINGER_SECONDS = 1.0

Answer = Callable[[str, str], Awaitable[HealthResponse]]
ServerEvent = h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]
FINAL_EVENTS = (h11.EndOfMessage, h11.ConnectionClosed)
logger = logging.getLogger(__name__)


class HealthExchange:
    """Reads one whole request before its deadline, answers it, and closes the connection."""

    def __init__(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        *,
        answer: Answer,
        deadline_seconds: float,
    ) -> None:
        self._reader = reader
        self._writer = writer
        self._answer = answer
        self._deadline_seconds = deadline_seconds
        self._http = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_REQUEST_HEAD_BYTES)

    async def run(self) -> None:
        try:
            await self._exchange()
        except (OSError, h11.ProtocolError):
            logger.debug("health.connection_dropped")
        finally:
            self._writer.close()

    async def _exchange(self) -> None:
        try:
            request = await asyncio.wait_for(self._request(), self._deadline_seconds)
        except h11.RemoteProtocolError as error:
            await self._refuse(HTTPStatus(error.error_status_hint))
            return
        if request is not None:
            await self._serve(request)

    async def _serve(self, request: h11.Request) -> None:
        method, target = request.method.decode("ascii"), request.target.decode("latin-1")
        response = await self._answer(method, urlsplit(target).path)
        logger.debug(
            'health.request "%s %s HTTP/%s" %d',
            method,
            target,
            request.http_version.decode("ascii"),
            response.status,
        )
        await self._send(response, with_body=method != "HEAD")

    async def _refuse(self, status: HTTPStatus) -> None:
        await self._send(HealthResponse.json(status, {"error": status.phrase.lower()}))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._discard_the_rest(), LINGER_SECONDS)

    async def _request(self) -> h11.Request | None:
        request: h11.Request | None = None
        event = await self._next_event()
        while not isinstance(event, FINAL_EVENTS) and event is not h11.PAUSED:
            request = event if isinstance(event, h11.Request) else request
            event = await self._next_event()
        return request if isinstance(event, h11.EndOfMessage) else None

    async def _next_event(self) -> ServerEvent:
        event = self._http.next_event()
        while event is h11.NEED_DATA:
            self._http.receive_data(await self._reader.read(READ_CHUNK_BYTES))
            event = self._http.next_event()
        return event

    async def _send(self, response: HealthResponse, *, with_body: bool = True) -> None:
        events: list[h11.Event] = [response_head(response)]
        if with_body:
            events.append(h11.Data(data=response.body))
        events.append(h11.EndOfMessage())
        for event in events:
            self._writer.write(self._http.send(event) or b"")
        await asyncio.wait_for(self._writer.drain(), self._deadline_seconds)

    async def _discard_the_rest(self) -> None:
        while await self._reader.read(READ_CHUNK_BYTES):
            continue


def response_head(response: HealthResponse) -> h11.Response:
    return h11.Response(
        status_code=response.status,
        reason=response.status.phrase,
        headers=response_headers(response),
    )


def response_headers(response: HealthResponse) -> list[tuple[str, str]]:
    return [
        ("Content-Type", response.content_type),
        ("Content-Length", str(len(response.body))),
        ("Cache-Control", "no-store"),
        ("Connection", "close"),
        *response.headers.items(),
    ]
