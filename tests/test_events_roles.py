"""Titles without a name inside an event: the person the article ties to that title, by country adjective
(lexicon/event_nationalities.txt), by the name the next sentence introduces, or by the people a plural
title stands for.

One row per example, written for these tests:    text | TYPE trigger-lemma | participant, participant, ...
"""

from __future__ import annotations

import pytest

from letopis.analysis import lexicon
from letopis.analysis.events import roles
from letopis.model import Entity
from tests import test_events_participants as participants

NATIONALITIES = """
Госсекретарь США Хиллари Клинтон прибыла в Москву. Лавров встретился с американским госсекретарем. | MEET встретиться | Лавров, Клинтон
Канцлер Германии Ангела Меркель прибыла в Москву. Путин встретился с немецким канцлером.          | MEET встретиться | Путин, Меркель
Премьер-министр Великобритании Дэвид Кэмерон прибыл в Москву. Путин встретился с британским премьером. | MEET встретиться | Путин, Кэмерон
Премьер-министр Великобритании Дэвид Кэмерон прибыл в Москву. Путин встретился с английским премьером. | MEET встретиться | Путин, Кэмерон
Председатель КНР Ху Цзиньтао прибыл в Вашингтон. Обама принял китайского гостя за ужином.        | MEET принять | Обама, Ху
Президент Турции Абдулла Гюль прибыл в Москву. Медведев встретился с турецким лидером.            | MEET встретиться | Медведев, Гюль
Президент Армении Серж Саргсян прибыл в Москву. Медведев встретился с армянским лидером.          | MEET встретиться | Медведев, Саргсян
Председатель Госсовета Кубы Рауль Кастро прибыл в Москву. Медведев принял кубинского лидера.      | MEET принять | Медведев, Кастро
Президент Чехии Вацлав Клаус прибыл в Москву. Медведев встретился с чешским президентом.          | MEET встретиться | Медведев, Клаус
Премьер Израиля Биньямин Нетаньяху и глава ПНА Махмуд Аббас прибыли в Египет. Во вторник израильский и палестинский лидеры встретились на курорте. | MEET встретиться | Нетаньяху, Аббас
Глава Еврокомиссии Жозе Мануэл Баррозу прилетел в Москву. Путин встретился с европейским гостем.  | MEET встретиться | Путин, Баррозу
Генсек НАТО Андерс Фог Расмуссен прибыл в Москву. Медведев встретился с натовским генсеком.       | MEET встретиться | Медведев, Расмуссен
Михаил Мишустин прилетел в Гаагу. Запланированы также беседы российского премьера с Марком Рютте. | MEET беседа | Мишустин, Рютте
Михаил Мишустин прибыл в Минск. Роман Головченко провел для гостя экскурсию. Переговоры премьеров России и Белоруссии продолжались три часа. | NEGOTIATE переговоры | Мишустин, Головченко
Премьер-министр Греции Антонис Самарас ждал гостей. Греческий премьер принимал в Афинах Жан-Клода Юнкера. | MEET принимать | Самарас, Юнкер
Премьер-министр Швеции Фредрик Рейнфельдт прибыл в Москву. Медведев встретился со шведским премьером. | MEET встретиться | Медведев, Рейнфельдт
Премьер-министр Дании Хелле Торнинг-Шмитт прилетела в Москву. Медведев встретился с датским премьером. | MEET встретиться | Медведев, Хелле
Президент Финляндии Саули Ниинисте прибыл в Сочи. Путин встретился с финским президентом.         | MEET встретиться | Путин, Ниинисте
Президент Финляндии Тарья Халонен прибыла в Москву. Медведев встретился с финляндским президентом. | MEET встретиться | Медведев, Халонен
Премьер-министр Нидерландов Марк Рютте прибыл в Москву. Путин встретился с голландским премьером. | MEET встретиться | Путин, Рютте
Премьер-министр Таиланда Йинглак Чинават прилетела в Москву. Медведев встретился с тайским премьером. | MEET встретиться | Медведев, Чинават
Глава Чечни Рамзан Кадыров прилетел в Москву. Путин встретился с чеченским лидером.                | MEET встретиться | Путин, Кадыров
"""


@pytest.mark.parametrize("text,type_,lemma,people", participants.rows(NATIONALITIES))
def test_title_with_an_adjective_of_nationality(text, type_, lemma, people):
    participants.test_meeting_names_all_participants(text, type_, lemma, people)


def test_every_irregular_nationality_has_an_example():
    used = " ".join(line.lower() for line in NATIONALITIES.splitlines())
    missing = [a for a in lexicon.table("event_nationalities") if a[:-2] not in used]
    assert not missing, f"adjectives of lexicon/event_nationalities.txt without an example: {missing}"


