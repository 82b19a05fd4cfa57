"""What both SQL backends share: a transaction helper with one placeholder style, cursors, migrations.

Queries are written once with `?` placeholders; `Tx` turns them into `%s` for psycopg. SQL text never holds
values: everything from outside goes in as a parameter.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from letopis.errors import QueryError, StoreError

Row = dict[str, Any]


@dataclass(slots=True)
class Tx:
    """A connection inside a transaction (or an autocommit read), with small helpers returning dicts."""

    conn: Any
    paramstyle: str  # "qmark" (sqlite3) or "format" (psycopg)

    def sql(self, query: str) -> str:
        return query if self.paramstyle == "qmark" else to_format(query)

    def run(self, query: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.sql(query), tuple(params))

    def many(self, query: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if not rows:
            return
        cur = self.conn.cursor()
        try:
            cur.executemany(self.sql(query), rows)
        finally:
            cur.close()

    def rows(self, query: str, params: Sequence[Any] = ()) -> list[Row]:
        return [dict(r) for r in self.run(query, params).fetchall()]

    def one(self, query: str, params: Sequence[Any] = ()) -> Row | None:
        r = self.run(query, params).fetchone()
        return dict(r) if r is not None else None

    def value(self, query: str, params: Sequence[Any] = ()) -> Any:
        r = self.one(query, params)
        return next(iter(r.values())) if r else None


_QMARK = re.compile(r"\?")


def to_format(query: str) -> str:
    """`?` placeholders → `%s` (the SQL here holds no literal `?` or `%`)."""
    return _QMARK.sub("%s", query)


# --- opaque cursors ------------------------------------------------------------------------------------


def encode_cursor(*values: Any) -> str:
    raw = json.dumps(list(values), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> list[Any] | None:
    """The values in a cursor made by `encode_cursor`, or StoreError for a cursor that is not one."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise QueryError(f"invalid cursor {cursor[:40]!r}: pass back the next_cursor a query returned") from None
    if not isinstance(values, list) or len(values) != size:
        raise QueryError(f"invalid cursor {cursor[:40]!r}: pass back the next_cursor a query returned")
    return values


def check_limit(limit: int, maximum: int) -> int:
    if not isinstance(limit, int) or limit < 1:
        raise QueryError(f"limit must be a positive integer, got {limit!r}")
    return min(limit, maximum)


# --- migrations ----------------------------------------------------------------------------------------


def migrate(tx: Tx, migrations: Sequence[Sequence[str]]) -> int:
    """Apply the migrations the database has not seen yet (inside the caller's transaction).

    `migrations[i]` holds the statements that take the schema from version i to i + 1; the version lives in
    the `schema_version` table. Returns the version reached. A database newer than this letopis is refused."""
    tx.run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    current = tx.value("SELECT max(version) AS v FROM schema_version") or 0
    if current > len(migrations):
        raise StoreError(f"the database has schema version {current}, newer than this letopis knows "
                         f"({len(migrations)}): upgrade letopis")
    for version in range(current, len(migrations)):
        for statement in migrations[version]:
            tx.run(statement)
        tx.run("INSERT INTO schema_version (version) VALUES (?)", (version + 1,))
    return len(migrations)
