import sqlite3
from collections.abc import Sequence

from adapters.persistence.message_codec import decode_attributes, encode_attributes
from adapters.persistence.sqlite.errors import sqlite_errors
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import Outbox, OutboxBacklog, PendingMessage

INSERT = "INSERT INTO outbox (topic, data, attributes) VALUES (?, ?, ?) RETURNING position"
TAKE_WRITE_LOCK = "UPDATE outbox SET position = position WHERE 0"
SELECT_PENDING = (
    "SELECT position, topic, data, attributes FROM outbox WHERE published_at IS NULL"
    " AND created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?) ORDER BY position LIMIT ?"
)
MARK_PUBLISHED = (
    "UPDATE outbox SET published_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
    " WHERE position = ? AND published_at IS NULL"
)

BACKLOG = (
    "SELECT count(*), coalesce((julianday('now') - julianday(min(created_at))) * 86400.0, 0.0)"
    " FROM outbox WHERE published_at IS NULL"
)


class SqliteOutbox(Outbox):
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def add(self, messages: Sequence[OutboundMessage]) -> list[PendingMessage]:
        with sqlite_errors():
            return [self._insert(message) for message in messages]

    def pending(self, limit: int, *, min_age_seconds: float = 0.0) -> Sequence[PendingMessage]:
        with sqlite_errors():
            self._connection.execute(TAKE_WRITE_LOCK)
            rows = self._connection.execute(
                SELECT_PENDING, (_seconds_ago(min_age_seconds), limit)
            ).fetchall()
        return [
            PendingMessage(
                position=position,
                message=OutboundMessage(
                    topic=topic, data=data, attributes=decode_attributes(attributes)
                ),
            )
            for position, topic, data, attributes in rows
        ]

    def mark_published(self, positions: Sequence[int]) -> None:
        with sqlite_errors():
            self._connection.executemany(MARK_PUBLISHED, ((position,) for position in positions))

    def backlog(self) -> OutboxBacklog:
        with sqlite_errors():
            pending, age = self._connection.execute(BACKLOG).fetchone()
        return OutboxBacklog(pending=pending, oldest_age_seconds=max(float(age), 0.0))

    def _insert(self, message: OutboundMessage) -> PendingMessage:
        row = (message.topic, message.data, encode_attributes(message.attributes))
        (position,) = self._connection.execute(INSERT, row).fetchone()
        return PendingMessage(position=position, message=message)


def _seconds_ago(seconds: float) -> str:
    return f"{-seconds:.3f} seconds"
