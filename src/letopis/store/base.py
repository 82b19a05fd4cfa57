"""The store interface: one `Store` protocol, the shapes its queries return, and `open_store()`.

A store keeps `letopis.article/1` records and answers questions over them. It knows nothing of how an
article was analysed, only the record. Two backends implement the same protocol and pass the same tests:

- SQLite (`store/sqlite.py`), the embedded default: one file, WAL, FTS5 over stemmed text;
- PostgreSQL (`store/postgres.py`): `postgresql://...` URLs, psycopg 3, the `russian` text search configuration.

Every write of an article is one transaction: a reader (or a crash) never sees half an article.
Every list query is paginated with an opaque `cursor`: pass `Page.next_cursor` back to get the next page;
`None` means there is no more. A malformed question (a cursor the store did not make, a limit below 1)
raises `QueryError`, a `StoreError` subclass; other `StoreError`s mean the database failed. Dates are ISO strings (`YYYY-MM-DD`); `since`/`until` are inclusive.
Names given to queries (`speaker="Токаев"`, `about=["Украина"]`) are matched through the entity registry
(any known name or inflected form of it: `Токаева` finds `Касым-Жомарт Токаев`) or, for speakers that are
not entities, against the speaker's name as written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Literal, Protocol, TypeVar, runtime_checkable

from letopis.model import Article

PutStatus = Literal["inserted", "updated", "unchanged", "duplicate"]
Presence = Literal["new", "same", "changed"]

DEFAULT_PAGE = 50
MAX_PAGE = 1000

T = TypeVar("T")


# --- what the store returns ---------------------------------------------------------------------


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of results; `next_cursor` goes back to the same query for the next page (None: the end)."""

    items: list[T]
    next_cursor: str | None = None


@dataclass(slots=True)
class PutResult:
    """What `put_article` did: inserted a new article, updated (replaced) one, left an equal one alone
    (`unchanged`), or skipped it because the same text is already stored under another id (`duplicate`)."""

    status: PutStatus
    article_id: str
    story_id: int | None = None


@dataclass(slots=True)
class Check:
    """Whether an article is already stored, before analysing it.

    `new`: nothing like it; `same`: the same text is stored (at `article_id`) — skip it; `changed`: an article
    with the same URL (or, without a URL, the same id) is stored with another text — re-analyse and update it,
    keeping `article_id` when the input has no id of its own."""

    status: Presence
    article_id: str | None = None


@dataclass(slots=True)
class Highlight:
    """Where a query term matched inside a snippet, as `[start, stop)` offsets into the snippet."""

    start: int
    stop: int


@dataclass(slots=True)
class ArticleSummary:
    id: str
    date: str | None
    title: str | None
    url: str | None
    outlet: str | None
    story_id: int | None = None
    n_entities: int = 0
    n_quotes: int = 0
    n_events: int = 0
    snippet: str | None = None  # set by search: a stretch of the text around the first match
    highlights: list[Highlight] = field(default_factory=list)


@dataclass(slots=True)
class QuoteHit:
    """One statement with its speaker and where it was published. `speaker_entity` is the corpus-wide
    entity id (see `entity()`), `None` when the speaker is not a known entity (an anonymous source)."""

    article_id: str
    quote_id: str
    kind: str
    text: str
    start: int
    stop: int
    cue: str | None
    speaker_name: str | None
    speaker_type: str | None
    speaker_entity: str | None
    date: str | None
    outlet: str | None
    title: str | None
    url: str | None
    highlights: list[Highlight] = field(default_factory=list)


@dataclass(slots=True)
class EntitySummary:
    """A corpus-wide entity: a stable id, its canonical name and how often it occurs."""

    id: str
    type: str
    name: str
    n_articles: int = 0
    n_mentions: int = 0
    n_quotes: int = 0  # statements attributed to it
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(slots=True)
class NameCount:
    name: str
    n: int


@dataclass(slots=True)
class RoleSpan:
    """A role seen for the entity (in an apposition), with the first and last dates it was seen."""

    role: str
    first_seen: str | None
    last_seen: str | None
    n: int


@dataclass(slots=True)
class TimePoint:
    """Activity in one period (`YYYY-MM`, or `unknown` for undated articles)."""

    period: str
    n_articles: int
    n_quotes: int


