from typing import Any

import pytest
from google.api_core import exceptions

from adapters.file_importer.gcs_uri_opener import GcsUriOpener
from application.errors import DependencyUnavailableError


class AnsweringBucket:
    def __init__(self, answer: Exception) -> None:
        self._answer = answer

    def get_blob(self, name: str, **options: Any) -> None:
        raise self._answer


class AnsweringClient:
    def __init__(self, answer: Exception) -> None:
        self._answer = answer

    def bucket(self, name: str) -> AnsweringBucket:
        return AnsweringBucket(self._answer)


def opener(answer: Exception) -> GcsUriOpener:
    return GcsUriOpener(client=AnsweringClient(answer), allowed_buckets=["imports"])


def test_should_find_cloud_storage_reachable_when_it_refuses_the_probe() -> None:
    sut = opener(exceptions.Forbidden("storage.objects.get denied"))

    assert sut.probe() == "gs://imports"


@pytest.mark.parametrize(
    "answer",
    [exceptions.ServiceUnavailable("backend error"), exceptions.TooManyRequests("slow down")],
    ids=["503", "429"],
)
def test_should_report_cloud_storage_unavailable_when_it_answers_with_an_outage(
    answer: Exception,
) -> None:
    sut = opener(answer)

    with pytest.raises(DependencyUnavailableError):
        sut.probe()
