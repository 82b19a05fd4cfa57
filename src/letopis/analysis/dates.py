"""Dates: the publication date, and the dates the text names, resolved against it.

requires: tokens, morph        assigns: dates (`doc.layers["dates"]`: list of DateMention,
`doc.layers["publication_date"]`: the date the relative expressions count from, or None)

The publication date comes from the input (`doc.meta["date"]`); when the input has none, a full date
in a dateline at the very start of the text (`10.08.2025`, `10 августа 2025`) stands in for it.

Expressions found, by token lemma (the words are data: `lexicon/dates.txt`):

- absolute: `24 сентября`, `24 сентября 2014 года`, `10 авг`, `10.08.2025`, `2025-09-24`,
  `в сентябре`, `в сентябре 2014 года`, `в 2014 году`, `2014 г.`;
- relative days: `вчера`, `позавчера`, `сегодня`, `завтра`, `накануне` (not `накануне выборов`);
- weekdays: `в понедельник` (the last one, or the next one when the sentence speaks in the future),
  `в прошлую пятницу`, `в следующий вторник`;
- periods: `на прошлой неделе`, `в этом месяце`, `в прошлом году`;
- distances: `три дня назад`, `неделю назад`, `два года назад`, `через два дня`.

A month or a day without a year takes the year that puts it nearest the publication date. Values are ISO
strings at their precision: `2025-09-23` (day), `2025-W38` (week), `2025-08` (month), `2014` (year);
a relative expression without a publication date has the value None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from letopis.analysis import lexicon
from letopis.analysis.document import Doc, Token

NUMERIC_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DAY_NUMBER = re.compile(r"^(\d{1,2})(?:[-–](\d{1,2}))?$")
YEAR_NUMBER = re.compile(r"^(1[89]\d\d|20\d\d)(?:[-–]\d+)?$")
PREPOSITIONS = {"в", "во", "на", "с", "со", "до", "к", "по"}
DATELINE_CHARS = 120  # a dateline standing in for the publication date lies this near the start


@dataclass(slots=True)
class DateMention:
    start: int
    stop: int
    text: str
    value: str | None  # ISO at its precision: 2025-09-23, 2025-W38, 2025-08, 2014
    precision: str  # day | week | month | year
    first: int  # token range [first, last)
    last: int

    @property
    def day(self) -> str | None:
        """The value when it names one day, else None."""
        return self.value if self.precision == "day" else None


@dataclass(slots=True)
class Found:
    """A match before resolution: where it ends and what it means."""

    last: int  # one past its last token
    value: str | None
    precision: str
    first: int | None = None  # where it starts, when before the token it was found at (`в начале января`)


class Dates:
    name = "dates"
    requires = ("tokens", "morph")
    assigns = ("dates",)

    def __call__(self, doc: Doc) -> None:
        pub = parse_iso(doc.meta.get("date"))
        mentions = find_dates(doc, pub)
        if pub is None:
            pub = dateline_date(mentions)
            if pub is not None:
                doc.meta["date"] = pub.isoformat()
                mentions = find_dates(doc, pub)
        doc.layers["publication_date"] = pub
        doc.layers["dates"] = mentions


def parse_iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def dateline_date(mentions: list[DateMention]) -> dt.date | None:
    """A full date at the very start of the text (a dateline), if there is one."""
    for m in mentions:
        if m.start < DATELINE_CHARS and m.precision == "day" and m.value and len(m.value) == 10:
            return dt.date.fromisoformat(m.value)
    return None


@cache
def words() -> dict[str, tuple[str, str]]:
    """lemma → (kind, value) from lexicon/dates.txt."""
    return {k: tuple(v.split()) for k, v in lexicon.table("dates").items()}  # type: ignore[misc]


def kind_of(t: Token) -> tuple[str, str] | None:
    table = words()
    return table.get(t.lemma) or table.get(t.text.lower().replace("ё", "е"))


def find_dates(doc: Doc, pub: dt.date | None) -> list[DateMention]:
    out: list[DateMention] = []
    for s in doc.sentences:
        future = speaks_of_future(doc.tokens[s.first:s.last])
        i = s.first
        while i < s.last:
            t = doc.tokens[i]
            found = match_at(doc, i, s.last, pub, future) if t.text[:1].isdecimal() or kind_of(t) \
                or t.lemma == "через" else None
            if found is None:
                i += 1
                continue
            first = i if found.first is None else found.first
            if first > s.first and doc.tokens[first - 1].text.lower() in PREPOSITIONS:
                first -= 1
            start, stop = doc.tokens[first].start, doc.tokens[found.last - 1].stop
            out.append(DateMention(start, stop, doc.text[start:stop], found.value, found.precision,
                                   first, found.last))
            i = found.last
    return out


def speaks_of_future(tokens: list[Token]) -> bool:
    return any(t.feats.get("Tense") == "Fut" for t in tokens if t.pos in ("VERB", "AUX"))


def match_at(doc: Doc, i: int, end: int, pub: dt.date | None, future: bool) -> Found | None:
    for rule in (numeric_date, day_month, month_year, year_only, relative_day, weekday, period, distance):
        found = rule(doc.tokens, i, end, pub, future)
        if found is not None:
            return found
    return None


# --- absolute dates ---------------------------------------------------------------------------------


def numeric_date(tokens: list[Token], i: int, end: int, pub: dt.date | None, future: bool) -> Found | None:
    text = tokens[i].text
    m = ISO_DATE.match(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = NUMERIC_DATE.match(text)
        if not m:
            return None
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y += 2000 if y < 100 else 0
    return Found(i + 1, day_value(y, mo, d), "day") if valid(y, mo, d) else None


def day_month(tokens: list[Token], i: int, end: int, pub: dt.date | None, future: bool) -> Found | None:
    """`24 сентября`, `24-25 сентября 2014 года`, `10 авг`."""
    m = DAY_NUMBER.match(tokens[i].text)
    if not m or i + 1 >= end or (kind_of(tokens[i + 1]) or ("",))[0] != "month":
        return None
    day, month = int(m.group(1)), int(kind_of(tokens[i + 1])[1])
    year, last = explicit_year(tokens, i + 2, end)
    if year is None:
        year = nearest_year(pub, month, day, future) if pub else None
    if year is None:
        return Found(last, None, "day")
    return Found(last, day_value(year, month, day), "day") if valid(year, month, day) else None


def month_year(tokens: list[Token], i: int, end: int, pub: dt.date | None, future: bool) -> Found | None:
    """`в сентябре`, `в начале января 2011 года`, `сентябрь 2014 г.`."""
    kind = kind_of(tokens[i])
    if kind is None or kind[0] != "month" or tokens[i].pos not in ("NOUN", "PROPN"):
        return None
    month = int(kind[1])
    year, last = explicit_year(tokens, i + 1, end)
    part_of = i > 0 and tokens[i - 1].lemma in ("начало", "середина", "конец")
    if year is None:
        if not (part_of or i > 0 and tokens[i - 1].text.lower() in PREPOSITIONS):
            return None
        year = nearest_year(pub, month, 15, future) if pub else None
    return Found(last, f"{year:04d}-{month:02d}" if year else None, "month", i - 1 if part_of else None)


def year_only(tokens: list[Token], i: int, end: int, pub: dt.date | None, future: bool) -> Found | None:
    """`в 2014 году`, `2014 г.`."""
    year, last = explicit_year(tokens, i, end)
    return Found(last, f"{year:04d}", "year") if year is not None else None


def explicit_year(tokens: list[Token], i: int, end: int) -> tuple[int | None, int]:
    """A year written at tokens[i] (`2014`, `2014 года`, `2014 г.`): (year, one past its end); (None, i) if none."""
    if i >= end:
        return None, i
    m = YEAR_NUMBER.match(tokens[i].text)
    if not m:
        return None, i
    last = i + 1
    if last < end and tokens[last].lemma in ("год", "г"):
        last += 1
        if tokens[last - 1].text == "г" and last < end and tokens[last].text == ".":
            last += 1
        return int(m.group(1)), last
    # a bare four-digit number is a year only after a month (`сентября 2014`)
    prev = (kind_of(tokens[i - 1]) or ("",))[0] if i > 0 else ""
    return (int(m.group(1)), last) if prev == "month" else (None, i)


# --- relative dates ---------------------------------------------------------------------------------


def relative_day(tokens: list[Token], i: int, end: int, pub: dt.date | None, future: bool) -> Found | None:
    """`вчера`, `сегодня`, `накануне` (but not `накануне выборов`)."""
    kind = kind_of(tokens[i])
    if kind is None or kind[0] != "day":
        return None
    if tokens[i].lemma == "накануне" and i + 1 < end and tokens[i + 1].feats.get("Case") == "Gen" \
            and tokens[i + 1].pos in ("NOUN", "PROPN", "ADJ", "DET"):
        return None
    return Found(i + 1, shift_days(pub, int(kind[1])), "day")


def weekday(tokens: list[Token], i: int, end: int, pub: dt.date | None, future: bool) -> Found | None:
    """`в понедельник`, `в прошлую пятницу`, `в следующий вторник`, `в эту среду`."""
    shift, j = shift_at(tokens, i, end)
    kind = kind_of(tokens[j]) if j < end else None
    if kind is None or kind[0] != "weekday" or i == 0:
        return None
    preposition = tokens[i - 1].text.lower()
    if preposition not in PREPOSITIONS or preposition in ("в", "во") and tokens[j].feats.get("Case") != "Acc":
        return None  # `в среду`, not `в среде экспертов`
    if j + 2 < end and tokens[j + 1].text == ",":
        explicit = day_month(tokens, j + 2, end, pub, future)  # `в пятницу, 21 января`
        if explicit is not None:
            return explicit
    if pub is None:
        return Found(j + 1, None, "day")
    target = int(kind[1])
    if shift is None:
        delta = (target - pub.weekday()) % 7 if future else -((pub.weekday() - target) % 7)
    else:
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=shift)
        delta = (monday + dt.timedelta(days=target) - pub).days
    return Found(j + 1, shift_days(pub, delta), "day")


def period(tokens: list[Token], i: int, end: int, pub: dt.date | None, future: bool) -> Found | None:
    """`на прошлой неделе`, `в этом месяце`, `в следующем году`."""
    shift, j = shift_at(tokens, i, end)
    if shift is None or j >= end:
        return None
    unit = kind_of(tokens[j])
    if unit is None or unit[0] != "unit" or unit[1] == "day" or tokens[j].lemma == "г":
        return None
    return Found(j + 1, shift_period(pub, unit[1], shift), unit[1])


def distance(tokens: list[Token], i: int, end: int, pub: dt.date | None, future: bool) -> Found | None:
    """`три дня назад`, `неделю назад`, `через два дня`."""
    forward = tokens[i].lemma == "через"
    j = i + 1 if forward else i
    count = 1
    if j < end and (tokens[j].text.isdecimal() or (kind_of(tokens[j]) or ("",))[0] == "number"):
        count = int(tokens[j].text) if tokens[j].text.isdecimal() else int(kind_of(tokens[j])[1])
        j += 1
    unit = kind_of(tokens[j]) if j < end else None
    if unit is None or unit[0] != "unit" or tokens[j].lemma == "г":
        return None
    if not forward:
        if j + 1 >= end or tokens[j + 1].lemma != "назад":
            return None
        count, last = -count, j + 2
    else:
        last = j + 1
    days = {"day": 1, "week": 7}.get(unit[1])
    if days is not None:
        return Found(last, shift_days(pub, count * days), "day")
    return Found(last, shift_period(pub, unit[1], count), unit[1])


def shift_at(tokens: list[Token], i: int, end: int) -> tuple[int | None, int]:
    """A shift adjective at tokens[i] (`прошлой`): (shift, index of the next token); else (None, i)."""
    kind = kind_of(tokens[i])
    if kind is not None and kind[0] == "shift" and tokens[i].pos in ("ADJ", "DET"):
        return int(kind[1]), i + 1
    return None, i


# --- arithmetic -------------------------------------------------------------------------------------


def valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def day_value(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def nearest_year(pub: dt.date, month: int, day: int, future: bool) -> int:
    """The year that puts day/month nearest the publication date: on or before it (a day's slack) when the
    sentence speaks of the past or present, on or after it when it speaks of the future."""
    def date_in(year: int) -> dt.date:
        return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
    slack = dt.timedelta(days=1)
    years = (pub.year - 1, pub.year, pub.year + 1)
    if future:
        return min((y for y in years if date_in(y) >= pub - slack), key=date_in)
    return max((y for y in years if date_in(y) <= pub + slack), key=date_in)


def shift_days(pub: dt.date | None, days: int) -> str | None:
    try:
        return (pub + dt.timedelta(days=days)).isoformat() if pub else None
    except OverflowError:  # `через 99999999 дней`: no calendar date to give
        return None


def shift_period(pub: dt.date | None, unit: str, shift: int) -> str | None:
    if pub is None:
        return None
    if unit == "week":
        try:
            year, week, _ = (pub + dt.timedelta(weeks=shift)).isocalendar()
        except OverflowError:
            return None
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}" if 12 <= index < 10000 * 12 else None
    return f"{pub.year + shift:04d}" if 1 <= pub.year + shift <= 9999 else None