@dataclass(slots=True)
class CoOccurrence:
    entity: EntitySummary
    n_articles: int  # articles where both appear


@dataclass(slots=True)
class EntityDetail:
    """Everything about one entity: names, roles, its statements over time, who appears with it."""

    entity: EntitySummary
    names: list[NameCount] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    timeline: list[TimePoint] = field(default_factory=list)
    quotes: list[QuoteHit] = field(default_factory=list)  # its latest statements, newest first
    co_occurring: list[CoOccurrence] = field(default_factory=list)


@dataclass(slots=True)
class StorySummary:
    """A group of near-duplicate articles (the same wire story in several outlets)."""

    id: int
    title: str | None
    n_articles: int
    first_date: str | None
    last_date: str | None
    outlets: list[str] = field(default_factory=list)
    articles: list[ArticleSummary] = field(default_factory=list)


@dataclass(slots=True)
class EventHit:
    """One event with its participants by name (corpus entity ids alongside)."""

    article_id: str
    event_id: str
    type: str
    trigger: str
    date: str | None
    modality: str
    actors: list[str]
    targets: list[str]
    place: str | None
    article_date: str | None
    outlet: str | None
    entity_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Citation:
    """How often an outlet relies on a source (`attribution.via`)."""

    outlet: str | None
    via: str
    n_articles: int


@dataclass(slots=True)
class RunInfo:
    """One ingestion run."""

    id: int
    started_at: str
    finished_at: str | None
    status: str  # running | done | interrupted | failed
    sources: list[str]
    read: int = 0
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0


@dataclass(slots=True)
class Stats:
    articles: int
    entities: int
    quotes: int
    events: int
    stories: int  # stories with two or more articles
    runs: int
    first_date: str | None
    last_date: str | None
    outlets: list[NameCount] = field(default_factory=list)


@dataclass(slots=True)
class QuoteFacets:
    """How the statements matching a filter divide: by speaker, outlet, month (`YYYY-MM`) and kind."""

    speakers: list[NameCount] = field(default_factory=list)
    outlets: list[NameCount] = field(default_factory=list)
    months: list[NameCount] = field(default_factory=list)
    kinds: list[NameCount] = field(default_factory=list)


@dataclass(slots=True)
class QuoteFilter:
    """Filters of `quotes()`; all given filters must hold. `about` lists entities that must all be mentioned
    inside the statement; `query` is full-text over the statement (inflected forms match)."""

    speaker: str | None = None
    about: Sequence[str] = ()
    outlet: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None
    query: str | None = None


# --- the interface ------------------------------------------------------------------------------------


