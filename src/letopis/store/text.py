"""Text for search: folding (lower case, ё → е), index terms, query terms, name keys, snippets.

Both backends index the terms that `terms()` makes — SQLite in FTS5, PostgreSQL as a `simple` tsvector — so
they match the same way. A word's terms are its Snowball stem (the stemmer of PostgreSQL's `russian`
configuration) and the stems of its pymorphy2 lemmas, because each alone misses cases the other gets:
Snowball reads `Казахстан` as a verb form (`казахста`) but `Казахстане` as a noun (`казахстан`); the lemma
of both is `казахстан`. Surname-like words ending in -ов/-ев are also indexed whole: Snowball cuts the
nominative `Токаев` to `тока` while `Токаева` keeps `токаев`.

A query word matches a text word when their terms share one, so `переговоры` finds `переговорах` and
`Токаева` finds `Токаев`. A capitalised query word ending in -ов/-ев is taken as a surname and matched
whole (`Иванов` does not find every `Иван`).
"""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from itertools import product

import snowballstemmer

from letopis.store.base import Highlight

WORD = re.compile(r"\w+", re.UNICODE)
SURNAME_LIKE = ("ов", "ев")
LEMMA_SCORE = 0.1  # lemmas of less likely parses are left out
MAX_NAME_KEYS = 32
_local = threading.local()  # a Snowball stemmer keeps state between calls: one per thread
_morph_lock = threading.Lock()


def fold(text: str) -> str:
    """Lower case with ё folded to е: the form every comparison of names and words uses."""
    return text.lower().replace("ё", "е")


def morph():
    """pymorphy2 (through natasha, which makes it work on current Python): the analysis's own, loaded once."""
    from letopis.analysis.morph_guard import morph_vocab

    return morph_vocab()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball stem of one folded word."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("russian")
    return stemmer.stemWord(word)


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The likely dictionary forms of one folded word, folded, most likely first."""
    if not word.isalpha():
        return ()
    out: list[str] = []
    with _morph_lock:
        parses = morph().parse(word)[:4]
    for p in parses:
        lemma = fold(p.normal_form)
        if p.score >= LEMMA_SCORE and lemma not in out:
            out.append(lemma)
    return tuple(out)


@lru_cache(maxsize=200_000)
def word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one folded word."""
    out = [stem(word)]
    if word.endswith(SURNAME_LIKE):
        out.append(word)
    else:
        out += [stem(lemma) for lemma in lemmas(word) if not lemma.endswith(SURNAME_LIKE)]
    return tuple(dict.fromkeys(out))


def query_terms(word: str) -> tuple[str, ...]:
    """The terms a query word (as typed) may match."""
    folded = fold(word)
    if folded.endswith(SURNAME_LIKE) and word[:1].isupper():
        return (folded,)
    return word_terms(folded)


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def terms(text: str) -> str:
    """The text as space-separated terms: what the full-text indexes of both backends hold.

    A capitalised -ов/-ев word inside a sentence is a surname: it is indexed whole only, so that searching
    for the first name `Иван` does not find `Иванов`."""
    out: list[str] = []
    for m in WORD.finditer(fold(text)):  # folding keeps the length: offsets hold in `text`
        word = m.group()
        if word.endswith(SURNAME_LIKE) and text[m.start()].isupper() and not sentence_start(text, m.start()):
            out.append(word)
        else:
            out.extend(word_terms(word))
    return " ".join(out)


def sentence_start(text: str, at: int) -> bool:
    """Whether the word at `at` opens the text, a paragraph or a sentence (after . ! ? « " ( —)."""
    i = at - 1
    while i >= 0 and text[i] in " \t«\"„“(—–-":
        i -= 1
    return i < 0 or text[i] in ".!?\n…"


# --- names -------------------------------------------------------------------------------------------


def name_word(word: str) -> str:
    """One folded word of a name, normalised so that its cases agree (`Токаев`, `Токаева` → `токаев`)."""
    return word if word.endswith(SURNAME_LIKE) else stem(word)


def name_key(name: str) -> str:
    """The key a canonical (nominative) name is stored under: `Касым-Жомарт Токаев` → `касым жомарт токаев`."""
    return " ".join(name_word(w) for w in words(name))


