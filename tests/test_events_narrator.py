"""A text told in the first person by the one its lead names (events/narrator.py): his `я` and `мы` outside
quotes take part in meetings; no one is guessed for a report's `я` or when the lead names several people."""

from __future__ import annotations

import letopis
from letopis.analysis.analyze import default_pipeline
from letopis.analysis.document import Doc
from letopis.analysis.events.narrator import narrator

MEMOIR = (
    "Воспоминания дипломата\n\n"
    "Иван Петрович Соколов в 1985–1991 годах работал советником посольства СССР в Праге. Он написал для нашего "
    "издания воспоминания о той осени.\n\n"
    "Когда меня спрашивают о той осени, я вспоминаю холод. В посольство я попал молодым атташе. "
    "Утром следующего дня мы с послом Борисом Ломакиным поехали к Густаву Гусаку. "
    "Через неделю меня принял в своем кабинете Александр Яковлев."
)


def people_of(record, event) -> set[str]:
    names = {e.id: e.name.split()[-1] for e in record.entities}
    return {names[x] for x in event.actors + event.targets}


def test_the_narrator_of_a_memoir_is_the_one_its_lead_names():
    doc = Doc(text=MEMOIR, meta={"id": "m", "date": "2009-11-09"})
    default_pipeline()(doc)
    assert narrator(doc) is not None and narrator(doc).name.endswith("Соколов")


def test_the_narrator_takes_part_in_the_meetings_he_tells_of():
    record = letopis.analyze(MEMOIR, "2009-11-09")
    meetings = [people_of(record, e) for e in record.events if e.type in ("MEET", "NEGOTIATE")]
    assert {"Соколов", "Ломакин", "Гусак"} in meetings
    assert {"Соколов", "Яковлев"} in meetings


def test_no_narrator_when_the_lead_names_several_people():
    text = MEMOIR.replace("Он написал", "Вместе с Петром Орловым он написал")
    doc = Doc(text=text, meta={"id": "m", "date": "2009-11-09"})
    default_pipeline()(doc)
    assert narrator(doc) is None


def test_no_narrator_for_a_report_whose_i_is_inside_quotes():
    text = ("Министр Иван Соколов рассказал о переговорах. «Я встречался с Гусаком, я говорил с ним долго, "
            "я доволен», — сказал Соколов. Затем министр улетел в Москву.")
    doc = Doc(text=text, meta={"id": "r", "date": "2009-11-09"})
    default_pipeline()(doc)
    assert narrator(doc) is None