@runtime_checkable
class Store(Protocol):
    """A chronicle database. Safe to share between threads of one process; open one per process."""

    url: str  # where it lives: a file path or a postgresql:// URL (without password)

    # -- life cycle
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    # -- writing
    def check(self, text: str, url: str | None = None, id: str | None = None) -> Check:
        """Is this input already stored? Cheap; ingestion asks before it analyses anything."""

    def put_article(self, article: Article, *, run_id: int | None = None, replace: bool = False,
                    skip_same_text: bool = True) -> PutResult:
        """Store one analysed article in one transaction, linking its entities to the registry and its text
        to a story. An article with the same id and text is left alone (`unchanged`) unless `replace`;
        one with the same id or URL and another text replaces it (`updated`); with `skip_same_text`, the same
        text under another id is not stored again (`duplicate`)."""

    def put_articles(self, articles: Sequence[Article], *, run_id: int | None = None, replace: bool = False,
                     skip_same_text: bool = True) -> list[PutResult]:
        """Several articles in one transaction (ingestion's groups, bulk loads): all are stored or none."""

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and everything derived from it; False when there was none."""

    def start_run(self, sources: Sequence[str]) -> int:
        """Record the start of an ingestion run; returns its id. Runs left `running` by a process that
        no longer exists are marked `interrupted`."""

    def finish_run(self, run_id: int, status: str, *, read: int, inserted: int, updated: int,
                   skipped: int, failed: int) -> None:
        """Record the end (or the progress, with status `running`) of a run."""

    def runs(self, limit: int = 20) -> list[RunInfo]:
        """The latest runs, newest first."""

    # -- reading articles
    def get_article(self, article_id: str) -> Article | None:
        """The stored record, equal to the one that was put."""

    def article_entities(self, article_id: str) -> dict[str, str]:
        """The corpus-wide entity id of each entity of a stored article (`{"e1": "p3fa9c01b2", ...}`)."""

    def iter_articles(self) -> Iterator[Article]:
        """Every stored record, in storage order (for export)."""

    def list_articles(self, *, limit: int = DEFAULT_PAGE, cursor: str | None = None, outlet: str | None = None,
                      since: str | None = None, until: str | None = None, story_id: int | None = None,
                      entity: str | None = None) -> Page[ArticleSummary]:
        """Articles, newest first, optionally of one outlet, date range, story or entity (id or name); each
        summary's `snippet` is the start of the text."""

    def search(self, query: str, *, limit: int = DEFAULT_PAGE, cursor: str | None = None,
               since: str | None = None, until: str | None = None, outlet: str | None = None
               ) -> Page[ArticleSummary]:
        """Full-text search over titles and texts, best match first, each with a snippet. Inflected forms
        match (`переговоры` finds `переговорах`), ё and е are the same letter; all words must occur."""

    def quotes(self, filter: QuoteFilter | None = None, *, limit: int = DEFAULT_PAGE,
               cursor: str | None = None) -> Page[QuoteHit]:
        """Statements matching the filter, newest first (best match first when `filter.query` is given)."""

    def quote_facets(self, filter: QuoteFilter | None = None, *, top: int = 12) -> QuoteFacets:
        """Counts over all statements matching the filter: the `top` speakers, outlets, months and kinds."""

    # -- entities
    def entities(self, *, query: str | None = None, type: str | None = None, limit: int = DEFAULT_PAGE,
                 cursor: str | None = None) -> Page[EntitySummary]:
        """Corpus-wide entities, the most written-about first; `query` matches any of their names."""

    def find_entities(self, name: str, type: str | None = None) -> list[EntitySummary]:
        """Entities one of whose names matches `name` (an id, a full name, a surname, an inflected form),
        the most written-about first."""

    def entity(self, id_or_name: str, *, quotes: int = 20, co_occurring: int = 20) -> EntityDetail | None:
        """One entity by id or by name (the best match of `find_entities`), with names, roles,
        statements over time and the entities that appear with it (counted over its latest 2,000 articles)."""

    # -- stories, events, attribution
    def stories(self, *, min_articles: int = 2, limit: int = DEFAULT_PAGE,
                cursor: str | None = None) -> Page[StorySummary]:
        """Groups of near-duplicate articles, the largest first."""

    def story(self, story_id: int) -> StorySummary | None:
        """One story with all its articles."""

    def events(self, *, type: str | None = None, entity: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = DEFAULT_PAGE, cursor: str | None = None) -> Page[EventHit]:
        """Events, newest first, optionally of one type or involving one entity (id or name)."""

    def event_types(self) -> list[NameCount]:
        """Event types and how many events of each are stored."""

    def citations(self, source: str | None = None, *, limit: int = 100) -> list[Citation]:
        """Which outlets cite which sources (`attribution`): with `source` ('Акорда'), the outlets citing it."""

    def stats(self) -> Stats:
        """What the database holds."""


# --- opening ---------------------------------------------------------------------------------------------


def default_location() -> Path:
    """`$LETOPIS_DB`, else `$XDG_DATA_HOME/letopis/letopis.db` (`~/.local/share/letopis/letopis.db`)."""
    env = os.environ.get("LETOPIS_DB")
    if env:
        return Path(env).expanduser()
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "letopis" / "letopis.db"


def is_postgres_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def open_store(location: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> Store:
    """Open (creating and migrating when needed) the store at `location`.

    `location` is a file path for SQLite or a `postgresql://user@host:port/db` URL; a `schema=NAME` query
    parameter puts letopis's tables in that PostgreSQL schema (created if missing). None means `$LETOPIS_DB`
    or the default file. Raises `StoreError` with what to do when it cannot be opened."""
    loc = str(location) if location is not None else str(default_location())
    if is_postgres_url(loc):
        from letopis.store.postgres import PostgresStore

        return PostgresStore(loc, readonly=readonly)
    from letopis.store.sqlite import SqliteStore

    return SqliteStore(Path(loc).expanduser(), readonly=readonly)
