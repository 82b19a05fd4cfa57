"""Quotes: who said what, as direct, indirect and mixed speech with resolved speakers.

requires: tokens, morph, entities, syntax        assigns: quotes

1. Cues (`cues.py`): reporting verbs and attributing frames from the lexicons, found from lemmas alone;
   only the sentences that hold one are parsed (`doc.parse`), in one batch.
2. Direct speech (`direct.py`): quotation marks paired over the text (`marks.py`), dialogue dashes and
   paragraphs after a colon, each with its attribution after, before or around it.
3. Indirect and mixed speech (`indirect.py`, `clauses.py`): the clause a verb or frame reports.
4. Speakers (`speakers.py`): the source linked to the article's entities through names, roles and pronouns,
   or described in the nominative.
5. The candidates are merged (`assemble.py`): where two cover the same words the more specific one stays; the
   quotes are numbered in text order.
"""

from __future__ import annotations

from letopis.analysis.document import Doc
from letopis.analysis.quotes.assemble import assemble
from letopis.analysis.quotes.context import Candidate, Context
from letopis.analysis.quotes.cues import author_frame_tokens, frame_cues, verb_cues
from letopis.analysis.quotes.direct import Direct
from letopis.analysis.quotes.indirect import Indirect
from letopis.analysis.quotes.speakers import Speakers


class Quotes:
    name = "quotes"
    requires = ("tokens", "morph", "entities", "syntax")
    assigns = ("quotes",)

    def __call__(self, doc: Doc) -> None:
        doc.quotes = find_quotes(doc)


def find_quotes(doc: Doc):
    if not doc.tokens:
        return []
    ctx = Context.build(doc)
    excluded = author_frame_tokens(ctx)
    vcues = verb_cues(ctx, excluded)
    fcues = frame_cues(ctx, excluded)
    speakers = Speakers(ctx)
    indirect = Indirect(ctx, speakers, fcues)
    wanted = {doc.tokens[c.token].sent for c in vcues if indirect.needs_parse(c)}
    wanted |= {doc.tokens[f.first].sent for f in fcues if not indirect.plain_frame(f)}
    if wanted:
        doc.parse(sorted(wanted))
    candidates: list[Candidate] = Direct(ctx, indirect, vcues).find()
    for c in vcues:
        found = indirect.from_verb(c)
        if found is not None:
            candidates.append(found)
    for f in fcues:
        found = indirect.from_frame(f)
        if found is not None:
            candidates.append(found)
    return assemble(ctx, candidates)


__all__ = ["Quotes", "find_quotes"]
