import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from adapters.caching.redis_cache import RedisCache
from shared.resilience.dependency_policy import DependencyPolicy
from shared.resilience.policy_settings import PolicySettings
from tests.support.policies import quick_policy
from tools.pubsub_emulator import free_port

TTL_SECONDS = 60
TIMEOUT_SECONDS = 0.25


def cache_policy(*, failure_threshold: int = 5, reset_seconds: float = 30.0) -> DependencyPolicy:
    settings = PolicySettings(
        attempts=2,
        first_backoff_seconds=0.0,
        max_backoff_seconds=0.0,
        failure_threshold=failure_threshold,
        reset_seconds=reset_seconds,
    )
    return quick_policy("redis", settings)


def redis_cache(url: str, prefix: str, *, policy: DependencyPolicy | None = None) -> RedisCache:
    return RedisCache.connect(
        url,
        policy=policy or cache_policy(),
        prefix=prefix,
        ttl_seconds=TTL_SECONDS,
        connect_timeout_seconds=TIMEOUT_SECONDS,
        command_timeout_seconds=TIMEOUT_SECONDS,
    )


def movable_cache(
    port: int, prefix: str, policy: DependencyPolicy
) -> tuple[RedisCache, redis.Redis]:
    """A cache on a client whose address a test may move, to bring a Redis back."""
    client = redis.Redis(
        host="127.0.0.1",
        port=port,
        socket_connect_timeout=TIMEOUT_SECONDS,
        socket_timeout=TIMEOUT_SECONDS,
        retry=Retry(NoBackoff(), 0),
    )
    return RedisCache(client, policy=policy, prefix=prefix, ttl_seconds=TTL_SECONDS), client


def moved(client: redis.Redis, port: int) -> None:
    client.connection_pool.connection_kwargs["port"] = port
    client.connection_pool.reset()


def closed_address() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"
