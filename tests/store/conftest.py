"""The store fixture: every test in this folder runs on SQLite (a temporary file) and on PostgreSQL
(127.0.0.1:5432, database `test`, a fresh schema per test, dropped afterwards)."""

from __future__ import annotations

import itertools
import os
import secrets

import pytest

from letopis.store import open_store

PG_URL = os.environ.get("LETOPIS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
SESSION = secrets.token_hex(3)
_counter = itertools.count(1)
_pg_state: dict[str, str | None] = {}


def pg_problem() -> str | None:
    """Why PostgreSQL cannot be used for tests, or None when it can (checked once)."""
    if "problem" not in _pg_state:
        try:
            import psycopg

            with psycopg.connect(PG_URL, connect_timeout=3) as conn:
                conn.execute("SELECT 1")
            _pg_state["problem"] = None
        except Exception as exc:  # the server is down or unreachable
            _pg_state["problem"] = f"PostgreSQL at {PG_URL} is not reachable ({str(exc).strip()[:120]}); " \
                                   "start it as DEVELOPERS.md says"
    return _pg_state["problem"]


def drop_schema(name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """A location for a fresh, empty store on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "letopis.db")
        return
    problem = pg_problem()
    if problem:
        pytest.skip(problem)
    schema = f"letopis_test_{SESSION}_{next(_counter)}"
    yield f"{PG_URL}?schema={schema}"
    drop_schema(schema)


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()
