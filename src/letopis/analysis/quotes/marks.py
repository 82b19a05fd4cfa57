"""Quotation marks paired into quoted stretches.

Four families: « », „ “ (or „ ”), “ ”, and the straight " whose direction comes from its neighbours
(opening after a space or a bracket and before a word; closing after a word and before a space or a
punctuation mark). Guillemets nest (`«Завод «Новый Свет»`); the inner pair is found, the outer one may stay
open and is dropped.

A quotation may run over several paragraphs when it opens a paragraph: it is closed by the next closing mark,
and a paragraph that opens with a mark of the same family continues it (the Russian convention). A
quotation opened inside a paragraph and not closed there is dropped. A closing mark followed by an
attribution dash (`...!" - цитирует издание`) closes everything opened in its paragraph: the inner quotation
it also ends belongs to the outer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from letopis.analysis.quotes.layout import Layout

MARKS = "«»„“”\""
MAX_PARAGRAPHS = 8  # a quotation carried over paragraphs ends within this many
ATTRIBUTION_AFTER = re.compile(r"\s*,?\s*[—–-]{1,2}\s")


@dataclass(slots=True)
class Quoted:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    depth: int = 0  # 0 for a quotation inside no other

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def stop(self) -> int:
        return self.close


@dataclass(slots=True)
class _Open:
    pos: int
    family: str
    para: int
    at_para_start: bool


def direction(text: str, pos: int) -> str:
    """'open', 'close', 'either' or 'none' for a straight quotation mark at `pos`."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    can_open = (before.isspace() or before in "([{—–-/:«„“") and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or after in ".,;:!?)]}»—–-…\"")
    if can_open and can_close:
        return "either"
    if can_open:
        return "open"
    if can_close:
        return "close"
    if not before.isspace() and not after.isspace():
        return "either"  # `ФК"Зенит"` glued on both sides
    return "none"


def quoted_spans(layout: Layout) -> list[Quoted]:
    """Every paired quotation in the text, in text order, with its nesting depth."""
    text = layout.text
    stack: list[_Open] = []
    pairs: list[tuple[int, int]] = []
    para = 0
    for pos, ch in ((i, c) for i, c in enumerate(text) if c in MARKS):
        p = layout.para_of(pos)
        if p != para:
            # a new paragraph: quotations opened inside the last one and still open are dropped,
            # those that opened a paragraph stay open for a while
            stack = [o for o in stack if o.at_para_start and p - o.para <= MAX_PARAGRAPHS]
            para = p
        at_start = layout.is_para_start(pos)
        if ch == "«" or ch == "„":
            family = "«" if ch == "«" else "„"
            if at_start and any(o.family == family and o.para < p for o in stack):
                continue  # a paragraph that continues a quotation
            stack.append(_Open(pos, family, p, at_start))
        elif ch == "“":
            if any(o.family == "„" for o in stack):
                close(stack, pairs, pos, ("„",), text)
            else:
                stack.append(_Open(pos, "“", p, at_start))
        elif ch == "”":
            close(stack, pairs, pos, ("“", "„"), text)
        elif ch == "»":
            close(stack, pairs, pos, ("«",), text)
        else:  # straight
            d = direction(text, pos)
            pending = any(o.family == '"' for o in stack)
            if d == "either":
                d = "close" if pending else "open"
            if d == "open":
                if at_start and any(o.family == '"' and o.para < p for o in stack):
                    continue
                stack.append(_Open(pos, '"', p, at_start))
            elif d == "close" and pending:
                close(stack, pairs, pos, ('"',), text)
    pairs.sort()
    out: list[Quoted] = []
    for a, b in pairs:
        depth = sum(1 for q in out if q.open < a and b < q.close)
        out.append(Quoted(a, b, depth))
    return out


def close(stack: list[_Open], pairs: list[tuple[int, int]], pos: int, families: tuple[str, ...], text: str) -> None:
    """Pair the closing mark at `pos` with the innermost open mark of its family (or, before an attribution
    dash, with the outermost one opened in the same paragraph); marks opened after it are dropped."""
    idx = [k for k, o in enumerate(stack) if o.family in families]
    if not idx:
        return
    k = idx[-1]
    if ATTRIBUTION_AFTER.match(text, pos + 1):
        same_para = [j for j in idx if stack[j].para == stack[k].para]
        k = same_para[0]
    pairs.append((stack[k].pos, pos))
    del stack[k:]
