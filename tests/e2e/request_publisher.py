from collections.abc import Mapping

from google.cloud import pubsub_v1

from tests.e2e.import_request import ImportRequest

PUBLISH_SECONDS = 30.0


class RequestPublisher:
    def __init__(self, project_id: str, topic: str = "import-requests") -> None:
        self._client = pubsub_v1.PublisherClient()
        self._topic_path = self._client.topic_path(project_id, topic)

    def publish(self, request: ImportRequest) -> str:
        return self.publish_raw(request.data(), request.attributes())

    def publish_raw(self, data: bytes, attributes: Mapping[str, str]) -> str:
        future = self._client.publish(self._topic_path, data, **attributes)
        message_id: str = future.result(timeout=PUBLISH_SECONDS)
        return message_id

    def close(self) -> None:
        self._client.stop()
