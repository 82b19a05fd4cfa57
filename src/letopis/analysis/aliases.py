"""Different names of one organisation or place inside one article.

Used by the entities stage after it has grouped mentions by their nominative. Three kinds of evidence
join two groups into one entity:

1. A name followed by another in brackets: `Федеральная антимонопольная служба (ФАС)`,
   `Промышленный и коммерческий банк Китая (Industrial and Commercial Bank of China)`,
   `Джошуа Вольф (Joshua Wolf)`.
2. An abbreviation made of the initials of a longer name in the same article, when only one name fits:
   `ОБСЕ` and `Организация по безопасности и сотрудничеству в Европе`, `WFC` and `World Fashion Channel`.
3. Names listed as one in lexicon `name_aliases` (`Россия | Российская Федерация | РФ`); the first name
   of the line becomes the entity's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Protocol

from letopis.analysis import lexicon
from letopis.analysis.document import Doc

ABBREVIATION = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")
LATIN = re.compile(r"^[A-Za-z]")
FUNCTION_WORDS = {"по", "и", "в", "во", "на", "за", "при", "для", "с", "со", "of", "and", "the", "for", "de", "la",
                  "del", "della", "der", "und"}


class Named(Protocol):
    """What this module needs of an entity being built (`entities.Group`)."""

    type: str
    names: list[str]

    @property
    def name(self) -> str: ...


def fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def initials(name: str) -> str:
    """`Организация по безопасности и сотрудничеству в Европе` → `ОБСЕ`; `Hewlett-Packard` → `HP`."""
    words = [w for w in re.split(r"[\s-]+", name) if w and fold(w) not in FUNCTION_WORDS]
    return "".join(w[0] for w in words).upper().replace("Ё", "Е")


@cache
def alias_lines() -> dict[str, tuple[int, str]]:
    """folded name → (line number, the line's first name), from lexicon `name_aliases`."""
    out = {}
    for number, entry in enumerate(lexicon.entries("name_aliases")):
        names = [n.strip() for n in entry.split("|") if n.strip()]
        for n in names:
            out[fold(n)] = (number, names[0])
    return out


def bracket_pairs(doc: Doc) -> Iterable[tuple[int, int]]:
    """(start, start) of two names of the same type where the second stands in brackets after the first
    and is its spelling in Latin letters, or an organisation's abbreviation (a place's only when it is
    the initials: `Цюрих (Швейцария)` names two places)."""
    spans = sorted(doc.ner, key=lambda s: s.first)
    for a, b in zip(spans, spans[1:], strict=False):
        if a.type != b.type or b.first != a.last + 1 or doc.tokens[a.last].text != "(" \
                or b.last >= len(doc.tokens) or doc.tokens[b.last].text != ")":
            continue
        outer, inner = doc.text[a.start:a.stop], doc.text[b.start:b.stop]
        latin = LATIN.match(inner) is not None and LATIN.match(outer) is None
        abbreviation = ABBREVIATION.match(inner) is not None and len(outer.split()) > 1 \
            and (a.type == "ORG" or initials(a.normal) == inner)
        if latin or abbreviation:
            yield a.start, b.start


def alias_pairs(doc: Doc, groups: list[Named], group_at: Callable[[int], Named | None]) -> list[tuple[Named, Named]]:
    """Pairs of groups that name one entity (`group_at(offset)` is the group holding the mention there)."""
    pairs = []
    for a, b in bracket_pairs(doc):
        ga, gb = group_at(a), group_at(b)
        if ga is not None and gb is not None and ga is not gb:
            pairs.append((ga, gb))
    others = [g for g in groups if g.type != "PER"]
    for g in others:
        if ABBREVIATION.match(g.name):
            full = [h for h in others if h is not g and len(h.name.split()) > 1 and initials(h.name) == g.name]
            if len(full) == 1:
                pairs.append((full[0], g))
    lines = alias_lines()
    by_line: dict[int, Named] = {}
    for g in others:
        line = next((lines[fold(n)][0] for n in g.names if fold(n) in lines), None)
        if line is not None:
            if line in by_line:
                pairs.append((by_line[line], g))
            else:
                by_line[line] = g
    return pairs


def preferred_name(g: Named) -> str:
    """The lexicon's name for the group, or "" when its names are in no `name_aliases` line."""
    lines = alias_lines()
    return next((lines[fold(n)][1] for n in g.names if fold(n) in lines), "")
