"""Arranging query results for pages: an entity's timeline of statements and events, links of quote facets."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from letopis.store.base import EventHit, QuoteFacets, QuoteHit


@dataclass(slots=True)
class Entry:
    """One line of a timeline: a statement (`quote`) or an event (`event`), newest first."""

    date: str | None
    kind: str
    quote: QuoteHit | None = None
    event: EventHit | None = None


def timeline(quotes: list[QuoteHit], events: list[EventHit]) -> list[Entry]:
    """Statements and events together, the newest first; undated ones last."""
    entries = [Entry(q.date, "quote", quote=q) for q in quotes]
    entries += [Entry(e.date or e.article_date, "event", event=e) for e in events]
    entries.sort(key=lambda e: e.date or "", reverse=True)
    return entries


@dataclass(slots=True)
class Facets:
    """Facet rows for the quotes page: (value, count), months with their first and last day for the links."""

    speakers: list[tuple[str, int]]
    outlets: list[tuple[str, int]]
    months: list[tuple[str, int, str, str]]  # month, count, its first and last day
    kinds: list[tuple[str, int]]


def facet_links(counts: QuoteFacets) -> Facets:
    """The store's facet counts, months newest first with the date range each one links to."""
    months = sorted(((c.name, c.n) for c in counts.months if c.name), reverse=True)
    return Facets([(c.name, c.n) for c in counts.speakers], [(c.name, c.n) for c in counts.outlets],
                  [(m, n, *month_range(m)) for m, n in months], [(c.name, c.n) for c in counts.kinds])


def month_range(month: str) -> tuple[str, str]:
    """First and last day of `YYYY-MM` (the month itself twice when it is not one)."""
    try:
        year, mon = int(month[:4]), int(month[5:7])
        return f"{month}-01", f"{month}-{calendar.monthrange(year, mon)[1]:02d}"
    except (ValueError, calendar.IllegalMonthError):
        return month, month
