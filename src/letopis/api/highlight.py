"""The article text cut into pieces for the page: quotes as the outer layer, mentions and cues inside them.

Spans come from the record's offsets. Templates render the pieces with autoescape, so nothing from the
article ever becomes markup. Spans that fall outside the text are dropped; overlapping spans of one layer
keep the earlier (then the longer) one; a mention that crosses a quote's edge is split at the edge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from letopis.model import Article
from letopis.store.base import Highlight


@dataclass(slots=True)
class Mark:
    """A span to highlight: `kind` is quote, mention or cue; `ref` points at the quote or entity."""

    start: int
    stop: int
    kind: str
    ref: str = ""
    label: str = ""
    href: str | None = None
    css: str = ""


@dataclass(slots=True)
class Piece:
    """A stretch of text with at most one mark of the inner layer (None: plain text)."""

    text: str
    mark: Mark | None = None


@dataclass(slots=True)
class Block:
    """A stretch of text inside one quote (or outside all quotes: `quote` is None)."""

    quote: Mark | None
    pieces: list[Piece] = field(default_factory=list)


def non_overlapping(marks: list[Mark], length: int) -> list[Mark]:
    """Marks inside [0, length), sorted, without overlaps (earlier, then longer, then a mention wins)."""
    kept: list[Mark] = []
    end = 0
    for m in sorted(marks, key=lambda m: (m.start, -(m.stop - m.start), m.kind != "mention")):
        if 0 <= m.start < m.stop <= length and m.start >= end:
            kept.append(m)
            end = m.stop
    return kept


def cut(text: str, start: int, stop: int, inner: list[Mark]) -> list[Piece]:
    """Pieces of text[start:stop], with the inner marks clipped to that range."""
    pieces: list[Piece] = []
    pos = start
    for m in inner:
        a, b = max(m.start, start), min(m.stop, stop)
        if a >= b:
            continue
        if a > pos:
            pieces.append(Piece(text[pos:a]))
        pieces.append(Piece(text[a:b], m))
        pos = b
    if pos < stop:
        pieces.append(Piece(text[pos:stop]))
    return pieces


def layout(text: str, outer: list[Mark], inner: list[Mark]) -> list[Block]:
    """Blocks alternating between plain stretches and quotes, each cut by the inner marks."""
    outer = non_overlapping(outer, len(text))
    inner = non_overlapping(inner, len(text))
    blocks: list[Block] = []
    pos = 0
    for q in outer:
        if q.start > pos:
            blocks.append(Block(None, cut(text, pos, q.start, inner)))
        blocks.append(Block(q, cut(text, q.start, q.stop, inner)))
        pos = q.stop
    if pos < len(text):
        blocks.append(Block(None, cut(text, pos, len(text), inner)))
    return blocks


def article_marks(article: Article, entity_href: Callable[[str], str | None]) -> tuple[list[Mark], list[Mark]]:
    """(quote marks, mention and cue marks) of a record; `entity_href(local_id)` links an article's entity."""
    quotes = []
    inner = []
    for q in article.quotes:
        speaker = q.speaker
        href = entity_href(speaker.entity) if speaker is not None and speaker.entity else None
        label = f"{speaker.name if speaker else 'unknown speaker'} · {q.kind}"
        quotes.append(Mark(q.content.start, q.content.stop, "quote", q.id, label, href, f"quote-{q.kind}"))
        if q.cue is not None:
            inner.append(Mark(q.cue.start, q.cue.stop, "cue", q.id, q.cue.lemma, None, "cue"))
    for e in article.entities:
        href = entity_href(e.id)
        for m in e.mentions:
            inner.append(Mark(m.start, m.stop, "mention", e.id, f"{e.name} ({e.type})", href, f"ent ent-{e.type}"))
    return quotes, inner


def snippet_pieces(snippet: str | None, highlights: list[Highlight]) -> list[Piece]:
    """A search snippet cut at its highlights (pieces with a mark are rendered as <mark>)."""
    if not snippet:
        return []
    marks = [Mark(h.start, h.stop, "hit") for h in highlights]
    return cut(snippet, 0, len(snippet), non_overlapping(marks, len(snippet)))
