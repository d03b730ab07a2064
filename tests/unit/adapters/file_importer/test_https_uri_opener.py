import socket
import ssl
from collections.abc import Iterator

import pytest

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.https_uri_opener import HttpsUriOpener
from application.errors import (
    ApplicationError,
    DependencyUnavailableError,
    SourceForbiddenError,
    SourceNotFoundError,
    SourceTooLargeError,
    SourceUnreadableError,
)
from application.ports.record_source import SourceDescriptor
from tests.support.loopback_https_server import LoopbackHttpsServer
from tests.support.self_signed_certificate import SelfSignedCertificate
from tests.unit.adapters.file_importer.https_routes import LARGE_BODY, PEOPLE

LOOPBACK = "127.0.0.1"


@pytest.fixture
def closed_port() -> Iterator[int]:
    with socket.socket() as unlistening:
        unlistening.bind((LOOPBACK, 0))
        yield unlistening.getsockname()[1]


def trusting_opener(
    certificate: SelfSignedCertificate,
    *hosts: str,
    timeout_seconds: float = 5.0,
    deadline_seconds: float = 30.0,
    max_bytes: int | None = None,
) -> HttpsUriOpener:
    return HttpsUriOpener(
        allowed_hosts=hosts,
        ssl_context=certificate.trusting_context(),
        timeout_seconds=timeout_seconds,
        deadline_seconds=deadline_seconds,
        max_bytes=max_bytes,
    )


def read_all(sut: HttpsUriOpener, uri: str) -> bytes:
    with sut.open(uri) as binary:
        return binary.read()


def csv_content(sut: HttpsUriOpener, uri: str) -> tuple[tuple[str, ...], list[list[str]]]:
    source = CsvRecordSource(openers={"https": sut}, reader=CsvTabularReader())
    with source.open(SourceDescriptor(uri=uri)) as stream:
        return stream.header, list(stream.rows)


def raised_by(sut: HttpsUriOpener, uri: str) -> ApplicationError:
    with pytest.raises(ApplicationError) as raised:
        read_all(sut, uri)
    return raised.value


def test_should_stream_a_csv_through_the_record_source(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK)

    content = csv_content(sut, server.url("/people.csv"))

    assert content == (("id", "name"), [["1", "Ada"], ["2", "Grace"]])


def test_should_match_the_allowed_host_whatever_its_case(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, " LocalHost ")

    content = read_all(sut, server.url("/people.csv", host="LOCALHOST"))

    assert content == PEOPLE


def test_should_refuse_a_host_that_is_not_allowed(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, "data.example.org")

    with pytest.raises(SourceForbiddenError):
        read_all(sut, server.url("/people.csv"))


def test_should_refuse_every_https_source_when_no_host_is_allowed(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, "", " ")

    with pytest.raises(SourceForbiddenError):
        read_all(sut, server.url("/people.csv"))


def test_should_refuse_plain_http(certificate: SelfSignedCertificate) -> None:
    sut = trusting_opener(certificate, LOOPBACK)

    with pytest.raises(SourceForbiddenError):
        read_all(sut, "http://127.0.0.1/people.csv")


def test_should_follow_a_redirect_to_an_allowed_host(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK, "localhost")

    content = read_all(sut, server.url("/to-localhost"))

    assert content == PEOPLE


@pytest.mark.parametrize(
    "path",
    ["/to-localhost", "/to-plain-http", "/to-another-port"],
    ids=["other-host", "plain-http", "other-port"],
)
def test_should_refuse_a_redirect_to_an_address_that_is_not_allowed(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer, path: str
) -> None:
    sut = trusting_opener(certificate, LOOPBACK)

    with pytest.raises(SourceForbiddenError):
        read_all(sut, server.url(path))


def test_should_refuse_a_redirect_to_another_allowed_host_on_another_port(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK, "localhost")

    with pytest.raises(SourceForbiddenError, match="another port"):
        read_all(sut, server.url("/to-localhost-on-another-port"))