GUESTS = """
Премьер-министр Великобритании Дэвид Кэмерон вчера прибыл в Москву. Президент Дмитрий Медведев принял гостя в Кремле. | MEET принять | Медведев, Кэмерон
Визит Ангелы Меркель в Варшаву продлится два дня. В ходе визита гостья была принята президентом Польши Брониславом Коморовским. | MEET принять | Коморовский, Меркель
Эмманюэль Макрон принял Педро Санчеса в Елисейском дворце. Затем гость встретился с Габриэлем Атталем. | MEET встретиться | Санчес, Атталь
Министры Лоран Фабиус и Радослав Сикорский провели переговоры с Лукашенко. Утром гости встретились с Владимиром Макеем. | MEET встретиться | Фабиус, Сикорский, Макей
В середине мая Прохорова пригласили на Старую площадь. Разговор с Владиславом Сурковым продолжался два часа. | NEGOTIATE разговор | Прохоров, Сурков
Канцлер Австрии Карин Майер и премьер-министр Чехии Петр Новак провели переговоры в Праге. Майер пообещала поддержать чешские инициативы. В ходе поездки гостья была принята также президентом Чехии Павлом Дворжаком. | MEET принять | Дворжак, Майер
"""


@pytest.mark.parametrize("text,type_,lemma,people", participants.rows(GUESTS))
def test_a_guest_is_the_one_who_came(text, type_, lemma, people):
    participants.test_meeting_names_all_participants(text, type_, lemma, people)


def test_a_head_of_anything_stands_for_any_head_but_two_posts_stay_apart():
    """`лидер` and `глава` fit any head-of title; `премьер` is the `премьер-министр`, not the `президент`."""
    premier = Entity("e1", "PER", "Олег Бондаренко", ["премьер-министр Украины"])
    president = Entity("e2", "PER", "Виктор Шевчук", ["президент Украины"])
    both = [roles.Role(("премьер-министр", "украины"), premier), roles.Role(("президент", "украины"), president)]
    assert roles.of_nationality(both, "премьер", "украинский", set()) == [premier]
    assert roles.of_nationality(both, "лидер", "украинский", set()) == []  # either may be the leader
    assert roles.of_nationality(both[1:], "лидер", "украинский", set()) == [president]
    assert roles.fits(premier, "премьер") and roles.fits(president, "глава")
    assert not roles.fits(president, "премьер")


PARTNERS = """
Полиция задержала Михаила Прохорова в Куршевеле. Владимир Потанин отнесся к истории болезненно. Весной бывшие партнеры ужинали вдвоем в ресторане. | MEET ужинать | Прохоров, Потанин
Стив Джобс, Марк Цукерберг и Эрик Шмидт прибыли в Сан-Франциско. Президент Барак Обама обсудил с собеседниками инвестиции в науку. | NEGOTIATE обсудить | Обама, Джобс, Цукерберг, Шмидт
Сопредседатели Минской группы — Роберт Брэдтке, Игорь Попов и Бернар Фасье — продолжат работу. В июле посредники посетят Баку, где встретятся с Алиевым. | MEET встретиться | Брэдтке, Попов, Фасье, Алиев
"""


@pytest.mark.parametrize("text,type_,lemma,people", participants.rows(PARTNERS))
def test_partners_are_the_people_just_named_together(text, type_, lemma, people):
    """`бывшие партнеры` as a subject: the two people named just before; `собеседники`, `посредники`: the
    people named together as subjects before."""
    participants.test_meeting_names_all_participants(text, type_, lemma, people)


OTHERS_PARTNERS = """
Игорь Комаров и Карлос Гон встретились в Париже. Сам «АвтоВАЗ» ведет переговоры с японскими партнерами. | NEGOTIATE переговоры | Комаров, Гон
"""


@pytest.mark.parametrize("text,type_,lemma,people", participants.rows(OTHERS_PARTNERS))
def test_partners_an_adjective_ties_to_others_are_not_the_people_named_before(text, type_, lemma, people):
    participants.test_someone_elsewhere_does_not_join(text, type_, lemma, people)


NOT_RUSSIAN = """
Иван Корнилов и Антон Сорокин выступили на форуме. Запланированы также беседы российского премьера с Марком Рютте. | MEET беседа | Корнилов, Сорокин
"""


@pytest.mark.parametrize("text,type_,lemma,people", participants.rows(NOT_RUSSIAN))
def test_russian_title_without_a_role_names_no_one_of_two(text, type_, lemma, people):
    """A Russian title the article gives no one is the one person with a Russian name named before it, or
    the one named most often: of two named as often, neither (people the list of public figures does not know,
    which would tell who the premier was)."""
    participants.test_someone_elsewhere_does_not_join(text, type_, lemma, people)



@pytest.mark.parametrize("text,type_,lemma,people", participants.rows("""
Губернатор Пермского края Олег Чиркунов ушел в отставку. Губернатором стал Виктор Басаргин. В тот же день Басаргин позвонил предшественнику. | NEGOTIATE позвонить | Басаргин, Чиркунов
Глава города Евгений Порунов уходит. Новым главой города стал Евгений Ройзман. Вечером Ройзман встретился с предшественником. | MEET встретиться | Ройзман, Порунов
"""))
def test_a_predecessor_or_successor_is_the_other_holder_of_the_subjects_post(text, type_, lemma, people):
    participants.test_meeting_names_all_participants(text, type_, lemma, people)


def test_a_predecessor_as_the_subject_does_not_look_for_itself():
    # the subject of the verb is itself a predecessor or stands beside one: no one to start from (this recursed)
    import letopis

    for text in ("Речь идет не о преемнике, считает политолог.", "Предшественник позвонил преемнику вчера.",
                 "Губернатор Олег Чиркунов ушел. Басаргин и предшественник встретились в кабинете."):
        assert isinstance(letopis.analyze("Новости дня. " + text).events, list)
