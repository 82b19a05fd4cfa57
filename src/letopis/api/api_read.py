"""The reading half of the JSON API: articles, search, quotes, entities, stories, events, stats."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from letopis.api.errors import ApiError
from letopis.api.limits import DEFAULT_PAGE, MAX_PAGE, MAX_QUERY_CHARS, NO_NUL
from letopis.api.querying import ask, found, get_store
from letopis.api.shapes import (
    ERRORS,
    ArticlesPage,
    EntitiesPage,
    EntityOut,
    EventsPage,
    QuotesPage,
    StatsOut,
    StoriesPage,
    StoryOut,
    TypeCounts,
    iso,
    page_response,
    plain_response,
)
from letopis.store.base import QuoteFilter, Store

router = APIRouter(prefix="/api", responses=ERRORS)

StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"items per page, at most {MAX_PAGE}")]
Cursor = Annotated[str | None, Query(max_length=512, pattern=NO_NUL, description="`next_cursor` of the previous page")]
Since = Annotated[date | None, Query(description="from this date on (YYYY-MM-DD, inclusive)")]
Until = Annotated[date | None, Query(description="up to this date (YYYY-MM-DD, inclusive)")]
Name = Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL)]
Text = Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS, pattern=NO_NUL,
                            description="words to find; inflected forms match")]
OptText = Annotated[str | None, Query(min_length=1, max_length=MAX_QUERY_CHARS, pattern=NO_NUL)]
Id = Annotated[str, Path(min_length=1, max_length=200, pattern=NO_NUL)]
EventType = Annotated[str | None, Query(min_length=1, max_length=50, pattern=NO_NUL)]
MAX_ID = 2**31 - 1  # story ids fit a 32-bit integer column on both backends
StoryQuery = Annotated[int | None, Query(ge=0, le=MAX_ID)]
StoryPath = Annotated[int, Path(ge=0, le=MAX_ID)]


@router.get("/articles", response_model=ArticlesPage, tags=["articles"])
def list_articles(request: Request, store: StoreDep, limit: Limit = DEFAULT_PAGE, cursor: Cursor = None,
                  outlet: Name = None, since: Since = None, until: Until = None,
                  story: StoryQuery = None, entity: Name = None) -> Any:
    """Articles, newest first; optionally of one outlet, date range, story, or mentioning one entity."""
    page = ask(lambda: store.list_articles(limit=limit, cursor=cursor, outlet=outlet, since=iso(since),
                                           until=iso(until), story_id=story, entity=entity))
    return page_response(request, page)


@router.get("/articles/{article_id:path}", tags=["articles"])
def get_article(article_id: Id, store: StoreDep) -> dict[str, Any]:
    """One stored `letopis.article/1` record."""
    return found(ask(lambda: store.get_article(article_id)), "article", article_id).to_json()


@router.get("/search", response_model=ArticlesPage, tags=["articles"])
def search(request: Request, store: StoreDep, q: Text, limit: Limit = DEFAULT_PAGE, cursor: Cursor = None,
           outlet: Name = None, since: Since = None, until: Until = None) -> Any:
    """Full-text search over titles and texts, best match first, with a snippet and highlights."""
    page = ask(lambda: store.search(q, limit=limit, cursor=cursor, since=iso(since), until=iso(until), outlet=outlet))
    return page_response(request, page)


@router.get("/quotes", response_model=QuotesPage, tags=["quotes"])
def quotes(request: Request, store: StoreDep, limit: Limit = DEFAULT_PAGE, cursor: Cursor = None,
           speaker: Name = None,
           about: Annotated[list[str], Query(max_length=10, description="entities mentioned in the statement")] = (),  # type: ignore[assignment]
           outlet: Name = None, kind: Annotated[str | None, Query(pattern="^(direct|indirect|mixed)$")] = None,
           since: Since = None, until: Until = None, q: OptText = None) -> Any:
    """Statements, newest first (best match first with `q`), filtered by speaker, mentioned entities,
    outlet, kind, dates and words."""
    if any(not a or len(a) > 200 or "\x00" in a for a in about):
        raise ApiError(400, "invalid_request", "about: each name must have 1 to 200 characters, none of them NUL")
    flt = QuoteFilter(speaker=speaker, about=list(about), outlet=outlet, kind=kind, since=iso(since),
                      until=iso(until), query=q)
    return page_response(request, ask(lambda: store.quotes(flt, limit=limit, cursor=cursor)))


@router.get("/entities", response_model=EntitiesPage, tags=["entities"])
def entities(request: Request, store: StoreDep, limit: Limit = DEFAULT_PAGE, cursor: Cursor = None,
             q: OptText = None, type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC)$")] = None) -> Any:
    """Corpus-wide entities, the most written-about first; `q` matches any of their names."""
    return page_response(request, ask(lambda: store.entities(query=q, type=type, limit=limit, cursor=cursor)))


@router.get("/entities/{entity_id:path}", response_model=EntityOut, tags=["entities"])
def entity(entity_id: Id, store: StoreDep,
           quotes: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 20,
           co_occurring: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 20) -> Any:
    """One entity by id or name: names, roles, statements over time, latest statements, who appears with it."""
    detail = ask(lambda: store.entity(entity_id, quotes=quotes, co_occurring=co_occurring))
    return plain_response(found(detail, "entity", entity_id))


@router.get("/stories", response_model=StoriesPage, tags=["stories"])
def stories(request: Request, store: StoreDep, limit: Limit = DEFAULT_PAGE, cursor: Cursor = None,
            min_articles: Annotated[int, Query(ge=1, le=1000)] = 2) -> Any:
    """Groups of near-duplicate articles (one wire story in several outlets), the largest first."""
    return page_response(request, ask(lambda: store.stories(min_articles=min_articles, limit=limit, cursor=cursor)))


@router.get("/stories/{story_id}", response_model=StoryOut, tags=["stories"])
def story(story_id: StoryPath, store: StoreDep) -> Any:
    """One story with all its articles."""
    return plain_response(found(ask(lambda: store.story(story_id)), "story", story_id))


@router.get("/events", response_model=EventsPage, tags=["events"])
def events(request: Request, store: StoreDep, limit: Limit = DEFAULT_PAGE, cursor: Cursor = None,
           type: EventType = None, entity: Name = None,
           since: Since = None, until: Until = None) -> Any:
    """Events, newest first, optionally of one type or involving one entity."""
    page = ask(lambda: store.events(type=type, entity=entity, since=iso(since), until=iso(until),
                                    limit=limit, cursor=cursor))
    return page_response(request, page)


@router.get("/event-types", response_model=TypeCounts, tags=["events"])
def event_types(store: StoreDep) -> Any:
    """Event types with how many events of each are stored."""
    return plain_response(ask(store.event_types))


@router.get("/stats", response_model=StatsOut, tags=["meta"])
def stats(store: StoreDep) -> Any:
    """What the database holds."""
    return plain_response(ask(store.stats))
