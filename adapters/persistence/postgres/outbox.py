from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import sql

from adapters.persistence.message_codec import decode_attributes, encode_attributes
from adapters.persistence.postgres.errors import postgres_errors
from adapters.persistence.postgres.tables import PostgresTables
from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import Outbox, OutboxBacklog, PendingMessage

RESERVE_POSITIONS = sql.SQL(
    "SELECT nextval(pg_get_serial_sequence(%s, 'position')), statement_timestamp()::text"
    " FROM generate_series(1, %s)"
)
COPY_IN = sql.SQL("COPY {} (position, created_at, topic, data, attributes) FROM STDIN")
SELECT_PENDING = sql.SQL(
    "SELECT position, topic, data, attributes FROM {} WHERE published_at IS NULL"
    " AND created_at <= now() - make_interval(secs => %s)"
    " ORDER BY position LIMIT %s FOR UPDATE SKIP LOCKED"
)
MARK_PUBLISHED = sql.SQL(
    "UPDATE {} SET published_at = now() WHERE position = ANY(%s::bigint[])"
    " AND published_at IS NULL"
)

BACKLOG = sql.SQL(
    "SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float8"
    " FROM {} WHERE published_at IS NULL"
)


class PostgresOutbox(Outbox):
    def __init__(self, connection: psycopg.Connection[Any], tables: PostgresTables) -> None:
        self._connection = connection
        self._tables = tables

    def add(self, messages: Sequence[OutboundMessage]) -> list[PendingMessage]:
        if not messages:
            return []
        with postgres_errors(), self._connection.cursor() as cursor:
            reserved = cursor.execute(
                RESERVE_POSITIONS, (self._tables.outbox.as_string(), len(messages))
            ).fetchall()
            with cursor.copy(COPY_IN.format(self._tables.outbox)) as copy:
                for (position, written_at), message in zip(reserved, messages, strict=True):
                    copy.write_row(
                        (
                            position,
                            written_at,
                            message.topic,
                            message.data,
                            encode_attributes(message.attributes),
                        )
                    )
        return [
            PendingMessage(position=position, message=message)
            for (position, _), message in zip(reserved, messages, strict=True)
        ]

    def pending(self, limit: int, *, min_age_seconds: float = 0.0) -> Sequence[PendingMessage]:
        query = SELECT_PENDING.format(self._tables.outbox)
        with postgres_errors():
            rows = self._connection.execute(query, (min_age_seconds, limit)).fetchall()
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

    def backlog(self) -> OutboxBacklog:
        with postgres_errors():
            row = self._connection.execute(BACKLOG.format(self._tables.outbox)).fetchone()
        pending, age = row if row is not None else (0, 0.0)
        return OutboxBacklog(pending=pending, oldest_age_seconds=max(age, 0.0))
