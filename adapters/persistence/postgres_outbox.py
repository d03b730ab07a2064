from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import sql

from adapters.persistence.message_codec import decode_attributes, encode_attributes
from adapters.persistence.postgres_errors import postgres_errors
from adapters.persistence.postgres_tables import PostgresTables
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import Outbox, PendingMessage

COPY_IN = sql.SQL("COPY {} (topic, data, attributes) FROM STDIN")
SELECT_PENDING = sql.SQL(
    "SELECT position, topic, data, attributes FROM {} WHERE published_at IS NULL"
    " ORDER BY position LIMIT %s FOR UPDATE SKIP LOCKED"
)
MARK_PUBLISHED = sql.SQL(
    "UPDATE {} SET published_at = now() WHERE position = ANY(%s::bigint[])"
    " AND published_at IS NULL"
)


class PostgresOutbox(Outbox):
    def __init__(self, connection: psycopg.Connection[Any], tables: PostgresTables) -> None:
        self._connection = connection
        self._tables = tables

    def add(self, messages: Sequence[OutboundMessage]) -> None:
        with postgres_errors(), self._connection.cursor() as cursor:
            with cursor.copy(COPY_IN.format(self._tables.outbox)) as copy:
                for message in messages:
                    copy.write_row(
                        (message.topic, message.data, encode_attributes(message.attributes))
                    )

    def pending(self, limit: int) -> Sequence[PendingMessage]:
        query = SELECT_PENDING.format(self._tables.outbox)
        with postgres_errors():
            rows = self._connection.execute(query, (limit,)).fetchall()
        return [
            PendingMessage(
                position=position,
                message=OutboundMessage(
                    topic=topic, data=bytes(data), attributes=decode_attributes(attributes)
                ),
            )
            for position, topic, data, attributes in rows
        ]

    def mark_published(self, positions: Sequence[int]) -> None:
        query = MARK_PUBLISHED.format(self._tables.outbox)
        with postgres_errors():
            self._connection.execute(query, (list(positions),))
