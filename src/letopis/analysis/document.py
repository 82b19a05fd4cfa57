"""The working document that the analysis stages fill, one layer each.

A `Doc` holds the text and metadata, then the layers in the order the pipeline assigns them:
`tokens` and `sentences` (segment), token `pos`/`feats`/`lemma` (morph), `ner` (ner), token `head`/`rel`
for the sentences someone asked to parse (syntax, on demand), `entities`, `quotes`, `events`, `dates`,
`attribution`. At the end `to_article()` turns it into the record.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from letopis.model import Article, Attribution, Entity, Event, Quote

CLAUSE_EDGES = frozenset({",", ";", ":", "—", "–"})  # tokens a clause ends at, for `Doc.clause_before`


@dataclass(slots=True)
class Token:
    start: int
    stop: int
    text: str
    sent: int = 0  # index of the sentence holding it
    pos: str = ""  # universal part of speech (NOUN, PROPN, VERB, ...)
    feats: dict[str, str] = field(default_factory=dict)  # Case, Gender, Number, ...
    lemma: str = ""
    head: int = -1  # index (in Doc.tokens) of the syntactic head; -1 for the root or an unparsed sentence
    rel: str = ""  # dependency relation to the head; "" for an unparsed sentence


@dataclass(slots=True)
class Sentence:
    start: int
    stop: int
    first: int  # index of its first token in Doc.tokens
    last: int  # one past its last token
    parsed: bool = False


@dataclass(slots=True)
class NerSpan:
    start: int
    stop: int
    type: str  # PER | ORG | LOC
    first: int  # token range, [first, last)
    last: int
    normal: str = ""  # nominative form


@dataclass(slots=True)
class Doc:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)  # id, date, title, url, outlet
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    ner: list[NerSpan] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attribution: Attribution = field(default_factory=Attribution)
    # extra layers that stages share without a field of their own (e.g. resolved dates)
    layers: dict[str, Any] = field(default_factory=dict)
    # set by the syntax stage: parses the given sentence indices in one batch
    parser: Callable[[Doc, list[int]], None] | None = None
    _starts: list[int] = field(default_factory=list)

    # --- tokens and sentences -------------------------------------------------------------

    def index_tokens(self) -> None:
        """Rebuild the offset index after the tokens change."""
        self._starts = [t.start for t in self.tokens]

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering `offset`, or None."""
        i = bisect_right(self._starts, offset) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].start <= offset < self.tokens[i].stop:
            return i
        return None

    def tokens_in(self, start: int, stop: int) -> range:
        """Indices of the tokens lying wholly inside [start, stop)."""
        first = bisect_left(self._starts, start)
        last = first
        while last < len(self.tokens) and self.tokens[last].stop <= stop:
            last += 1
        return range(first, last)

    def sentence_of(self, token_index: int) -> Sentence:
        return self.sentences[self.tokens[token_index].sent]

    def sentence_tokens(self, sent_index: int) -> list[Token]:
        s = self.sentences[sent_index]
        return self.tokens[s.first:s.last]

    def span_text(self, start: int, stop: int) -> str:
        return self.text[start:stop]

    def quote_at(self, offset: int) -> str | None:
        """The id of the quote whose content holds `offset` (an event there is a claim by its speaker)."""
        for q in self.quotes:
            if q.content.start <= offset < q.content.stop:
                return q.id
        return None

    # --- syntax on demand -----------------------------------------------------------------

    def parse(self, sent_indices: Iterable[int]) -> None:
        """Make sure the given sentences carry a dependency parse (token head/rel)."""
        todo = sorted({i for i in sent_indices if not self.sentences[i].parsed})
        if not todo:
            return
        if self.parser is None:
            raise RuntimeError("no syntax stage in this pipeline: add letopis.analysis.linguistic.Syntax")
        self.parser(self, todo)

    def children(self, head: int) -> list[int]:
        """Indices of the tokens whose head is `head` (its sentence must be parsed)."""
        s = self.sentence_of(head)
        return [i for i in range(s.first, s.last) if self.tokens[i].head == head]

    def below(self, k: int, i: int) -> bool:
        """Whether token `k` lies below token `i` in the parse (their sentence must be parsed)."""
        for _ in range(len(self.tokens)):
            k = self.tokens[k].head
            if k < 0:
                return False
            if k == i:
                return True
        return False

    def clause_before(self, i: int) -> range:
        """The words before token `i` in its clause, back to the sentence's start or a comma, a semicolon, a
        colon or a dash (`Впервые на подобном мероприятии обещал быть X, а Y отказался`: `а Y` for `отказался`)."""
        first = self.sentence_of(i).first
        k = i - 1
        while k >= first and self.tokens[k].text not in CLAUSE_EDGES:
            k -= 1
        return range(k + 1, i)

    def in_relative_clause(self, i: int) -> bool:
        """Whether token `i` follows a `который` in its clause (`Янукович, которого поддерживает Ахметов`:
        Ахметов), by the words alone, no parse needed."""
        clause = self.clause_before(i)
        after = max((k + 1 for k in clause if self.tokens[k].text == ")"), default=clause.start)
        return any(self.tokens[k].lemma == "который" for k in range(after, clause.stop))  # `(из которого ...) Зорькин`

    def relative_antecedent(self, i: int) -> int | None:
        """For token `i` inside a relative clause, the last word before the comma that opens it: the noun
        `который` stands for (`Кудрин, с которым он встречался`: Кудрин), or None."""
        if not self.in_relative_clause(i):
            return None
        comma = self.clause_before(i).start - 1
        first = self.sentence_of(i).first
        return comma - 1 if comma - 1 >= first and self.tokens[comma].text == "," else None

    # --- the record -----------------------------------------------------------------------

    def to_article(self) -> Article:
        meta = self.meta
        return Article(
            text=self.text, id=meta.get("id") or "", date=meta.get("date"), title=meta.get("title"),
            url=meta.get("url"), outlet=meta.get("outlet"), entities=self.entities, quotes=self.quotes,
            events=self.events, attribution=self.attribution,
        )
