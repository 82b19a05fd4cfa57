"""Photo captions that show people together are meetings (events/captions.py): a line of its own, with no
verb, that opens with a person and names others after `с`. Every text here is written for these tests."""

from __future__ import annotations

import letopis
from tests.test_events_frames import has, named

ARTICLE = """Губернатор ушел в отставку

Губернатор Иван Соколов с президентом Белоруссии Александром Лукашенко в 2016 году
Губернатор Новгородской области Иван Соколов в пятницу подал в отставку. Об этом сообщила пресс-служба \
администрации.
"""


def captions(record):
    return [e for e in record.events if e.type == "MEET" and e.trigger.lemma == "с"]


def test_a_caption_of_two_people_is_their_meeting_dated_by_its_year():
    record = letopis.analyze(ARTICLE, "2021-03-05")
    [event] = captions(record)
    assert has(named(record, event.actors), "Соколов")
    assert has(named(record, event.targets), "Лукашенко")
    assert event.modality == "asserted"
    assert event.date_text == "в 2016 году"


def test_everyone_after_the_with_is_a_partner_and_an_aside_in_brackets_is_passed_over():
    text = ("Королева покидает трон\n\nКоролева Маргрете (слева) с президентом Исландии Гудни Йоуханнессоном "
            "и его супругой Элизой Рейд\nКоролева Дании Маргрете объявила об отречении.\n")
    record = letopis.analyze(text, "2024-01-01")
    [event] = captions(record)
    partners = named(record, event.targets)
    assert has(partners, "Йоуханнессон") and has(partners, "Рейд")
    assert has(named(record, event.actors), "Маргрете")


def test_with_together_and_initials():
    text = "Умер бывший министр\nИ. И. Петров вместе с министром Семеном Гусевым\nВчера умер Илья Петров.\n"
    record = letopis.analyze(text, "2024-01-01")
    [event] = captions(record)
    assert has(named(record, event.actors), "Петров") and has(named(record, event.targets), "Гусев")


def test_no_caption_event():
    texts = [
        # inside a paragraph, after another sentence: no caption
        "Вчера умер Илья Петров. Илья Петров с министром Семеном Гусевым в 2010 году.\n",
        # a headline whose `с` follows a noun, not a person
        "Путин в Бишкеке: знакомство с Роухани\n\nПрезидент Владимир Путин прибыл в Бишкек.\n",
        # no one named after `с`
        "Новый посол\nИван Соколов с супругой\nИван Соколов вручил верительные грамоты.\n",
        # a verb: the line is no caption (the meeting, if any, is another event's)
        "Новости\nИван Соколов с Семеном Гусевым осмотрели завод\nЗавод открыт в 2010 году.\n",
        # a line that opens with something other than a person
        "Кино\nСцена из фильма с Чарли Чаплином\nФильм вышел в 1931 году.\n",
    ]
    for text in texts:
        record = letopis.analyze(text, "2024-01-01")
        assert not captions(record), text


def test_a_title_that_ends_a_line_is_not_the_next_lines_name():
    text = "Фигуристка ушла из спорта\nАнна Котова вместе с президентом РФ\nЕлена Горина с Иваном Соколовым\n" \
           "Олимпийская чемпионка Анна Котова завершила карьеру.\n"
    record = letopis.analyze(text, "2024-01-01")
    gorina = next(e for e in record.entities if "Горина" in e.name)
    assert not any("президент" in role for role in gorina.roles)
    assert not any(has(named(record, e.targets), "Горина") for e in captions(record))
