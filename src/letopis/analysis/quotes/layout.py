"""The article as the quote rules see it: a cleaned copy of the text, paragraphs, and units.

Texts come as found. Some show their line breaks as a literal `n` glued to the words around it
(`Зенитом».nОн добавил`); `Layout.text` is the segmenter's reading view, the article text of the same length
with such an `n` read as a line break, so offsets still agree with the record while the rules read clean text.
A line break followed by a lower-case letter continues the sentence.

A unit is a sentence of the segmenter cut at paragraph breaks: the segmenter joins a headline without a
final period to the next paragraph, and a quote never runs over a paragraph break unless a quotation mark
carries it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from letopis.analysis.document import Doc, Token
from letopis.analysis.linguistic import reading_view

DASHES = "—–-"
SENTENCE_END = ".!?…"
OPENING_MARKS = "«„“\""
CLOSING_MARKS = "»“”\""
PRONOUN_PERSON = {"я": 1, "мы": 1, "ты": 2, "вы": 2}


@dataclass(slots=True)
class Unit:
    start: int  # chars [start, stop)
    stop: int
    first: int  # tokens [first, last)
    last: int
    sent: int  # index of the segmenter's sentence
    para: int  # index of the paragraph


class Layout:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.tokens = doc.tokens
        self.artefacts = artefact_tokens(doc)
        self.text = doc.layers.get("view") or reading_view(doc.text)
        self.para_starts = paragraph_starts(self.text, doc.text)
        self.units = make_units(doc, self.para_starts)
        self.unit_of: list[int] = [0] * len(doc.tokens)
        for n, u in enumerate(self.units):
            for i in range(u.first, u.last):
                self.unit_of[i] = n
        # per token, once: the text folded to lower case with ё as е, and whether it is a word
        self.lows = [t.text.lower().replace("ё", "е") for t in doc.tokens]
        self.is_words = [bool(WORDLIKE.search(t.text)) for t in doc.tokens]
        for i in self.artefacts:
            self.is_words[i] = False

    # --- paragraphs -------------------------------------------------------------------------

    def para_of(self, offset: int) -> int:
        return bisect_right(self.para_starts, offset) - 1

    def para_bounds(self, offset: int) -> tuple[int, int]:
        """[start, stop) of the paragraph holding `offset`, without its trailing whitespace."""
        p = self.para_of(offset)
        start = self.para_starts[p]
        stop = self.para_starts[p + 1] if p + 1 < len(self.para_starts) else len(self.text)
        while stop > start and self.text[stop - 1].isspace():
            stop -= 1
        return start, stop

    def is_para_start(self, offset: int) -> bool:
        """Whether only whitespace stands between the paragraph's start and `offset`."""
        start, _ = self.para_bounds(offset)
        return not self.text[start:offset].strip()

    # --- tokens -----------------------------------------------------------------------------

    def unit(self, token: int) -> Unit:
        return self.units[self.unit_of[token]]

    def is_word(self, i: int) -> bool:
        return self.is_words[i]

    def words(self, first: int, last: int) -> list[int]:
        flags = self.is_words
        return [i for i in range(first, last) if flags[i]]

    def token_after(self, offset: int) -> int | None:
        """The first token starting at or after `offset`, artefacts skipped."""
        i = bisect_right(self.doc._starts, offset - 1)
        while i < len(self.tokens) and i in self.artefacts:
            i += 1
        return i if i < len(self.tokens) else None

    def token_before(self, offset: int) -> int | None:
        """The last token ending at or before `offset`, artefacts skipped."""
        i = bisect_right(self.doc._starts, offset) - 1
        while i >= 0 and (self.tokens[i].stop > offset or i in self.artefacts):
            i -= 1
        return i if i >= 0 else None

    def low(self, i: int) -> str:
        return self.lows[i]


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def artefact_tokens(doc: Doc) -> set[int]:
    """Tokens that are a line break written as a literal `n` glued to a neighbour (none when the segmenter
    reads the view, kept for documents segmented otherwise)."""
    out = set()
    for i, t in enumerate(doc.tokens):
        if t.text != "n":
            continue
        glued_left = i > 0 and doc.tokens[i - 1].stop == t.start
        glued_right = i + 1 < len(doc.tokens) and doc.tokens[i + 1].start == t.stop
        if glued_left or glued_right:
            out.add(i)
    return out