def name_keys(name: str) -> list[str]:
    """Keys a name as someone typed it may be stored under (`Казахстане` → `казахстан`, `казахста`)."""
    variants = []
    for w in words(name):
        forms = [name_word(w)] + [name_word(lemma) for lemma in lemmas(w)]
        variants.append(list(dict.fromkeys(forms)))
    if not variants:
        return []
    keys = []
    for combo in product(*variants):
        keys.append(" ".join(combo))
        if len(keys) >= MAX_NAME_KEYS:
            break
    return keys


# --- queries ------------------------------------------------------------------------------------------


@cache
def stopwords() -> frozenset[str]:
    from importlib import resources

    lines = resources.files(__package__).joinpath("stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def query_groups(query: str) -> list[tuple[str, ...]]:
    """For each distinct word of a query, the index terms any of which may match it. Stop words (`в`, `и`)
    are left out when the query has other words."""
    found = WORD.findall(query.replace("ё", "е").replace("Ё", "Е"))
    content = [w for w in found if fold(w) not in stopwords()]
    out: list[tuple[str, ...]] = []
    for w in content or found:
        group = query_terms(w)
        if group not in out:
            out.append(group)
    return out


def query_stems(query: str) -> list[str]:
    """Every term a query may match, for highlighting."""
    return [t for g in query_groups(query) for t in g]


def fts5_query(query: str) -> str | None:
    """An FTS5 MATCH expression requiring every word of the query (terms quoted, so no operator
    injection); None when the query has no words."""
    parts = []
    for group in query_groups(query):
        quoted = ['"' + t.replace('"', '""') + '"' for t in group]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts) or None


def tsquery(query: str) -> str | None:
    """The same query for PostgreSQL's `to_tsquery('simple', ...)`: terms are word characters only."""
    parts = ["(" + " | ".join(g) + ")" if len(g) > 1 else g[0] for g in query_groups(query)]
    return " & ".join(parts) or None


SNIPPET_SCAN = 30_000  # characters of a text searched for a snippet: the start of a very long text is enough


def match_positions(text: str, stems: list[str], folded: str | None = None) -> list[tuple[int, int]]:
    """Offsets of the words of `text` whose terms include one of `stems`.

    Only words starting like a wanted term (its first three letters) are looked at: the stems and lemmas of
    a word almost always start as the word does, and a long text is scanned at regex speed."""
    wanted = set(stems)
    if not wanted:
        return []
    if folded is None:
        folded = fold(text)  # same length as text for Russian: lower() and ё→е keep the length
    if len(folded) != len(text):
        return []  # a rare letter whose lower case is longer: offsets would not hold
    prefixes = sorted({t[:3] for t in wanted}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in prefixes) + r")\w*")
    return [(m.start(), m.end()) for m in pattern.finditer(folded) if wanted.intersection(word_terms(m.group()))]


def snippet(text: str, query: str, width: int = 240) -> tuple[str, list[Highlight]]:
    """A stretch of `text` around the matches of `query` (where most different words match), with the
    matches inside it highlighted."""
    head = text[:SNIPPET_SCAN]
    folded = fold(head)
    positions = match_positions(head, query_stems(query), folded)
    if not positions:
        return shorten(text[:width * 2], width), []
    start = best_window(folded, positions, width)
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 30 else start
    stop = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if stop < len(text) else ""
    shift = len(prefix) - start
    marks = [Highlight(a + shift, b + shift) for a, b in positions if a >= start and b <= stop]
    return prefix + text[start:stop].replace("\n", " ") + suffix, marks


def best_window(folded: str, positions: list[tuple[int, int]], width: int) -> int:
    """The start of the window of `width` that holds the most different matched words (earliest on ties):
    one pass with two pointers over the matches."""
    keys = [stem(folded[a:b]) for a, b in positions]
    best, best_count = max(0, positions[0][0] - width // 4), 0
    counts: dict[str, int] = {}
    right = 0
    for left, (a, _) in enumerate(positions):
        start = max(0, a - width // 4)
        while right < len(positions) and positions[right][1] <= start + width:
            counts[keys[right]] = counts.get(keys[right], 0) + 1
            right += 1
        distinct = sum(1 for n in counts.values() if n > 0)
        if distinct > best_count:
            best, best_count = start, distinct
        if left < right:
            counts[keys[left]] -= 1
    return best


def highlights(text: str, query: str | None) -> list[Highlight]:
    """Where the query's words occur in `text` (all of it)."""
    if not query:
        return []
    return [Highlight(a, b) for a, b in match_positions(text, query_stems(query))]


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
