"""Analysing and storing articles for the API: `POST /api/analyze`, `POST /api/ingest`, the analyze page.

The analysis runs under one lock per process: natasha's models are shared, and one analysis at a time keeps
a burst of requests from eating every core the readers need.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

from letopis.api.querying import ask
from letopis.api.shapes import ArticleIn, IngestItemOut, iso
from letopis.model import Article
from letopis.read.base import RawArticle
from letopis.store.base import Store

_analysis_lock = threading.Lock()
FETCH_TIMEOUT_S = 15.0


def raw_from_input(item: ArticleIn, source: str) -> RawArticle:
    return RawArticle(text=item.text, source=source, id=item.id, date=iso(item.date), title=item.title,
                      url=item.url, outlet=item.outlet)


def analyse(raw: RawArticle) -> Article:
    """The `letopis.article/1` record of one article."""
    from letopis.analysis import analyze_raw

    with _analysis_lock:
        return analyze_raw(raw)


def store_raw(store: Store, raw: RawArticle) -> IngestItemOut:
    """Analyse and store one article unless the same text is already stored; never raises for a bad article."""
    try:
        seen = ask(lambda: store.check(raw.text, url=raw.url, id=raw.id))
        if seen.status == "same":
            return IngestItemOut(source=raw.source, status="unchanged", article_id=seen.article_id)
        if seen.status == "changed" and not raw.id and seen.article_id:
            raw.id = seen.article_id
        article = analyse(raw)
        result = ask(lambda: store.put_article(article))
    except Exception as exc:  # a bad article is reported, the batch goes on
        return IngestItemOut(source=raw.source, status="failed", problem=f"{type(exc).__name__}: {exc}")
    return IngestItemOut(source=raw.source, status=result.status, article_id=result.article_id,
                         story_id=result.story_id)


def store_url(store: Store, url: str, allow_private: bool) -> list[IngestItemOut]:
    """Fetch a page (one article) or a feed (each entry's page) and store what it holds.

    Fetching is ingestion's own (`letopis.ingest.fetch`): http(s) only, the checked address pinned for the
    connection, private and local addresses refused unless `allow_private`, every redirect checked."""
    from letopis.errors import InputError
    from letopis.ingest.fetch import FetchPolicy
    from letopis.ingest.sources import read_sources

    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return [IngestItemOut(source=url, status="failed",
                              problem="only http and https URLs are fetched; send texts as `articles`")]
    if parts.username or parts.password:
        return [IngestItemOut(source=url, status="failed", problem="URLs with credentials are not fetched")]
    items = []
    for item in read_sources([url], FetchPolicy(allow_private=allow_private, timeout=FETCH_TIMEOUT_S)):
        if isinstance(item, InputError):
            items.append(IngestItemOut(source=item.item, status="failed", problem=item.problem))
        else:
            items.append(store_raw(store, item))
    return items
