"""Attribution of the whole report: the outlet that published it and the sources it relies on.

requires: tokens, morph, entities        assigns: attribution

- `outlet`: the input's `outlet` when it has one; else a dateline at the start of the text
  (`МОСКВА, 10 авг — РИА Новости`); else the outlet named in the lead by a reporting verb
  (`передает NUR.KZ`, `сообщает агентство Франс Пресс`).
- `via`: the sources the lead says the report relies on: `со ссылкой на Акорду` → `Акорда`,
  `по данным МВД`, an organisation or press office that `сообщает` the news (`сообщает пресс-служба МВД`),
  and any outlet the lead names besides the publishing one (`передает Reuters` in a RIA article).

The lead is the first paragraph, at most LEAD_SENTENCES sentences. Names are canonical: the entity's name
when the phrase starts with an entity mention, else the phrase in the nominative (`пресс-служба Акорды`).
The words are data: `lexicon/attribution_*.txt`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from letopis.analysis import lexicon
from letopis.analysis.document import Doc
from letopis.analysis.normalize import normalize_tokens
from letopis.model import Entity

LEAD_SENTENCES = 3
NAME_TOKENS = 5  # a source named by a plain phrase is at most this long
DATELINE = re.compile(
    r"\A\s*[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]+,\s+\d{1,2}\s+[а-яё]+\.?(?:\s+\d{4})?(?:\s+г\.)?\s*[—–-]+\s*"
    r"(?P<outlet>[^\n.,;:]+?(?:\.[A-Za-z]{2,4})?)\s*[.,\n]"
)
STOP_POS = {"PUNCT", "CCONJ", "SCONJ", "VERB", "AUX"}


@dataclass(slots=True)
class Named:
    name: str
    last: int  # one past its last token
    entity: Entity | None


class ReportAttribution:
    name = "attribution"
    requires = ("tokens", "morph", "entities")
    assigns = ("attribution",)

    def __call__(self, doc: Doc) -> None:
        outlet = doc.meta.get("outlet") or doc.attribution.outlet or dateline_outlet(doc.text)
        via: list[str] = []
        for media, name in lead_sources(doc):
            if media and outlet is None:
                outlet = name
            elif not same_name(name, outlet) and not any(same_name(name, v) for v in via):
                via.append(name)
        doc.attribution.outlet = outlet
        doc.attribution.via = via


def same_name(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and fold(a) == fold(b)


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().replace("ё", "е")).strip(" «»\"")


def dateline_outlet(text: str) -> str | None:
    m = DATELINE.match(text)
    return m.group("outlet").strip() if m else None


def lead_sentences(doc: Doc) -> list[int]:
    first_break = doc.text.find("\n")
    out = []
    for i, s in enumerate(doc.sentences[:LEAD_SENTENCES]):
        if i and 0 <= first_break < s.start:
            break
        out.append(i)
    return out


def lead_sources(doc: Doc) -> list[tuple[bool, str]]:
    """(is it an outlet, name) of the outlets and sources the lead names, in text order."""
    verbs = lexicon.table("attribution_report_verbs")
    markers = [tuple(e.split()) for e in lexicon.entries("attribution_source_markers")]
    mentions = mention_starts(doc)
    found: list[tuple[int, bool, str]] = []
    for si in lead_sentences(doc):
        s = doc.sentences[si]
        for i in range(s.first, s.last):
            t = doc.tokens[i]
            if t.lemma in verbs and t.pos == "VERB" and t.feats.get("Tense") != "Past":
                hit = reported_by(doc, i + 1, s.last, verbs[t.lemma] == "media", mentions)
                if hit is not None:
                    found.append((i, *hit))
            for marker in markers:
                end = i + len(marker)
                if end < s.last and tuple(x.lemma for x in doc.tokens[i:end]) == marker:
                    for named in named_list(doc, end, s.last, mentions):
                        found.append((i, False, named.name))
    return [(media, name) for _, media, name in sorted(found, key=lambda f: f[0])]


def reported_by(doc: Doc, i: int, end: int, media_verb: bool,
                mentions: dict[int, Entity]) -> tuple[bool, str] | None:
    """Who `сообщает`/`передает`: (is it an outlet, name), reading the tokens from `i`."""
    media_words = lexicon.words("attribution_media_nouns")
    press = lexicon.words("attribution_press_offices")
    media = media_verb
    while i < end and (doc.tokens[i].pos in ("ADV", "ADJ") or doc.tokens[i].lemma in media_words):
        media = media or doc.tokens[i].lemma in media_words
        i += 1
    if i >= end:
        return None
    if doc.tokens[i].lemma in press:
        named = noun_phrase(doc, i, end)
        return (False, named.name) if named else None
    named = name_at(doc, i, end, mentions)
    if named is None or named.entity is not None and named.entity.type == "PER":
        return None
    web = bool(re.search(r"[A-Za-z]", named.name)) or "." in named.name
    return media or web, named.name


def named_list(doc: Doc, i: int, end: int, mentions: dict[int, Entity]) -> list[Named]:
    """`Акорду`, `МВД и ФСБ`, `источники в полиции`: the names from token `i` on."""
    out = []
    while i < end:
        named = name_at(doc, i, end, mentions) or noun_phrase(doc, i, end)
        if named is None:
            break
        out.append(named)
        i = named.last
        if i < end and doc.tokens[i].text == "и":
            i += 1
            continue
        break
    return out


def mention_starts(doc: Doc) -> dict[int, Entity]:
    """token index → the entity whose mention starts there."""
    out: dict[int, Entity] = {}
    for e in doc.entities:
        for m in e.mentions:
            i = doc.token_at(m.start)
            if i is not None:
                out.setdefault(i, e)
    return out


def name_at(doc: Doc, i: int, end: int, mentions: dict[int, Entity]) -> Named | None:
    """An entity mention, a quoted name (`«Коммерсант»`) or a run of proper names (`NUR.KZ`) at token `i`."""
    entity = mentions.get(i)
    if entity is not None:
        last = i + 1
        for m in entity.mentions:
            if doc.token_at(m.start) == i:
                last = max(last, doc.tokens_in(m.start, m.stop).stop)
        return Named(entity.name, last, entity)
    t = doc.tokens[i]
    if t.text in ("«", '"', "“", "„"):
        j = i + 1
        while j < end and doc.tokens[j].text not in ("»", '"', "”", "“"):
            j += 1
        if j == i + 1 or j >= end:
            return None
        return Named(doc.text[doc.tokens[i + 1].start:doc.tokens[j - 1].stop], j + 1, None)
    j = i
    while j < end and is_name_part(doc, j):
        j += 1
    if j == i:
        return None
    return Named(doc.text[t.start:doc.tokens[j - 1].stop], j, None)


def is_name_part(doc: Doc, j: int) -> bool:
    """A capitalised word or a `.` glued inside a web name (`NUR.KZ`, `Tengrinews.kz`)."""
    t = doc.tokens[j]
    if t.text == ".":
        glued = j > 0 and doc.tokens[j - 1].stop == t.start
        nxt = doc.tokens[j + 1] if j + 1 < len(doc.tokens) else None
        return glued and nxt is not None and nxt.start == t.stop and nxt.text.isalpha()
    return t.pos in ("PROPN", "X") or (t.text[:1].isupper() and t.text.isalpha() and t.pos != "ADP")


def noun_phrase(doc: Doc, i: int, end: int) -> Named | None:
    """A plain noun phrase in the nominative: `пресс-службу Акорды` → `пресс-служба Акорды`."""
    if doc.tokens[i].pos not in ("NOUN", "PROPN", "ADJ"):
        return None
    j = i
    while j < end and j - i < NAME_TOKENS and doc.tokens[j].pos not in STOP_POS:
        j += 1
    while j > i and doc.tokens[j - 1].pos == "ADP":
        j -= 1
    return Named(normalize_tokens(doc, i, j, "ORG"), j, None)
