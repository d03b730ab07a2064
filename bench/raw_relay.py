import argparse
import signal
import sys
import threading
from typing import Any

from bench.emulator_clients import emulator_publisher, emulator_subscriber

PUBLISH_TIMEOUT_SECONDS = 10.0
READY_LINE = "relay.started"


class RawRelay:
    """Baseline: republish each request unchanged to the results topic, then ack."""

    def __init__(self, *, host: str, project: str, topic: str) -> None:
        self._publisher = emulator_publisher(host)
        self._subscriber = emulator_subscriber(host)
        self._project = project
        self._topic_path = str(self._publisher.topic_path(project, topic))

    def run(self, subscription: str, stop: threading.Event) -> None:
        path = self._subscriber.subscription_path(self._project, subscription)
        future = self._subscriber.subscribe(path, self._relay)
        print(READY_LINE, flush=True)
        stop.wait()
        future.cancel()
        future.result(timeout=30)
        self._publisher.stop()
        self._subscriber.close()

    def _relay(self, message: Any) -> None:
        published = self._publisher.publish(
            self._topic_path, message.data, **dict(message.attributes)
        )
        published.result(timeout=PUBLISH_TIMEOUT_SECONDS)
        message.ack()


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="raw Pub/Sub relay: the latency baseline")
    parser.add_argument("--host", required=True, help="emulator host:port")
    parser.add_argument("--project", required=True)
    parser.add_argument("--subscription", required=True)
    parser.add_argument("--topic", required=True)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    stop = threading.Event()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, lambda *_: stop.set())
    relay = RawRelay(host=arguments.host, project=arguments.project, topic=arguments.topic)
    relay.run(arguments.subscription, stop)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
