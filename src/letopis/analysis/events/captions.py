"""Photo captions that show people together: `Принц Мухаммед ибн Салман с президентом России Владимиром Путиным
в 2015 году`, `Император Акихито (справа) с президентом Аргентины Маурисио Макри и его супругой`.

A caption is a line of its own (a paragraph of one sentence) of at most CAPTION_TOKENS tokens with no verb,
that opens with a person (their name or title, in the nominative) and names one or more people after `с` (or
`вместе с`) in the instrumental. It tells that they met: a MEET event whose actors are the people before `с`,
whose targets are the people after it, whose trigger is the `с`, dated by the caption's only date. Web pages
keep such captions in the text (Wikinews does), and they are often the only place an article shows a meeting.

Requires: tokens, morph, entities, dates. Assigns: MEET events (the events stage adds them to its own).
"""

from __future__ import annotations

from letopis.analysis.document import Doc, Sentence
from letopis.model import Cue, Event

CAPTION_TOKENS = 30
WITH = ("с", "со")
TOGETHER = "вместе"  # `вместе с X`


def caption_events(doc: Doc) -> list[Event]:
    """The MEET events of the article's captions, in text order (ids left empty)."""
    people = person_tokens(doc)
    out = []
    for s in doc.sentences:
        if not own_line(doc.text, s) or s.last - s.first > CAPTION_TOKENS:
            continue
        tokens = doc.tokens[s.first:s.last]
        if any(t.pos in ("VERB", "AUX") for t in tokens):
            continue
        k = with_token(doc, s)
        if k is None or not after_person(doc, k, people):
            continue
        before = [e for i, _, e in people if s.first <= i < k]
        after = [e for i, _, e in people if k < i < s.last and e not in before]
        if not before or not after or not opens_with_person(doc, s, people):
            continue
        t = doc.tokens[k]
        dates = [m for m in doc.layers.get("dates", []) if s.first <= m.first < s.last]
        date = dates[0] if len(dates) == 1 else None
        out.append(Event(id="", type="MEET", trigger=Cue(t.start, t.stop, t.text, "с"), sentence=(s.start, s.stop),
                         actors=list(dict.fromkeys(before)), targets=list(dict.fromkeys(after)),
                         date=date.day if date else None, date_text=date.text if date else None))
    return out


def person_tokens(doc: Doc) -> list[tuple[int, int, str]]:
    """(first token, last token, entity id) of every mention of a person by name or title, in text order."""
    out = []
    for e in doc.entities:
        if e.type != "PER":
            continue
        for m in e.mentions:
            tokens = doc.tokens_in(m.start, m.stop)
            if len(tokens) and m.kind != "pronoun":
                out.append((tokens[0], tokens[-1], e.id))
    return sorted(out)


def own_line(text: str, s: Sentence) -> bool:
    """Whether the sentence is the whole of its line."""
    opens = not text[:s.start].strip() or text[:s.start].rstrip(" \t").endswith("\n")
    return opens and text[s.stop:].lstrip(" \t")[:1] in ("\n", "")


def with_token(doc: Doc, s: Sentence) -> int | None:
    """The first `с` of the sentence followed by a word in the instrumental (`с президентом`, `вместе с ним`)."""
    for k in range(s.first + 1, s.last - 1):
        if doc.tokens[k].text.lower() in WITH and doc.tokens[k + 1].feats.get("Case") == "Ins":
            return k
    return None


def after_person(doc: Doc, k: int, people: list[tuple[int, int, str]]) -> bool:
    """Whether the `с` at `k` follows a person's mention, with `вместе` or an aside in brackets between
    (`Акихито (справа) с`), not a noun (`знакомство с Роухани`)."""
    j = k - 1
    if doc.tokens[j].lemma == TOGETHER:
        j -= 1
    if doc.tokens[j].text == ")":
        while j > 0 and doc.tokens[j].text != "(":
            j -= 1
        j -= 1
    return any(first <= j <= last for first, last, _ in people)


def opens_with_person(doc: Doc, s: Sentence, people: list[tuple[int, int, str]]) -> bool:
    """Whether the line opens with a person: their mention starts it, or follows only words in the nominative
    (`Принц Мухаммед ибн Салман`, `Император Акихито`)."""
    first = next((i for i, _, _ in people if s.first <= i < s.last), None)
    if first is None:
        return False
    return all(doc.tokens[k].feats.get("Case") == "Nom" for k in range(s.first, first)) \
        and doc.tokens[first].feats.get("Case") in ("Nom", None)
