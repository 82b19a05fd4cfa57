"""An agreement between people implies the talks that led to it (events/implied_talks.py): beside the AGREE
event, a NEGOTIATE event with the same trigger and people. Not for states or companies, not for agreeing with
what someone said, not for a signing that did not happen, and not where the sentence's own meeting already
names everyone. Failing to agree still took talks: those are asserted."""

from __future__ import annotations

import pytest

import letopis
from tests.test_events_frames import has, named

IMPLIED = [
    ("Тогда Болден и Перминов договорились о продлении контракта на доставку экипажей.", "договориться",
     ["Болден", "Перминов"]),
    ("Председатель Еврокомиссии Жозе Мануэл Баррозу прилетел в Баку и подписал с Ильхамом Алиевым совместную "
     "декларацию.", "подписать", ["Баррозу", "Алиев"]),
    ("Нетаньяху не договорился с Аббасом о перемирии.", "договориться", ["Нетаньяху", "Аббас"]),
]

NOT_IMPLIED = [
    "Россия и Турция подписали соглашение о взаимной отмене виз.",  # states
    "Министр иностранных дел Сергей Лавров согласился с Джоном Керри.",  # agreeing with what was said
    "Сечин и Дадли провели в Лондоне переговоры и подписали протокол.",  # the talks are told already
    "Янукович так и не подписал с Баррозу соглашение об ассоциации.",  # a signing that did not happen
]


@pytest.mark.parametrize(("text", "lemma", "people"), IMPLIED)
def test_an_agreement_between_people_implies_their_talks(text: str, lemma: str, people: list[str]) -> None:
    record = letopis.analyze(text, "2012-05-01")
    agreement = [e for e in record.events if e.type == "AGREE" and e.trigger.lemma == lemma]
    talks = [e for e in record.events if e.type == "NEGOTIATE" and e.trigger.lemma == lemma]
    assert len(agreement) == 1 and len(talks) == 1, [(e.type, e.trigger.text) for e in record.events]
    found = named(record, talks[0].actors + talks[0].targets)
    assert all(has(found, p) for p in people), found
    assert talks[0].modality == ("asserted" if agreement[0].modality == "negated" else agreement[0].modality)
    assert record.events.index(talks[0]) == record.events.index(agreement[0]) + 1


@pytest.mark.parametrize("text", NOT_IMPLIED)
def test_no_talks_implied_without_two_people_agreeing_anew(text: str) -> None:
    record = letopis.analyze(text, "2012-05-01")
    assert any(e.type == "AGREE" for e in record.events)
    implied = [e for e in record.events if e.type == "NEGOTIATE" and e.trigger.lemma in ("подписать", "согласиться")]
    assert not implied, [(e.type, e.trigger.text, named(record, e.actors + e.targets)) for e in record.events]
