"""Calling the store on behalf of a request: a bad cursor is the client's 400, an absent thing a 404.
The store is safe to share between threads, so handlers call it from FastAPI's thread pool directly."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import Request

from letopis.api.errors import ApiError
from letopis.errors import QueryError
from letopis.store.base import Store

T = TypeVar("T")


def get_store(request: Request) -> Store:
    """FastAPI dependency: the app's store."""
    return request.app.state.store


def ask(call: Callable[[], T]) -> T:
    """Run one store query; a malformed question (a cursor the store did not make) is the client's 400.
    Other store errors (the database failed) reach the 503 handler."""
    try:
        return call()
    except QueryError as exc:
        message = str(exc)
        raise ApiError(400, "invalid_cursor" if "cursor" in message else "invalid_request", message) from None


def found(thing: T | None, what: str, key: object) -> T:
    if thing is None:
        raise ApiError(404, "not_found", f"no {what} {key!r}")
    return thing
