"""Later mentions of an event merge into it; distinct events stay apart."""

from __future__ import annotations

import pytest

import letopis

LEAD = "Новости дня. "  # natasha's NER never tags the first word of a text; see test_events_frames.py


def meetings(text: str) -> list[tuple[set[str], str | None]]:
    record = letopis.analyze(LEAD + text, "2025-09-24")
    names = {e.id: e.name.split()[-1] for e in record.entities}
    return [({names[x] for x in e.actors + e.targets}, e.date)
            for e in record.events if e.type in ("MEET", "NEGOTIATE")]


@pytest.mark.parametrize("text,expected", [
    ("Обама провел встречу с Эндой Кенни, после встречи президент отметил, что узы прочны.",
     [{"Обама", "Кенни"}]),
    ("Путин встретился с Си Цзиньпином в Пекине. На встрече присутствовал также Сергей Лавров.",
     [{"Путин", "Цзиньпин", "Лавров"}]),
    ("Путин провел переговоры с Си Цзиньпином. Переговоры Путина и Си Цзиньпина длились три часа.",
     [{"Путин", "Цзиньпин"}]),
    ("Медведев провел переговоры с Каном и Обамой. Лидеры говорили о торговле. Кан упомянул острова. "
     "Обама говорил об Иране. Встреча с Каном продолжалась около 40 минут, в ней участвовал Лавров.",
     [{"Медведев", "Кан", "Обама", "Лавров"}]),
    ("Путин провел совещание с губернатором. Аман Тулеев доложил о шахте. Затем обсуждались компенсации. "
     "В совещании также приняли участие Сергей Шматко и Сергей Шойгу.",
     [{"Путин", "Тулеев", "Шматко", "Шойгу"}]),
    # of a later mention by a noun only its people join: the summit's body is not at the meeting
    ("Сергей Лавров встретился с Джоном Керри на полях саммита АСЕАН.", [{"Лавров", "Керри"}]),
])
def test_later_mentions_merge(text, expected):
    assert [people for people, _ in meetings(text)] == expected


def test_a_separate_or_second_meeting_is_not_the_one_just_told_of():
    found = meetings("Обама выступил на саммите гражданского общества и провёл отдельную встречу с оппозицией. "
                     "Во встрече участвовали Борис Немцов и Гарри Каспаров.")
    assert [people for people, _ in found] == [{"Обама"}, {"Обама", "Немцов", "Каспаров"}]
    # the same word in both mentions: one meeting
    found = meetings("Лавров провел второй раунд переговоров с Керри. Второй раунд переговоров Лаврова и Керри "
                     "длился пять часов.")
    assert [people for people, _ in found] == [{"Лавров", "Керри"}]


def test_a_later_meeting_named_before_its_people_that_is_another_one_does_not_take_them():
    # `второго раунда переговоров` names another meeting than the conversation: those present next are not at it
    found = meetings("Генсек ООН в пятницу провел в Сочи беседу с президентом России. Пан Ги Мун, прибывший на "
                     "Олимпиаду, и Владимир Путин обсудили положение в Сирии в преддверии второго раунда межсирийских "
                     "переговоров в Женеве. Встреча прошла в резиденции «Бочаров ручей». С российской стороны в ней "
                     "участвовал Сергей Лавров.")
    assert [people for people, _ in found] == [{"Мун", "Путин", "Лавров"}]


def test_a_new_partner_is_a_new_meeting():
    found = meetings("Путин встретился с Си Цзиньпином. Затем прошла встреча Путина с Моди.")
    assert [people for people, _ in found] == [{"Путин", "Цзиньпин"}, {"Путин", "Моди"}]


def test_different_dates_are_different_meetings():
    found = meetings("В понедельник Путин встретился с Лукашенко. Во вторник Путин снова встретился с Лукашенко.")
    assert [date for _, date in found] == ["2025-09-22", "2025-09-23"]