WORDLIKE = re.compile(r"[^\W_]")
NEWLINES = re.compile(r"[ \t\u00a0]*\n[\s]*")


def paragraph_starts(text: str, original: str | None = None) -> list[int]:
    """Offsets where paragraphs begin: after a blank line, or after a line break followed by anything but a
    lower-case letter (a line broken inside a sentence goes on in lower case). A line break that the reading
    view mended from a literal `n` starts a paragraph only after the end of a sentence: scrapers also flatten
    the breaks around links in mid-sentence (`заявилn«ОВД-Инфо»`)."""
    original = original if original is not None else text
    starts = [0]
    for m in NEWLINES.finditer(text):
        nxt = text[m.end():m.end() + 1]
        if not nxt:
            continue
        mended = "\n" not in original[m.start():m.end()]
        if mended:
            before = text[:m.start()].rstrip()[-1:]
            if before and before in SENTENCE_END + ":»\"”)" and not nxt.islower():
                starts.append(m.end())
        elif m.group().count("\n") >= 2 or not nxt.islower():
            starts.append(m.end())
    return starts


def make_units(doc: Doc, para_starts: list[int]) -> list[Unit]:
    units = []
    for s in joined_sentences(doc, para_starts):
        cuts = [p for p in para_starts if s.start < p < s.stop]
        first = s.first
        start = s.start
        for cut in cuts + [None]:
            last = s.last if cut is None else first
            if cut is not None:
                while last < s.last and doc.tokens[last].start < cut:
                    last += 1
            if last > first:
                stop = doc.tokens[last - 1].stop
                units.append(Unit(doc.tokens[first].start, stop, first, last, doc.tokens[first].sent,
                                  bisect_right(para_starts, doc.tokens[first].start) - 1))
            first = last
            start = cut if cut is not None else start
    return units


@dataclass(slots=True)
class _Span:
    start: int
    stop: int
    first: int
    last: int


def joined_sentences(doc: Doc, para_starts: list[int]):
    """The segmenter's sentences, joined where one was cut at a line break inside a sentence (no end
    punctuation before it, no paragraph starting there: `увеличивается\nчисло машин`)."""
    starts = set(para_starts)
    out: list[_Span] = []
    for s in doc.sentences:
        if out:
            prev = out[-1]
            view = doc.layers.get("view", doc.text)
            gap = view[prev.stop:s.start]
            last_char = view[:prev.stop].rstrip()[-1:]
            if "\n" in gap or (gap == "" and last_char.isalpha()):
                if s.start not in starts and last_char and last_char not in SENTENCE_END + ":»\"”)":
                    prev.stop, prev.last = s.stop, s.last
                    continue
        out.append(_Span(s.start, s.stop, s.first, s.last))
    return out


def person_of(t: Token) -> int | None:
    """1 or 2 when the token is a first- or second-person form (я, наш, думаю, берегите), else None."""
    low = fold(t.text)
    if low in PRONOUN_PERSON:
        return PRONOUN_PERSON[low]
    if t.pos == "PRON" and t.feats.get("Person") in ("1", "2"):
        return int(t.feats["Person"])
    if t.pos == "DET" and t.lemma in ("мой", "наш", "твой", "ваш"):
        return 1 if t.lemma in ("мой", "наш") else 2
    if t.pos in ("VERB", "AUX") and t.feats.get("Person") in ("1", "2"):
        return int(t.feats["Person"])
    if t.pos in ("VERB", "AUX") and t.feats.get("Mood") == "Imp":
        return 2
    return None
