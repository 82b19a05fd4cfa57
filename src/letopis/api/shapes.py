"""JSON shapes of the API: dataclasses of the store as plain dicts, pages with a `next` link, input models."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Annotated, Any, Generic, TypeVar
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from letopis.api.limits import MAX_BATCH_ARTICLES, MAX_BATCH_URLS, MAX_TEXT_CHARS, NO_NUL
from letopis.store.base import (
    ArticleSummary,
    EntityDetail,
    EntitySummary,
    EventHit,
    NameCount,
    Page,
    QuoteHit,
    Stats,
    StorySummary,
)

T = TypeVar("T")


def plain(obj: Any) -> Any:
    """A store result (dataclass, list of them) as JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, list):
        return [plain(x) for x in obj]
    return obj


def next_link(request: Request, next_cursor: str | None) -> str | None:
    """The same request with `cursor` set to `next_cursor`, as a path with its query (None at the end)."""
    if not next_cursor:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    params.append(("cursor", next_cursor))
    return f"{request.url.path}?{urlencode(params)}"


def page_response(request: Request, page: Page[Any]) -> JSONResponse:
    """One page as JSON: `items`, the `next` link and the `next_cursor` it carries."""
    body = {"items": plain(page.items), "next": next_link(request, page.next_cursor), "next_cursor": page.next_cursor}
    return JSONResponse(body)


def plain_response(obj: Any) -> JSONResponse:
    """A store result as JSON, without a second validation pass (the response model documents it)."""
    return JSONResponse(plain(obj))


def iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


# --- documented response shapes (for OpenAPI; handlers return plain dicts) --------------------------------


class PageOf(BaseModel, Generic[T]):
    items: list[T]
    next: str | None = Field(None, description="path of the next page; null on the last page")
    next_cursor: str | None = Field(None, description="opaque cursor of the next page (what `next` carries)")


ArticlesPage = PageOf[ArticleSummary]
QuotesPage = PageOf[QuoteHit]
EntitiesPage = PageOf[EntitySummary]
StoriesPage = PageOf[StorySummary]
EventsPage = PageOf[EventHit]
EntityOut = EntityDetail
StoryOut = StorySummary
StatsOut = Stats
TypeCounts = list[NameCount]


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorOut(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "a bad request: what is wrong, field by field"},
    404: {"model": ErrorOut, "description": "nothing with this id"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": ErrorOut, "description": "no token sent"},
    403: {"model": ErrorOut, "description": "wrong token, or the server is read-only"},
    413: {"model": ErrorOut, "description": "the request body is over the size limit"},
}


# --- inputs -------------------------------------------------------------------------------------------



class ArticleIn(BaseModel):
    """One article to analyse: its text and whatever metadata is known."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS, pattern=NO_NUL, description="the article body")
    id: str | None = Field(None, min_length=1, max_length=200, pattern=NO_NUL)
    date: datetime.date | None = Field(None, description="publication date, YYYY-MM-DD")
    title: str | None = Field(None, max_length=1000, pattern=NO_NUL)
    url: str | None = Field(None, max_length=2000, pattern=NO_NUL)
    outlet: str | None = Field(None, max_length=200, pattern=NO_NUL)


class IngestIn(BaseModel):
    """Articles (analysed and stored) and/or URLs of pages (fetched, extracted, analysed and stored)."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(default_factory=list, max_length=MAX_BATCH_ARTICLES)
    urls: list[Annotated[str, Field(min_length=1, max_length=2000, pattern=NO_NUL)]] = Field(
        default_factory=list, max_length=MAX_BATCH_URLS)


class IngestItemOut(BaseModel):
    source: str
    status: str = Field(..., description="inserted | updated | unchanged | duplicate | failed")
    article_id: str | None = None
    story_id: int | None = None
    problem: str | None = None


class IngestOut(BaseModel):
    items: list[IngestItemOut]
    stored: int
    failed: int
