"""What every reader produces."""

from __future__ import annotations

import os
from dataclasses import dataclass

from letopis.errors import InputError
from letopis.model import Article


def max_text_chars() -> int:
    """The longest article text letopis accepts (characters): `LETOPIS_MAX_CHARS`, default 1,000,000.

    News articles are a few thousand characters; a text of megabytes is a dump or a mistake, and analysing it
    would hold a worker for minutes. It is refused with a clear message instead."""
    return int(os.environ.get("LETOPIS_MAX_CHARS", "1000000"))


def check_size(text: str, item: str) -> None:
    limit = max_text_chars()
    if len(text) > limit:
        raise InputError(item, f"article text is {len(text):,} characters, over the limit of {limit:,} "
                               "(split it, or raise LETOPIS_MAX_CHARS)")


def check_letters(text: str, item: str) -> None:
    """A text without a single letter (only punctuation, digits, symbols) is not an article."""
    if not any(ch.isalpha() for ch in text):
        raise InputError(item, "no letters in the text (only punctuation, digits or symbols): not an article")


@dataclass(slots=True)
class RawArticle:
    """An article as read, before analysis. `source` names where it came from (file, file:line, URL)."""

    text: str
    source: str
    id: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None

    def metadata(self) -> dict[str, str | None]:
        return {"id": self.id, "date": self.date, "title": self.title, "url": self.url, "outlet": self.outlet}

    def to_article(self) -> Article:
        """The empty record for this input: metadata and text, no analysis."""
        return Article(text=self.text, id=self.id or "", date=self.date, title=self.title,
                       url=self.url, outlet=self.outlet)


ReadResult = RawArticle | InputError
