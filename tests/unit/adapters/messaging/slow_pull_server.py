import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import grpc
from google.pubsub_v1.types import PullRequest, PullResponse


def _pull_slower_than_any_deadline(request: PullRequest, context: object) -> PullResponse:
    time.sleep(1.0)
    return PullResponse()


@contextmanager
def slow_pull_server() -> Iterator[str]:
    server = grpc.server(ThreadPoolExecutor(max_workers=2))
    pull = grpc.unary_unary_rpc_method_handler(
        _pull_slower_than_any_deadline,
        request_deserializer=PullRequest.deserialize,
        response_serializer=PullResponse.serialize,
    )
    server.add_generic_rpc_handlers(
        [grpc.method_handlers_generic_handler("google.pubsub.v1.Subscriber", {"Pull": pull})]
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.stop(grace=None)
