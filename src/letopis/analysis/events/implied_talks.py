"""The talks an agreement between people implies (`Сечин и Дадли подписали соглашение`, `Нетаньяху договорился
с Аббасом о перемирии`): two people who came to terms with each other talked, so the agreement is recorded
and, beside it, the talks, as a NEGOTIATE event with the same trigger, people, place, date, modality and
source. Failing to agree still took talks (`Нетаньяху не договорился с Аббасом`: talks asserted); a signing that
did not happen implies none (`так и не подписал с ним соглашение`).

Only the verbs of lexicon/event_implied_talks.txt imply talks, and only when the agreement names two or more
people with at least one of them its actor: an agreement of states or companies (`Россия и Турция
подписали`) names no one who talked, and `согласился с Лавровым` is agreeing with what someone said. No talks
are added where a meeting or talks of the same sentence already name everyone the agreement names
(`провели переговоры и подписали протокол`, `встретившиеся в Харькове президенты подписали`).

Requires: the events of the sentence, with their people; the entities. Assigns: NEGOTIATE events, each
placed right after its agreement.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from letopis.analysis import lexicon
from letopis.analysis.document import Doc
from letopis.analysis.events.candidates import TALKS
from letopis.model import Event

FAILED_TALKS = ("договориться", "договариваться")  # not agreeing still took talks; not signing, none


@cache
def implying_lemmas() -> frozenset[str]:
    return lexicon.words("event_implied_talks")


def add_implied_talks(doc: Doc, events: list[Event]) -> list[Event]:
    """`events` with the talks their agreements between people imply (the rule is the module's)."""
    people = {e.id for e in doc.entities if e.type == "PER"}
    out = []
    for event in events:
        out.append(event)
        if event.type != "AGREE" or event.trigger.lemma not in implying_lemmas():
            continue
        named = {x for x in event.actors + event.targets if x in people}
        if len(named) < 2 or not any(x in people for x in event.actors):
            continue
        if any(other.type in TALKS and other.sentence == event.sentence
               and named <= set(other.actors + other.targets) for other in events):
            continue
        modality = event.modality
        if modality == "negated":
            if event.trigger.lemma not in FAILED_TALKS:
                continue
            modality = "asserted"  # `не договорились о цене`: they talked, and did not agree
        out.append(replace(event, id="", type="NEGOTIATE", trigger=replace(event.trigger), actors=list(event.actors),
                           targets=list(event.targets), modality=modality))
    return out
