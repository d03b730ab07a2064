import socket

from adapters.file_importer.https_deadline_socket import HttpsDeadlineSocket
from tests.support.loopback_https_server import LoopbackHttpsServer
from tests.support.self_signed_certificate import SelfSignedCertificate


def test_should_read_like_any_tls_socket_when_no_deadline_is_set(
    certificate: SelfSignedCertificate, server: LoopbackHttpsServer
) -> None:
    context = certificate.trusting_context()
    context.sslsocket_class = HttpsDeadlineSocket
    plain = socket.create_connection(("127.0.0.1", server.port), timeout=5.0)
    with context.wrap_socket(plain, server_hostname="127.0.0.1") as tls:
        tls.sendall(b"GET /people.csv HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        buffer = bytearray(12)
        tls.recv_into(buffer)

    assert bytes(buffer) == b"HTTP/1.0 200"