def test_a_later_mention_gives_the_date_the_first_lacked():
    found = meetings("Путин встретился с Лукашенко. Встреча Путина с Лукашенко прошла вчера в Минске.")
    assert found == [({"Путин", "Лукашенко"}, "2025-09-23")]


def test_a_claim_in_a_quote_and_the_outlet_s_report_stay_apart():
    text = ("«Мы за переговоры между Путиным и Зеленским», — сказал Токаев. "
            "Накануне Зеленский заявил о возможных переговорах с Путиным.")
    found = meetings(text)
    assert len(found) == 2 and all(date is None for _, date in found[:1])


def test_a_later_mention_in_another_mood_is_still_the_same_meeting():
    found = meetings("Путин встретился с Си Цзиньпином. Встреча Путина и Си Цзиньпина может изменить многое.")
    assert [people for people, _ in found] == [{"Путин", "Цзиньпин"}]


SESSION_TOLD_AT_LENGTH = ("Путин провел заседание Совбеза с участием Сергея Шойгу. Речь шла о границе. Министр "
                          "говорил долго. Потом обсуждали бюджет. Споры затянулись. Вопросов было много. ")


def test_a_session_named_again_sentences_later_is_the_same_session():
    """`Открывая заседание, ...` six sentences on: the session noun reaches SESSION_DISTANCE back."""
    found = meetings(SESSION_TOLD_AT_LENGTH + "На заседании выступил Сергей Лавров.")
    assert len(found) == 1 and {"Путин", "Шойгу", "Лавров"} <= found[0][0]


@pytest.mark.parametrize("later", [
    "Следующее заседание с участием Сергея Лаврова пройдет в мае.",  # another session
    "Позднее на заседании Думы выступил Сергей Лавров.",  # another scene
])
def test_another_session_or_scene_stays_apart(later):
    found = meetings(SESSION_TOLD_AT_LENGTH + later)
    assert any({"Путин", "Шойгу"} <= people for people, _ in found)
    assert not any("Лавров" in people and "Путин" in people for people, _ in found)


def test_what_was_in_the_meeting_is_no_one_present():
    """`В нем было много критики, сообщил Собянин`: `быть` with a word for the meeting, but its subject is no person."""
    found = meetings("Путин провел совещание с губернаторами. В нем было много критики, сообщил Сергей Собянин.")
    assert not any("Собянин" in people for people, _ in found)


def test_the_outlet_may_say_who_was_at_a_meeting_a_quote_told_of():
    # `встрече в мэрии, которую провел Горбенко`: the place between the noun and its relative clause; the
    # next sentence, in the outlet's words, names those present at that meeting
    found = meetings("Маршрут согласован, сообщил Владимир Рыжков. По его словам, решение было принято в среду на "
                     "встрече в мэрии, которую провел заместитель мэра Александр Горбенко. Со стороны оргкомитета в "
                     "переговорах участвовали Рыжков и Сергей Удальцов.")
    assert [people for people, _ in found] == [{"Горбенко", "Рыжков", "Удальцов"}]


def test_a_meeting_told_of_in_another_year_is_not_the_one_just_told_of():
    # the first sentence's meeting is undated (told in the article's present); the third is dated 2001. Its `Их`
    # stands for the two the second sentence names, neither of them its subject
    found = meetings("Наутро Чавеса ждал премьер Владимир Путин. С премьером у Чавеса отношения давние. Их первая "
                     "встреча состоялась еще в 2001 году.")
    assert [people for people, _ in found] == [{"Путин", "Чавес"}, {"Путин", "Чавес"}]


def test_people_counted_at_a_meeting_and_named_next_are_its_people():
    found = meetings("В кабинете руководителя администрации Сергея Иванова собрались трое. Иванов, переехавший туда "
                     "пятью днями раньше, Сурков и Володин говорили около часа.")
    assert [people for people, _ in found] == [{"Иванов", "Сурков", "Володин"}]
    found = meetings("В кабинете Сергея Иванова собрались четверо. Иванов, Сурков и Володин говорили около часа.")
    assert [people for people, _ in found] == [{"Иванов"}]  # three named for four counted: not them
