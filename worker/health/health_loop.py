import asyncio
import threading
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from worker.health.health_exchange import HealthExchange
from worker.health.health_response import HealthResponse
from worker.health.health_routes import HealthRoutes

Result = TypeVar("Result")
BACKLOG = 1024


class HealthLoop:
    """One event loop on its own thread serves every connection; a few threads answer routes."""

    def __init__(
        self,
        routes: HealthRoutes,
        *,
        request_deadline_seconds: float,
        max_connections: int,
        route_threads: int,
    ) -> None:
        self._routes = routes
        self._request_deadline_seconds = request_deadline_seconds
        self._max_connections = max_connections
        self._connections = 0
        self._pool = ThreadPoolExecutor(route_threads, thread_name_prefix="health-route")
        self._loop = asyncio.new_event_loop()
        self._loop.set_default_executor(self._pool)
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="health-server", daemon=True
        )
        self._server: asyncio.Server | None = None

    def listen(self, host: str, port: int) -> int:
        self._thread.start()
        try:
            self._server = self._call(self._start_server(host, port))
        except OSError:
            self.close()
            raise
        return int(self._server.sockets[0].getsockname()[1])

    def close(self) -> None:
        self._call(self._shut_down())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _call(self, coroutine: Coroutine[Any, Any, Result]) -> Result:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    async def _start_server(self, host: str, port: int) -> asyncio.Server:
        return await asyncio.start_server(self._accept, host, port, backlog=BACKLOG)

    async def _shut_down(self) -> None:
        if self._server is not None:
            self._server.close()
        others = asyncio.all_tasks() - {asyncio.current_task()}
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._connections >= self._max_connections:
            writer.close()
            return
        self._connections += 1
        try:
            exchange = HealthExchange(
                reader, writer, answer=self._answer, deadline_seconds=self._request_deadline_seconds
            )
            await exchange.run()
        finally:
            self._connections -= 1

    async def _answer(self, method: str, path: str) -> HealthResponse:
        return await self._loop.run_in_executor(self._pool, self._routes.respond, method, path)