def test_should_give_up_on_a_redirect_loop(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK)

    with pytest.raises(SourceUnreadableError):
        read_all(sut, server.url("/loop"))


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (401, SourceForbiddenError),
        (403, SourceForbiddenError),
        (404, SourceNotFoundError),
        (410, SourceNotFoundError),
        (418, SourceUnreadableError),
        (429, DependencyUnavailableError),
        (500, DependencyUnavailableError),
        (503, DependencyUnavailableError),
    ],
    ids=["401", "403", "404", "410", "418", "429", "500", "503"],
)
def test_should_translate_an_http_error_status(
    certificate: SelfSignedCertificate,
    server: LoopbackHttpsServer,
    status: int,
    expected: type[ApplicationError],
) -> None:
    sut = trusting_opener(certificate, LOOPBACK)

    with pytest.raises(expected):
        read_all(sut, server.url(f"/status/{status}"))


def test_should_keep_the_query_string_out_of_the_error_message(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK)

    error = raised_by(sut, server.url("/status/404?signature=s3cret"))

    assert str(error) == "https://127.0.0.1/status/404 answered HTTP 404"


def test_should_report_a_server_slower_than_the_timeout_as_unavailable(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK, timeout_seconds=0.3)

    with pytest.raises(DependencyUnavailableError):
        read_all(sut, server.url("/slow.csv"))


@pytest.mark.parametrize("path", ["/slow.csv", "/dripping.csv"], ids=["headers", "body"])
def test_should_report_a_source_slower_than_the_whole_deadline_as_unavailable(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer, path: str
) -> None:
    sut = trusting_opener(certificate, LOOPBACK, timeout_seconds=5.0, deadline_seconds=0.4)

    with pytest.raises(DependencyUnavailableError, match="deadline"):
        read_all(sut, server.url(path))


def test_should_read_a_source_that_keeps_sending_within_the_deadline(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK, timeout_seconds=1.0, deadline_seconds=30.0)

    content = read_all(sut, server.url("/dripping.csv"))

    assert content == PEOPLE


def test_should_report_a_server_that_refuses_connections_as_unavailable(
    certificate: SelfSignedCertificate, closed_port: int
) -> None:
    sut = trusting_opener(certificate, LOOPBACK)

    with pytest.raises(DependencyUnavailableError):
        read_all(sut, f"https://127.0.0.1:{closed_port}/people.csv")


@pytest.mark.parametrize("path", ["/truncated.csv", "/stalled.csv"], ids=["truncated", "stalled"])
def test_should_report_a_body_that_stops_arriving_as_unavailable(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer, path: str
) -> None:
    sut = trusting_opener(certificate, LOOPBACK, timeout_seconds=0.3)

    with pytest.raises(DependencyUnavailableError):
        read_all(sut, server.url(path))


def test_should_refuse_a_server_that_does_not_speak_http(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK)

    with pytest.raises(SourceUnreadableError):
        read_all(sut, server.url("/not-http"))


def test_should_refuse_a_certificate_it_does_not_trust(server: LoopbackHttpsServer) -> None:
    sut = HttpsUriOpener(allowed_hosts=[LOOPBACK])

    with pytest.raises(SourceUnreadableError):
        read_all(sut, server.url("/people.csv"))


def test_should_refuse_a_context_that_skips_host_name_verification() -> None:
    lenient = ssl.create_default_context()
    lenient.check_hostname = False

    with pytest.raises(ValueError):
        HttpsUriOpener(allowed_hosts=[LOOPBACK], ssl_context=lenient)


def test_should_refuse_a_source_whose_declared_length_exceeds_the_cap(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK, max_bytes=len(LARGE_BODY) - 1)

    with pytest.raises(SourceTooLargeError):
        sut.open(server.url("/large.csv"))


def test_should_stop_a_source_that_exceeds_the_cap_while_streaming(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    sut = trusting_opener(certificate, LOOPBACK, max_bytes=len(LARGE_BODY) - 1)

    with pytest.raises(SourceTooLargeError):
        csv_content(sut, server.url("/large-undeclared.csv"))


@pytest.mark.parametrize(
    "path", ["/large.csv", "/large-undeclared.csv"], ids=["declared", "undeclared"]
)
def test_should_read_a_source_exactly_as_large_as_the_cap(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer, path: str
) -> None:
    sut = trusting_opener(certificate, LOOPBACK, max_bytes=len(LARGE_BODY))

    content = read_all(sut, server.url(path))

    assert content == LARGE_BODY
