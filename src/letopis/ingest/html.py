"""HTML pages → articles: the main text, title and site name with trafilatura, the date with htmldate.

A page with a URL (its own, or the canonical link it declares) gets an id made from that URL, so a page
whose text changes keeps its id and is updated in the store rather than stored again.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from letopis.errors import InputError
from letopis.read.base import RawArticle

MIN_TEXT = 40  # characters: less is a page without an article (an index, an error page)


def url_id(url: str) -> str:
    return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def parse_html(data: bytes, source: str, url: str | None = None, *, title: str | None = None,
               date: str | None = None, outlet: str | None = None) -> RawArticle:
    """The article in an HTML page; `title`, `date` and `outlet` (from a feed) fill what the page lacks."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # trafilatura raises many kinds of errors on broken markup
        raise InputError(source, f"cannot read the HTML page ({type(exc).__name__}: {exc})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < MIN_TEXT:
        raise InputError(source, "no article text found in the HTML page")
    page_title = getattr(doc, "title", None) or title
    text = drop_title_line(text, page_title)
    page_url = url or getattr(doc, "url", None)
    host = urlsplit(page_url).hostname if page_url else None
    sitename = getattr(doc, "sitename", None)
    if sitename and host and sitename.lower().removeprefix("www.") == host.lower().removeprefix("www."):
        sitename = None  # trafilatura's fallback, not a name the page gives itself
    outlet = sitename or outlet or host
    return RawArticle(text=text, source=source, id=url_id(page_url) if page_url else None,
                      date=page_date(data, page_url) or getattr(doc, "date", None) or date,
                      title=page_title, url=page_url, outlet=outlet)


def drop_title_line(text: str, title: str | None) -> str:
    """trafilatura keeps the headline as the first line of the text; the record has it in `title`."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        return rest.strip()
    return text


def page_date(data: bytes, url: str | None) -> str | None:
    """The original publication date of the page (htmldate), or None."""
    from htmldate import find_date

    try:
        return find_date(data.decode("utf-8", "replace"), url=url, original_date=True, extensive_search=False)
    except Exception:  # htmldate gives up on odd pages: the date is optional
        return None


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head or b"<body" in head
