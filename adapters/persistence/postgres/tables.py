from psycopg import sql


class PostgresTables:
    def __init__(self, schema: str | None = None) -> None:
        qualifier = () if schema is None else (schema,)
        self.schema = schema
        self.records = sql.Identifier(*qualifier, "records")
        self.imports = sql.Identifier(*qualifier, "imports")
        self.outbox = sql.Identifier(*qualifier, "outbox")
        self.unpublished_index = sql.Identifier("outbox_unpublished")
