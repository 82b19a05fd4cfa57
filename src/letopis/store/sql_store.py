"""`SqlStore`: the Store protocol over any DB-API connection; backends add a `Dialect` and a connection.

Writes take a lock (one writer per store object) and run in one transaction each; reads share the same
connection under the same lock, so a store object can be used from several threads. Queries live in
`queries.py` (a mixin); writing an article lives in `write.py`; entity linking in `registry.py`.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from letopis.errors import StoreError
from letopis.model import Article
from letopis.store.base import Check, PutResult, RunInfo
from letopis.store.queries import QueryMixin
from letopis.store.sql import Tx
from letopis.store.write import delete_rows, now, text_hash, write_article

RUN_STATUSES = ("running", "done", "interrupted", "failed")


@dataclass(slots=True)
class FtsClause:
    """How a backend matches a full-text query: a join, a condition and an ordering, with their params."""

    join: str
    where: str
    order: str
    where_params: tuple[Any, ...]
    order_params: tuple[Any, ...]


class Dialect:
    """What differs between backends: the full-text index."""

    paramstyle = "qmark"

    def fts_insert(self, tx: Tx, table: str, rowid: int, terms: str) -> None:
        raise NotImplementedError

    def fts_delete(self, tx: Tx, table: str, rowids: Sequence[int]) -> None:
        raise NotImplementedError

    def fts_clause(self, table: str, key: str, query: str) -> FtsClause | None:
        """Match `table`'s index (articles or quotes) for rows whose `key` column is the indexed rowid."""
        raise NotImplementedError

    def fts_ranked(self, table: str, query: str, within: str | None, within_params: Sequence[Any],
                   limit: int, offset: int) -> tuple[str, tuple[Any, ...]] | None:
        """SQL and parameters giving the ids (column `ref`) of `table`'s best matches, best first, reading
        only the full-text index; `within` is a subquery of the ids allowed (other filters), or None."""
        raise NotImplementedError


class SqlStore(QueryMixin):
    url: str
    dialect: Dialect

    def __init__(self, url: str, conn: Any, dialect: Dialect, readonly: bool = False):
        self.url = url
        self.conn = conn
        self.dialect = dialect
        self.readonly = readonly
        self._lock = threading.RLock()

    # -- life cycle ------------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self.conn is not None:
                self.conn.close()
                self.conn = None

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"

    def _connection(self) -> Any:
        if self.conn is None:
            raise StoreError(f"the store {self.url} is closed")
        return self.conn

    @contextmanager
    def _write(self) -> Iterator[Tx]:
        """One write transaction; rolled back entirely when anything in it fails."""
        if self.readonly:
            raise StoreError(f"the store {self.url} was opened read-only")
        with self._lock:
            with self._begin(self._connection()) as tx:
                yield tx

    @contextmanager
    def _read(self) -> Iterator[Tx]:
        with self._lock:
            with self._snapshot(self._connection()) as tx:
                yield tx

    @contextmanager
    def _begin(self, conn: Any) -> Iterator[Tx]:
        raise NotImplementedError

    @contextmanager
    def _snapshot(self, conn: Any) -> Iterator[Tx]:
        raise NotImplementedError

    # -- writing -----------------------------------------------------------------------------------------

    def check(self, text: str, url: str | None = None, id: str | None = None) -> Check:
        digest = text_hash(text)
        with self._read() as tx:
            for column, value in (("url", url), ("id", id)):
                if value:
                    row = tx.one(f"SELECT id, text_hash FROM articles WHERE {column} = ? ORDER BY seq LIMIT 1",
                                 (value,))
                    if row is not None:
                        return Check("same" if row["text_hash"] == digest else "changed", row["id"])
            row = tx.one("SELECT id FROM articles WHERE text_hash = ? LIMIT 1", (digest,))
        return Check("same", row["id"]) if row else Check("new")

    def put_article(self, article: Article, *, run_id: int | None = None, replace: bool = False,
                    skip_same_text: bool = True) -> PutResult:
        with self._write() as tx:
            return write_article(tx, self.dialect, article, run_id, replace, skip_same_text)

    def put_articles(self, articles: Sequence[Article], *, run_id: int | None = None, replace: bool = False,
                     skip_same_text: bool = True) -> list[PutResult]:
        """Several articles in one transaction (ingestion's groups, bulk loads); all or none are stored."""
        with self._write() as tx:
            return [write_article(tx, self.dialect, a, run_id, replace, skip_same_text) for a in articles]

    def delete_article(self, article_id: str) -> bool:
        with self._write() as tx:
            seq = tx.value("SELECT seq FROM articles WHERE id = ?", (article_id,))
            if seq is None:
                return False
            delete_rows(tx, self.dialect, seq)
            return True

    # -- runs ----------------------------------------------------------------------------------------------

    def start_run(self, sources: Sequence[str]) -> int:
        host = socket.gethostname()
        with self._write() as tx:
            for r in tx.rows("SELECT id, pid FROM runs WHERE status = 'running' AND host = ?", (host,)):
                if not pid_alive(r["pid"]):
                    tx.run("UPDATE runs SET status = 'interrupted' WHERE id = ?", (r["id"],))
            return tx.value("INSERT INTO runs (started_at, status, sources, host, pid) VALUES (?, 'running', ?, ?, ?) "
                            "RETURNING id", (now(), json.dumps(list(sources), ensure_ascii=False), host, os.getpid()))

    def finish_run(self, run_id: int, status: str, *, read: int, inserted: int, updated: int,
                   skipped: int, failed: int) -> None:
        if status not in RUN_STATUSES:
            raise StoreError(f"unknown run status {status!r}; one of {', '.join(RUN_STATUSES)}")
        finished = None if status == "running" else now()
        with self._write() as tx:
            tx.run("UPDATE runs SET status = ?, finished_at = ?, n_read = ?, n_inserted = ?, n_updated = ?, "
                   "n_skipped = ?, n_failed = ? WHERE id = ?",
                   (status, finished, read, inserted, updated, skipped, failed, run_id))

    def runs(self, limit: int = 20) -> list[RunInfo]:
        with self._read() as tx:
            rows = tx.rows("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,))
        return [RunInfo(r["id"], r["started_at"], r["finished_at"], r["status"], json.loads(r["sources"]),
                        r["n_read"], r["n_inserted"], r["n_updated"], r["n_skipped"], r["n_failed"]) for r in rows]


def pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
