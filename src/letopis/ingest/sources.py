"""Every source `letopis ingest` takes, as a stream of raw articles and input errors.

- files and directories in the formats `letopis analyze` reads (`.txt`, `.jsonl`, gzipped, `-` for stdin);
- HTML pages (`.html`, `.htm`), RSS/Atom feeds (`.xml`, `.rss`, `.atom`), or files whose content says so;
- `http(s)://` URLs of pages or feeds (fetched as `fetch.py` allows).
Directories are walked in sorted order; files of kinds letopis does not read are passed over.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from letopis.errors import InputError
from letopis.ingest.feed import read_feed
from letopis.ingest.fetch import FetchPolicy, fetch, is_url
from letopis.ingest.html import looks_like_feed, looks_like_html, parse_html
from letopis.read.base import ReadResult
from letopis.read.files import kind_of, parse_bytes, read_file, read_paths

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}


def read_sources(sources: Iterable[str], policy: FetchPolicy | None = None) -> Iterator[ReadResult]:
    policy = policy or FetchPolicy()
    for source in sources:
        if source == "-":
            yield from read_paths(["-"])
        elif is_url(source):
            yield from read_url(source, policy)
        else:
            path = Path(source)
            if path.is_dir():
                yield from read_directory(path, policy)
            elif path.exists():
                yield from read_any_file(path, policy, explicit=True)
            else:
                yield InputError(source, "no such file or directory (and not an http(s) URL)")


def read_directory(path: Path, policy: FetchPolicy) -> Iterator[ReadResult]:
    files = sorted(f for f in path.rglob("*") if f.is_file() and file_kind(f) is not None)
    if not files:
        yield InputError(str(path), "directory holds no article files (.txt, .jsonl, .html, feeds)")
    for f in files:
        yield from read_any_file(f, policy, explicit=False)


def file_kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return kind_of(path)


def read_any_file(path: Path, policy: FetchPolicy, explicit: bool) -> Iterator[ReadResult]:
    kind = file_kind(path)
    if kind in ("text", "jsonl"):
        yield from read_file(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read the file ({exc})")
        return
    if kind is None and explicit:  # named on the command line: go by the content
        kind = "feed" if looks_like_feed(data) else "html" if looks_like_html(data) else None
        if kind is None:
            yield from read_file(path)
            return
    yield from read_markup(data, str(path), kind, policy, url=None)


def read_markup(data: bytes, source: str, kind: str | None, policy: FetchPolicy,
                url: str | None) -> Iterator[ReadResult]:
    if kind == "feed" or (kind != "html" and looks_like_feed(data)):
        yield from read_feed(data, source, policy)
        return
    try:
        yield parse_html(data, source, url)
    except InputError as exc:
        yield exc


def read_url(url: str, policy: FetchPolicy) -> Iterator[ReadResult]:
    try:
        page = fetch(url, policy)
    except InputError as exc:
        yield exc
        return
    ctype = page.content_type.split(";")[0].strip().lower()
    if ctype in ("text/plain", "application/json", "application/x-ndjson", "application/jsonl"):
        kind = "jsonl" if page.body.lstrip()[:1] == b"{" else "text"
        yield from parse_bytes(page.body, url, kind)
        return
    kind = "feed" if "rss" in ctype or "atom" in ctype or looks_like_feed(page.body) else "html"
    yield from read_markup(page.body, url, kind, policy, url=page.url)
