import sqlite3
from collections.abc import Sequence

from adapters.persistence.message_codec import decode_attributes, encode_attributes
from adapters.persistence.sqlite_errors import sqlite_errors
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import Outbox, PendingMessage

INSERT = "INSERT INTO outbox (topic, data, attributes) VALUES (?, ?, ?)"
TAKE_WRITE_LOCK = "UPDATE outbox SET position = position WHERE 0"
SELECT_PENDING = (
    "SELECT position, topic, data, attributes FROM outbox"
    " WHERE published_at IS NULL ORDER BY position LIMIT ?"
)
MARK_PUBLISHED = (
    "UPDATE outbox SET published_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
    " WHERE position = ? AND published_at IS NULL"
)


class SqliteOutbox(Outbox):
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def add(self, messages: Sequence[OutboundMessage]) -> None:
        rows = (
            (message.topic, message.data, encode_attributes(message.attributes))
            for message in messages
        )
        with sqlite_errors():
            self._connection.executemany(INSERT, rows)

    def pending(self, limit: int) -> Sequence[PendingMessage]:
        with sqlite_errors():
            self._connection.execute(TAKE_WRITE_LOCK)
            rows = self._connection.execute(SELECT_PENDING, (limit,)).fetchall()
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
