from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Self, TypeVar, cast

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from application.errors import DependencyUnavailableError
from application.ports.cache import Cache
from shared.resilience.dependency_policy import DependencyPolicy

Answer = TypeVar("Answer")


class RedisCache(Cache):
    """Redis under the cache's resilience policy, every key under one prefix. Reads and entries
    are tried once (a failure reads as a miss), markers are retried; all pass the policy's breaker,
    which refuses at once while open. Socket timeouts are short; redis-py never retries itself."""

    def __init__(
        self, client: redis.Redis, *, policy: DependencyPolicy, prefix: str, ttl_seconds: int
    ) -> None:
        self._client = client
        self._policy = policy
        self._prefix = prefix
        self._ttl_seconds = ttl_seconds

    @classmethod
    def connect(
        cls,
        url: str,
        *,
        policy: DependencyPolicy,
        prefix: str,
        ttl_seconds: int,
        connect_timeout_seconds: float,
        command_timeout_seconds: float,
    ) -> Self:
        client = redis.Redis.from_url(
            url,
            socket_connect_timeout=connect_timeout_seconds,
            socket_timeout=command_timeout_seconds,
            retry=Retry(NoBackoff(), 0),
        )
        return cls(client, policy=policy, prefix=prefix, ttl_seconds=ttl_seconds)

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        values = self._once(partial(self._client.mget, [self._prefix + key for key in keys]))
        return cast(list[bytes | None], values)

    def put_many(self, entries: Mapping[str, bytes]) -> None:
        self._once(partial(self._put_expiring, entries))

    def put_markers(self, markers: Mapping[str, bytes]) -> None:
        self._retried(partial(self._client.mset, self._prefixed(markers)))

    def add_marker(self, key: str, value: bytes) -> bytes:
        return self._retried(partial(self._add_marker, self._prefix + key, value))

    def ping(self) -> None:
        self._once(self._client.ping)

    def close(self) -> None:
        self._client.close()

    def _put_expiring(self, entries: Mapping[str, bytes]) -> None:
        with self._client.pipeline(transaction=False) as pipeline:
            for key, value in self._prefixed(entries).items():
                pipeline.set(key, value, ex=self._ttl_seconds)
            pipeline.execute()

    def _add_marker(self, key: str, value: bytes) -> bytes:
        with self._client.pipeline(transaction=True) as pipeline:
            pipeline.set(key, value, nx=True)
            pipeline.get(key)
            _, standing = pipeline.execute()
        return cast(bytes, standing)

    def _prefixed(self, values: Mapping[str, bytes]) -> dict[str, bytes]:
        return {self._prefix + key: value for key, value in values.items()}

    def _once(self, command: Callable[[], Answer]) -> Answer:
        with self._policy.guarded():
            return _answered(command)

    def _retried(self, command: Callable[[], Answer]) -> Answer:
        return self._policy.call(partial(_answered, command))


def _answered(command: Callable[[], Answer]) -> Answer:
    try:
        return command()
    except redis.RedisError as error:
        raise DependencyUnavailableError(f"the Redis cache is unavailable: {error}") from error
