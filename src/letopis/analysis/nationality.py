"""Whether an adjective of nationality fits a country named in a role: `британский` and `премьер-министр
Великобритании`, `германского` and `канцлер Германии` (lexicon/event_nationalities.txt for adjectives whose
stem does not begin the country's name; any other shares its first STEM letters with it)."""

from __future__ import annotations

from functools import cache

from letopis.analysis import lexicon

STEM = 4  # letters an adjective of nationality shares with its country (`французский` ~ `франции`)


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


@cache
def irregular() -> dict[str, frozenset[str]]:
    return {k: frozenset(v.split("|")) for k, v in lexicon.table("event_nationalities").items()}


def fits_country(adjective: str, words: tuple[str, ...] | list[str]) -> bool:
    """Whether one of the (folded) words of a role's complement is the country of the adjective (its lemma)."""
    adjective = fold(adjective)
    country = irregular().get(adjective, frozenset())
    return any(w in country or w == adjective or len(adjective) > STEM and w[:STEM] == adjective[:STEM]
               for w in words)


def place_adjective(lemma: str) -> bool:
    """Whether an adjective (its lemma) is one of a country or place: `российский`, `казахстанский`,
    `московский`."""
    return lemma.endswith(("ский", "цкий"))
