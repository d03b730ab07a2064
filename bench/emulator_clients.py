from typing import Any

import grpc
from google.cloud import pubsub_v1
from google.pubsub_v1.services.publisher.transports import PublisherGrpcTransport
from google.pubsub_v1.services.subscriber.transports import SubscriberGrpcTransport

LIBRARY_DEFAULT_BATCH_SETTINGS = pubsub_v1.types.BatchSettings(
    max_bytes=1_000_000, max_latency=0.01, max_messages=100
)


def emulator_publisher(host: str, batch_settings: Any = LIBRARY_DEFAULT_BATCH_SETTINGS) -> Any:
    transport = PublisherGrpcTransport(channel=grpc.insecure_channel(host))
    return pubsub_v1.PublisherClient(batch_settings=batch_settings, transport=transport)


def emulator_subscriber(host: str) -> Any:
    transport = SubscriberGrpcTransport(channel=grpc.insecure_channel(host))
    return pubsub_v1.SubscriberClient(transport=transport)
