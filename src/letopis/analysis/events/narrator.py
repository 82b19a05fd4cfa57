"""The one who tells an article in the first person: a memoir or a column whose lead names its author and
says what he wrote (`Олег Ремизов в 1986–1991 годах работал советником посольства ... он написал для нашего
издания воспоминания`), the text then saying `я` and `мы` outside any quote (`мы с Кочемасовым поехали к
Кренцу` is Ремизов's meeting).

The narrator is the only person named before the text's first `я` outside a quote, when those sentences hold a
word of authorship (lexicon/event_narrator_words.txt: `воспоминания`, `написал`, `рассказывает`) and the text
says `я` outside quotes at least FIRST_PERSON_MIN times. Otherwise there is none: a report's `я` outside
quotes is rare, and no one is guessed.

Requires: the entities and quotes. The events stage finds the narrator once and keeps it in
`doc.layers["narrator"]`, for a `я`/`мы` that no quote's speaker accounts for.
"""

from __future__ import annotations

from letopis.analysis import lexicon
from letopis.analysis.document import Doc
from letopis.model import Entity

FIRST_PERSON_MIN = 3


def narrator(doc: Doc) -> Entity | None:
    """The person who says `я` outside quotes in `doc`, or None (the rule is the module's)."""
    said = [t for t in doc.tokens if t.pos == "PRON" and t.lemma == "я" and doc.quote_at(t.start) is None]
    if len(said) < FIRST_PERSON_MIN:
        return None
    lead_stop = said[0].start
    lead = doc.tokens_in(0, lead_stop)
    words = lexicon.words("event_narrator_words")
    if not any(doc.tokens[i].lemma in words for i in lead):
        return None
    named = [e for e in doc.entities if e.type == "PER" and any(m.start < lead_stop for m in e.mentions)]
    return named[0] if len(named) == 1 else None
