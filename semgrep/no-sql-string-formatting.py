from psycopg import sql


def unsafe(cursor, table, key):
    # ruleid: no-sql-string-formatting
    cursor.execute(f"SELECT * FROM {table}")

    # ruleid: no-sql-string-formatting
    cursor.execute("SELECT * FROM t WHERE key = '%s'" % key)

    # ruleid: no-sql-string-formatting
    cursor.executemany("INSERT INTO {} VALUES (%s)".format(table), [(1,)])

    # ruleid: no-sql-string-formatting
    cursor.execute("SELECT * FROM " + table)

    # ruleid: no-sql-string-formatting
    cursor.copy(f"COPY {table} FROM STDIN")

    # ruleid: no-sql-string-formatting
    cursor.executescript("DROP TABLE " + table + ";")


def unsafe_through_variable(cursor, table):
    query = f"DELETE FROM {table}"
    # ruleid: no-sql-string-formatting
    cursor.execute(query)


def safe(cursor, table, key):
    # ok: no-sql-string-formatting
    cursor.execute("SELECT * FROM t WHERE key = %s", (key,))

    # ok: no-sql-string-formatting
    cursor.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(table)))

    # ok: no-sql-string-formatting
    cursor.copy(sql.SQL("COPY {} FROM STDIN").format(sql.Identifier(table)))

    # ok: no-sql-string-formatting
    cursor.execute(
        "SELECT * FROM t " "WHERE key = %s",
        (key,),
    )


def unsafe_through_percent_variable(cursor, key):
    query = "SELECT * FROM t WHERE key = '%s'" % key
    # ruleid: no-sql-string-formatting
    cursor.execute(query)


def safe_through_variable(cursor, key):
    query = "SELECT * FROM t WHERE key = %s"
    # ok: no-sql-string-formatting
    cursor.execute(query, (key,))
