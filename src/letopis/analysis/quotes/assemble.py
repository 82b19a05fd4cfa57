"""From candidates to the record's quotes: overlaps settled, nested quotations dropped, numbered in order."""

from __future__ import annotations

import re

from letopis.analysis.quotes.context import Candidate, Context
from letopis.model import Quote, Span

WORD = re.compile(r"\w+")
OVERLAP = 0.5  # two candidates sharing this share of the smaller one's words are the same quote


def words_of(text: str, start: int, stop: int) -> set[int]:
    return {m.start() + start for m in WORD.finditer(text, start, stop)} if stop > start else set()


def assemble(ctx: Context, candidates: list[Candidate]) -> list[Quote]:
    text = ctx.doc.text
    kept: list[tuple[Candidate, set[int]]] = []
    for c in sorted(candidates, key=lambda c: (c.rank, c.start, -(c.stop - c.start))):
        w = words_of(text, c.start, c.stop)
        if not w:
            continue
        clash = False
        for k, kw in kept:
            shared = len(w & kw)
            if shared and shared >= OVERLAP * min(len(w), len(kw)) and not layered(c, k):
                clash = True
                break
        if not clash and not nested(ctx, c, kept):
            kept.append((c, w))
    kept.sort(key=lambda x: (x[0].start, x[0].stop))
    quotes = []
    for n, (c, _) in enumerate(kept, 1):
        quotes.append(Quote(f"q{n}", c.kind, Span(c.start, c.stop, text[c.start:c.stop]), c.cue, c.speaker))
    return quotes


def layered(c: Candidate, k: Candidate) -> bool:
    """Two reports one inside the other, each with its own source: `Как передаёт РИА со ссылкой на газету,
    Челах заявил матери, что никого не убивал` (the paper reports what Челах said): both stay."""
    if c.speaker is None or k.speaker is None or c.speaker.name == k.speaker.name:
        return False
    if k.kind == "direct" or c.kind == "direct":
        return False
    inner, outer = (c, k) if c.stop - c.start < k.stop - k.start else (k, c)
    return inner.cue is not None and outer.start <= inner.cue.start < outer.stop


def nested(ctx: Context, c: Candidate, kept: list[tuple[Candidate, set[int]]]) -> bool:
    """A candidate inside a direct quote that was kept is part of that quote."""
    for k, _ in kept:
        if k.kind == "direct" and k.start <= c.start and c.stop <= k.stop and k is not c:
            return True
    return False
