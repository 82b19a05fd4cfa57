"""Meetings name all their participants: one MEET or NEGOTIATE event holds every person of the meeting among
its actors and targets, however the prose spreads them (a list, a partner joined to the subject, a
participation phrase, a title tied to a name elsewhere, the sentence after).

One row per example, written for these tests:

    text | TYPE trigger-lemma | participant, participant, ...

A participant is matched by one word of an entity's canonical name, as in tests/test_events_frames.py.
"""

from __future__ import annotations

import pytest

import letopis
from tests.test_events_frames import LEAD, has, named

PARTICIPANTS = """
Путин с Лукашенко обсудили цены на газ.                                          | NEGOTIATE обсудить   | Путин, Лукашенко
Путин с Лукашенко провели переговоры в Минске.                                   | NEGOTIATE переговоры | Путин, Лукашенко
Встреча прошла с участием Путина, Эрдогана и Роухани.                            | MEET встреча         | Путин, Эрдоган, Роухани
Министр Шойгу провел совещание с участием Медведева и Лаврова.                   | MEET совещание       | Шойгу, Медведев, Лавров
В Кремле прошло совещание под председательством Путина с участием Мишустина.    | MEET совещание       | Путин, Мишустин
Переговоры прошли в присутствии Лаврова и Керри.                                 | NEGOTIATE переговоры | Лавров, Керри
Черноскулов в финале встретился со своим соперником — с белорусом Андреем Казусенком. | MEET встретиться | Черноскулов, Казусенок
Журналисты обсуждали итоги встречи Лаврова и министра иностранных дел Франции Жана-Ива Ле Дриана. | MEET встреча | Лавров, Дриан
В совещании, которое прошло под председательством мэра Омска Сергея Шелеста, участвовали депутаты Иванов и Петров. | MEET совещание | Шелест, Иванов, Петров
В переговорах с Мишустиным участвовали первый зам председателя правительства Омской области Ольга Петрова, глава администрации Омска Сергей Шелест. | NEGOTIATE переговоры | Мишустин, Петрова, Шелест
Сообщается, что Лавров прибыл в Женеву. Он сказал, что во время встречи с Керри они договорились о перемирии. | MEET встреча | Лавров, Керри
Президент России Владимир Путин прибыл в Хельсинки. Там его ждал президент США Дональд Трамп. Президенты встретились во дворце. | MEET встретиться | Путин, Трамп
В Минске прошли переговоры Мишустина и Головченко. С белорусской стороны в них участвовали Сивак и Крутой. | NEGOTIATE переговоры | Мишустин, Головченко, Сивак, Крутой
Губернатор Шелест провел совещание по отоплению. В нем приняли участие депутат Иван Петров и мэр Омска Сергей Шелест. | MEET совещание | Шелест, Петров
Президент Армении Серж Саргсян провел встречу с Ильхамом Алиевым при посредничестве Дмитрия Медведева. | MEET встреча | Саргсян, Алиев, Медведев
Глава МИД Таджикистана Сироджиддин Мухриддин прибыл в Москву. Вечером его принял Лавров. | MEET принять | Мухриддин, Лавров
Президент Киргизии Садыр Жапаров и президент Таджикистана Эмомали Рахмон прибыли в Астану, где прошла их встреча с Токаевым. | MEET встреча | Жапаров, Рахмон, Токаев
Пашинян и Алиев прилетели в Брюссель. Там они встретились с Мишелем. | MEET встретиться | Пашинян, Алиев, Мишель
Лавров прибыл в Анкару. Его переговоры с Фиданом продлились три часа. | NEGOTIATE переговоры | Лавров, Фидан
Мишустин провел переговоры с делегацией Узбекистана во главе с премьером Абдуллой Ариповым. | NEGOTIATE переговоры | Мишустин, Арипов
Премьер-министр Индии Нарендра Моди прилетел в Токио. Там его ждал японский премьер. Премьер-министр Японии Фумио Кисида провел переговоры с индийским коллегой. | NEGOTIATE переговоры | Кисида, Моди
Канцлер Германии Олаф Шольц прибыл в Вашингтон. Байден провел переговоры с немецким канцлером. | NEGOTIATE переговоры | Байден, Шольц
Президент Бразилии Лула да Силва прилетел в Москву. Путин встретился с бразильским лидером в Кремле. | MEET встретиться | Путин, Лула
Вместе с Шойгу Белоусов встретился с Хегсетом в Анкаре.                          | MEET встретиться     | Белоусов, Шойгу, Хегсет
Мирзиёев вместе с Сафоевым провел переговоры с Токаевым.                         | NEGOTIATE переговоры | Мирзиёев, Сафоев, Токаев
Макрон прилетел в Осаку. Ему предстоит встретиться с Моди.                     | MEET встретиться     | Макрон, Моди
Во время встречи Токаев поблагодарил Мирзиёева за помощь.                        | MEET встреча         | Токаев, Мирзиёев
Байден поговорил по телефону с вдовой сенатора Синди Маккейн.                  | NEGOTIATE поговорить | Байден, Маккейн
Пашинян и Алиев прилетели в Прагу. Встреча прошла в замке.                     | MEET встреча         | Пашинян, Алиев
"""


def rows(table: str) -> list[tuple[str, str, str, list[str]]]:
    out = []
    for line in table.strip().splitlines():
        text, trigger, people = (part.strip() for part in line.split("|"))
        type_, lemma = trigger.split()
        out.append((text, type_, lemma, [p.strip() for p in people.split(",")]))
    return out


@pytest.mark.parametrize("text,type_,lemma,people", rows(PARTICIPANTS))
def test_meeting_names_all_participants(text, type_, lemma, people):
    record = letopis.analyze(LEAD + text)
    events = [e for e in record.events if e.type == type_ and e.trigger.lemma == lemma]
    assert events, f"no {type_} event on {lemma!r} in {text!r}"
    found = [named(record, e.actors + e.targets) for e in events]
    assert any(all(has(names, p) for p in people) for names in found), \
        f"no {type_} event of {text!r} names all of {people}: {found}"


NOT_JOINED = """
Состоялась встреча Путина с Лукашенко. Затем прошел форум, в нем участвовал Лавров. | MEET встреча | Лавров
Вчера Лавров встретился с матерью певицы Аллы Пугачевой.                          | MEET встретиться | Пугачева
Роли исполнили Чугунов и Маркина. После показа прошла встреча со зрителями.       | MEET встреча | Чугунов
"""


@pytest.mark.parametrize("text,type_,lemma,people", rows(NOT_JOINED))
def test_someone_elsewhere_does_not_join(text, type_, lemma, people):
    """`в нем` here stands for the forum, not for the meeting (`встреча` would be `в ней`); the mother of
    Пугачева is not Пугачева; a meeting with viewers is not one of the actors named before."""
    record = letopis.analyze(LEAD + text)
    for e in record.events:
        if e.type == type_ and e.trigger.lemma == lemma:
            names = named(record, e.actors + e.targets)
            assert not any(has(names, p) for p in people), f"{people} joined {names} in {text!r}"
