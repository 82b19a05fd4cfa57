"""pymorphy2 for the whole process: one shared dictionary, guarded against one crash.

`morph_vocab()` is the one natasha MorphVocab (pymorphy2) of the process: the analysis lemmatises with it and
the store indexes words for search with it, so that the words an article was just analysed with are still in
its parse cache when the article is stored.

The guard: a letter Python's `unicodedata` has no name for.

pymorphy2 decides whether a word is Latin by looking for "LATIN" in each letter's Unicode name, and
`unicodedata.name` raises `ValueError` for letters without one (some recent scripts, e.g. `𗀀`). One such
letter in an article would stop its analysis, so `guard_pymorphy()` replaces that check with one that reads
a letter without a name as "not Latin". It is applied once, before any MorphVocab is built.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache


@cache
def guard_pymorphy() -> None:
    from pymorphy2 import shapes

    cache_ = shapes._latin_letters_cache

    def is_latin_char(uchr: str | bytes) -> bool:
        if isinstance(uchr, bytes):
            uchr = uchr.decode("ascii")
        found = cache_.get(uchr)
        if found is None:
            found = cache_.setdefault(uchr, "LATIN" in unicodedata.name(uchr, ""))
        return found

    shapes.is_latin_char = is_latin_char


@cache
def morph_vocab():
    """The process's natasha MorphVocab, guarded."""
    from natasha import MorphVocab

    guard_pymorphy()
    return MorphVocab()


@lru_cache(maxsize=20_000)
def first_reading(word: str) -> frozenset[str]:
    """The grammemes of the dictionary's likeliest reading of `word` (any case), none when it has no reading:
    where the tagger misreads a word in a short sentence, the dictionary's first guess tells a verb (`Окончил`,
    `переговорила`)."""
    forms = morph_vocab()(word.lower())
    return frozenset(forms[0].tag.grammemes) if forms else frozenset()
