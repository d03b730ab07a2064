from tests.support.loopback_https_server import (
    Route,
    after_pause,
    answer,
    dripping,
    raw_bytes,
    redirect,
    stalled_after,
    undeclared_length,
)

PEOPLE = b"id,name\r\n1,Ada\r\n2,Grace\r\n"
LARGE_BODY = b"id\n" + b"1\n" * 2000
STATUSES = (401, 403, 404, 410, 418, 429, 500, 503)

HTTPS_ROUTES: dict[str, Route] = {
    "/people.csv": answer(200, PEOPLE),
    "/to-localhost": redirect(host="localhost", path="/people.csv"),
    "/to-plain-http": redirect(host="127.0.0.1", path="/people.csv", scheme="http"),
    "/to-another-port": redirect(host="127.0.0.1", path="/people.csv", port=1),
    "/to-localhost-on-another-port": redirect(host="localhost", path="/people.csv", port=1),
    "/dripping.csv": dripping(PEOPLE, pause_seconds=0.05),
    "/loop": redirect(host="127.0.0.1", path="/loop"),
    "/slow.csv": after_pause(1.0, answer(200, PEOPLE)),
    "/large.csv": answer(200, LARGE_BODY),
    "/large-undeclared.csv": undeclared_length(LARGE_BODY),
    "/truncated.csv": answer(200, b"id\n1\n", declared_length=100),
    "/stalled.csv": stalled_after(b"id\n1\n", declared_length=100, pause_seconds=1.0),
    "/not-http": raw_bytes(b"NOT HTTP AT ALL\r\n\r\n"),
    **{f"/status/{status}": answer(status) for status in STATUSES},
}
