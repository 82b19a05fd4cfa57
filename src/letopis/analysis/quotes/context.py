"""What every quote rule reads about one article, built once per document."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from letopis.analysis.document import Doc
from letopis.analysis.quotes.layout import Layout, fold
from letopis.analysis.quotes.marks import Quoted, quoted_spans
from letopis.analysis.quotes.tree import Tree
from letopis.analysis.quotes.words import QuoteWords, quote_words
from letopis.model import Cue, Entity, Mention, Speaker

MEDIA_WORDS = {"агентство", "информагентство", "газета", "издание", "портал", "сайт", "телеканал", "канал", "радио",
               "радиостанция", "журнал", "корреспондент", "журналист", "редакция", "обозреватель", "интернет-издание"}
DATELINE_AGENCY = re.compile(r"^[^\n]{0,80}?(?:/\s*([A-ZА-ЯЁ][\w\-. ]{1,30}?)\s*/|\b([A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{2,20})\s+[—–-])")


@dataclass(slots=True)
class Candidate:
    """A quote while it is being found: its content span, cue and speaker, and the rule that found it."""

    kind: str  # direct | indirect | mixed
    start: int
    stop: int
    cue: Cue | None
    speaker: Speaker | None
    rule: str
    rank: int = 5  # lower wins when two candidates cover the same words


@dataclass
class Context:
    doc: Doc
    layout: Layout
    words: QuoteWords
    tree: Tree
    quoted: list[Quoted]
    outlet_names: set[str] = field(default_factory=set)
    mentions: dict[int, list[tuple[Entity, Mention]]] = field(default_factory=dict)
    _top: list[Quoted] = field(default_factory=list)
    _top_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc) -> Context:
        layout = Layout(doc)
        ctx = cls(doc, layout, quote_words(), Tree(doc), quoted_spans(layout))
        ctx._top = [q for q in ctx.quoted if q.depth == 0]
        ctx._top_starts = [q.open for q in ctx._top]
        for e in doc.entities:
            for m in e.mentions:
                for i in doc.tokens_in(m.start, m.stop):
                    ctx.mentions.setdefault(i, []).append((e, m))
        ctx.outlet_names = outlet_names(doc, layout.text, ctx.words)
        return ctx

    @property
    def text(self) -> str:
        return self.layout.text

    def quote_around(self, offset: int) -> Quoted | None:
        """The outermost quotation whose marks enclose `offset`, if any."""
        k = bisect_right(self._top_starts, offset) - 1
        if k >= 0 and self._top[k].open < offset < self._top[k].close:
            return self._top[k]
        return None

    def in_quote(self, token: int) -> bool:
        t = self.doc.tokens[token]
        return self.quote_around(t.start) is not None

    def in_speech(self, token: int) -> bool:
        """Inside quotation marks that hold words rather than a name (`«МБХ медиа» сообщает` is a name)."""
        t = self.doc.tokens[token]
        q = self.quote_around(t.start)
        if q is None:
            return False
        inner = self.layout.text[q.start:q.stop]
        words = inner.split()
        return len(words) > 4 or inner[:1].islower() or inner.rstrip()[-1:] in ".!?…,"

    def entity_at(self, token: int, kinds: tuple[str, ...] = ("name", "role", "pronoun")) -> Entity | None:
        for e, m in self.mentions.get(token, []):
            if m.kind in kinds:
                return e
        return None

    def is_outlet(self, name: str) -> bool:
        """Whether `name` is the publishing outlet, also behind a media noun (`портал iz.ru`, `агентство ТАСС`,
        `корреспондент ТАСС`)."""
        words = fold(name).replace("«", " ").replace("»", " ").replace('"', " ").split()
        while words and words[0] in MEDIA_WORDS:
            words = words[1:]
        return " ".join(words) in self.outlet_names


def outlet_names(doc: Doc, text: str, words: QuoteWords) -> set[str]:
    """Names under which the publishing outlet signs: its aliases and the agency in the dateline."""
    names: set[str] = set()
    outlet = doc.meta.get("outlet")
    if outlet:
        key = fold(outlet)
        names.add(key)
        for k, aliases in words.outlets.items():
            if key == k or key in (fold(a) for a in aliases):
                names.update(fold(a) for a in aliases)
                names.add(k)
    m = DATELINE_AGENCY.match(text)
    if m:
        agency = m.group(1) or m.group(2)
        if agency:
            key = fold(agency.strip(" ."))
            names.add(key)
            for aliases in words.outlets.values():
                if key in (fold(a) for a in aliases):
                    names.update(fold(a) for a in aliases)
    return names
