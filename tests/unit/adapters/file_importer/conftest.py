import csv
from collections.abc import Iterator

import pytest

from tests.support.loopback_https_server import LoopbackHttpsServer, serving_https
from tests.support.self_signed_certificate import SelfSignedCertificate, loopback_certificate
from tests.unit.adapters.file_importer.https_routes import HTTPS_ROUTES


@pytest.fixture(autouse=True)
def restore_field_size_limit() -> Iterator[None]:
    previous = csv.field_size_limit()
    yield
    csv.field_size_limit(previous)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> SelfSignedCertificate:
    return loopback_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def server(certificate: SelfSignedCertificate) -> Iterator[LoopbackHttpsServer]:
    with serving_https(HTTPS_ROUTES, certificate) as running:
        yield running
