"""The person a profile is about (events/protagonist.py): a pronoun or a word for anyone (`коллега`) that no
one named near it accounts for stands for them; no one is guessed when two people are named as often."""

from __future__ import annotations

import letopis
from letopis.analysis.analyze import default_pipeline
from letopis.analysis.document import Doc
from letopis.analysis.events.protagonist import protagonist
from tests.test_events_narrator import people_of

PROFILE = (
    "Михаил Гордеев родился в Омске. Гордеев окончил университет с отличием. В 1995 году Гордеев основал "
    "банк. Друзья называют Гордеева упрямым. Сам Гордеев редко дает интервью. Банк вырос втрое за пять лет. "
    "Кризис банк пережил без потерь. "
)
PAIR = (
    "Михаил Гордеев и Петр Лунин родились в Омске. Гордеев и Лунин окончили университет. Гордеев и Лунин "
    "основали банк. Лунин и Гордеев редко дают интервью. Банк вырос втрое за пять лет. Кризис банк пережил "
    "без потерь. "
)


def meetings(text: str) -> list[set[str]]:
    record = letopis.analyze(text, "2012-05-01")
    return [people_of(record, e) for e in record.events if e.type in ("MEET", "NEGOTIATE")]


def analysed(text: str) -> Doc:
    doc = Doc(text=text, meta={"id": "p", "date": "2012-05-01"})
    default_pipeline()(doc)
    return doc


def test_the_protagonist_is_the_one_named_far_more_than_anyone():
    found = protagonist(analysed(PROFILE + "Летом Анна Белова встретилась с ним в Москве."))
    assert found is not None and found.name.endswith("Гордеев")


def test_no_protagonist_when_two_are_named_as_often():
    assert protagonist(analysed(PAIR + "Летом Анна Белова встретилась с ним в Москве.")) is None


def test_a_pronoun_no_one_near_accounts_for_is_the_protagonist():
    assert {"Белова", "Гордеев"} in meetings(PROFILE + "Летом Анна Белова встретилась с ним в Москве.")
    assert {"Белова", "Гордеев"} in meetings(PROFILE + "Летом его пригласила к себе Анна Белова.")


def test_a_word_for_anyone_is_the_protagonist():
    text = PROFILE + "Летом банкир Андрей Соколов пригласил молодого коллегу к себе на дачу."
    assert {"Соколов", "Гордеев"} in meetings(text)


def test_a_pronoun_of_the_other_gender_is_not_the_protagonist():
    assert not any("Гордеев" in m for m in meetings(PROFILE + "Летом Анна Белова встретилась с ней в Москве."))


def test_no_one_is_guessed_without_a_protagonist():
    assert not any(len(m) >= 2 for m in meetings(PAIR + "Летом Анна Белова встретилась с ним в Москве."))


def test_a_meeting_noun_naming_only_its_partner_is_the_protagonists():
    text = PROFILE + "Переговоры шли полгода. Решающий разговор с Германом Грефом прошел у того в кабинете."
    assert {"Греф", "Гордеев"} in meetings(text)
    # not where someone else of the sentence may be the other side, nor without a protagonist
    text = PROFILE + "Решающий разговор с Германом Грефом, по словам Анны Беловой, прошел у того в кабинете."
    assert {"Греф", "Гордеев"} not in meetings(text)
    assert not any(len(m) >= 2 for m in meetings(PAIR + "Решающий разговор с Германом Грефом прошел в кабинете."))


def test_they_with_someone_is_the_protagonist_and_them_when_no_subject_is_near():
    text = PROFILE + "Среди его друзей есть Вячеслав Фетисов. Бывший министр давно в сенате. В январе они с " \
        "Фетисовым обедали в ресторане."
    assert {"Фетисов", "Гордеев"} in meetings(text)


def test_they_after_a_sentence_about_someone_else_are_that_one_and_the_protagonist():
    text = PROFILE + "Гордеев часто бывает в Киеве. Министр Дмитрий Табачник в личном общении оказался осторожнее. " \
        "Осенью они обсуждали комиссию у Табачника в кабинете."
    assert {"Табачник", "Гордеев"} in meetings(text)
    # not in a quote, where `они` are others than its speaker
    text = PROFILE + "Гордеев часто бывает в Киеве. Министр Дмитрий Табачник в личном общении оказался осторожнее. " \
        "«Они обсуждали комиссию», — вспоминает его помощник."
    assert {"Табачник", "Гордеев"} not in meetings(text)


def test_they_after_a_sentence_naming_one_other_person_are_that_one_and_the_protagonist():
    text = PROFILE + "Гордеев часто бывает в Петербурге. Днём соглашение подписали в Смольном у губернатора " \
        "Валентины Матвиенко. Церемония заняла десять минут, но после неё они ещё долго беседовали у окна."
    assert {"Матвиенко", "Гордеев"} in meetings(text)
