"""JSON Lines articles: one object per line with `text` (required) and any of id, date, title, url, outlet."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from letopis.errors import InputError
from letopis.read.base import RawArticle, ReadResult, check_letters, check_size
from letopis.read.text import check_date

METADATA = ("id", "date", "title", "url", "outlet")


def parse_jsonl(lines: Iterable[str], source: str) -> Iterator[ReadResult]:
    """Articles from JSON lines; a bad line yields an InputError naming `source:line` and the batch goes on."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        item = f"{source}:{number}"
        try:
            yield parse_record(json.loads(line), item)
        except json.JSONDecodeError as exc:
            yield InputError(item, f"not valid JSON ({exc.msg} at column {exc.colno})")
        except InputError as exc:
            yield exc


def parse_record(obj: object, item: str) -> RawArticle:
    if not isinstance(obj, dict):
        raise InputError(item, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        raise InputError(item, "missing the required field 'text'")
    if not isinstance(text, str):
        raise InputError(item, f"field 'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError(item, "field 'text' is empty")
    check_size(text, item)
    check_letters(text, item)
    meta: dict[str, str | None] = {}
    for key in METADATA:
        value = obj.get(key)
        if value is not None and not isinstance(value, str | int):
            raise InputError(item, f"field {key!r} must be a string, got {type(value).__name__}")
        meta[key] = str(value) if value is not None else None
    if meta["date"]:
        meta["date"] = check_date(meta["date"][:10], item)
    if meta["id"] is not None and not meta["id"].strip():
        meta["id"] = None
    return RawArticle(text=text, source=item, **meta)
