"""The word lists the quote rules read, loaded once per process from `analysis/lexicon/`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from letopis.analysis import lexicon


@dataclass(frozen=True, slots=True)
class QuoteWords:
    verbs: dict[str, str]  # speech verb lemma -> class (say, think, ask, promise, name, cite, passive)
    frames: dict[tuple[str, ...], str]  # `по словам` -> by | cite
    intent_nouns: frozenset[str]
    documents: frozenset[str]
    anon: frozenset[str]
    author_frames: tuple[tuple[str, ...], ...]
    connectives: tuple[tuple[str, ...], ...]
    outlets: dict[str, tuple[str, ...]]  # outlet key -> names
    titles: frozenset[str]
    bodies: frozenset[str]


@cache
def quote_words() -> QuoteWords:
    frames = {tuple(k.split()): v for k, v in phrase_table("source_frames").items()}
    outlets = {k: tuple(n.strip() for n in v.split("|") if n.strip()) for k, v in phrase_table("outlets").items()}
    return QuoteWords(
        verbs=lexicon.table("speech_verbs"),
        frames=frames,
        intent_nouns=lexicon.words("intent_nouns"),
        documents=lexicon.words("documents"),
        anon=lexicon.words("anon_sources"),
        author_frames=phrases("author_frames"),
        connectives=phrases("connectives"),
        outlets=outlets,
        titles=frozenset(lexicon.table("titles")),
        bodies=lexicon.words("source_bodies"),
    )


def phrase_table(name: str) -> dict[str, str]:
    """`words<TAB>value` lines, where the key may hold spaces (the value is after the tab)."""
    out = {}
    for e in lexicon.entries(name):
        key, _, value = e.partition("\t")
        out[key.strip().lower().replace("ё", "е")] = value.strip()
    return out


def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """Entries as word tuples, longest first."""
    return tuple(sorted((tuple(e.split()) for e in lexicon.words(name)), key=len, reverse=True))
