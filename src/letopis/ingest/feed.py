"""RSS and Atom feeds → articles: feedparser reads the entries, each entry's page is fetched and extracted.

An entry whose page cannot be fetched is reported with the reason; when the feed itself carries the full
text (`content:encoded`, Atom `content`) that text is used instead and nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from letopis.errors import InputError
from letopis.ingest.fetch import FetchPolicy, fetch
from letopis.ingest.html import parse_html, url_id
from letopis.read.base import RawArticle, ReadResult

FULL_TEXT = 400  # characters of feed content that count as the whole article


@dataclass(slots=True)
class Entry:
    link: str | None
    title: str | None
    date: str | None
    content: str  # HTML or text the feed carries for the entry ("" if none)


def parse_feed(data: bytes, source: str) -> tuple[str | None, list[Entry]]:
    """The feed's title and entries; InputError when `data` is not a feed."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = "not an RSS or Atom feed" if parsed.bozo or not parsed.get("version") else "the feed has no entries"
        raise InputError(source, problem)
    entries = []
    for e in parsed.entries:
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e.content), key=len)
        entries.append(Entry(e.get("link"), e.get("title"), entry_date(e), content))
    return parsed.feed.get("title"), entries


def entry_date(e) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        t = e.get(key)
        if t:
            try:
                return dt.date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()
            except ValueError:
                return None
    return None


def read_feed(data: bytes, source: str, policy: FetchPolicy) -> Iterator[ReadResult]:
    """Every entry of a feed as an article (or an InputError naming the entry and the problem)."""
    try:
        feed_title, entries = parse_feed(data, source)
    except InputError as exc:
        yield exc
        return
    for number, entry in enumerate(entries, 1):
        item = entry.link or f"{source}#{number}"
        try:
            yield entry_article(entry, item, feed_title, policy)
        except InputError as exc:
            yield InputError(item, exc.problem)


def entry_article(entry: Entry, item: str, feed_title: str | None, policy: FetchPolicy) -> RawArticle:
    if len(entry.content) >= FULL_TEXT:
        raw = parse_html(f"<html><body><article>{entry.content}</article></body></html>".encode(), item,
                         entry.link, title=entry.title, date=entry.date, outlet=feed_title)
    elif entry.link:
        page = fetch(entry.link, policy)
        raw = parse_html(page.body, item, entry.link, title=entry.title, date=entry.date, outlet=feed_title)
    else:
        raise InputError(item, "the entry has neither a link nor its full text")
    raw.title = entry.title or raw.title
    raw.date = entry.date or raw.date
    if entry.link:
        raw.url, raw.id = entry.link, url_id(entry.link)
    return raw
