"""Plain-text articles.

The seed's form is accepted: optional leading whitespace, then `date YYYY-MM-DD` and the text on the same
line. Without that header the whole file is the text.
"""

from __future__ import annotations

import datetime as dt
import re

from letopis.errors import InputError
from letopis.read.base import RawArticle, check_letters, check_size

DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*")


def parse_text_article(content: str, source: str) -> RawArticle:
    """One article from the text of a `.txt` file; raises InputError for an empty text or a bad date header."""
    date = None
    match = DATE_HEADER.match(content)
    if match:
        date = check_date(match.group(1), source)
        content = content[match.end():]
    text = content.strip()
    if not text:
        raise InputError(source, "no article text (the file is empty or holds only a date header)")
    check_size(text, source)
    check_letters(text, source)
    return RawArticle(text=text, source=source, date=date)


def check_date(value: str, source: str) -> str:
    """The ISO date `value`, or InputError saying why it is not one."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(source, f"date {value!r} is not a valid YYYY-MM-DD date") from None
