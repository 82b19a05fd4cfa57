"""A headline without a full stop is a sentence of its own (events need the parse of the lead's first
sentence, which a headline glued to it spoils), after a blank line or, in a text that does not wrap its lines
inside sentences, after a single line break before a capital; in a hard-wrapped text a line break ends
nothing."""

from __future__ import annotations

from letopis.analysis.linguistic import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_a_blank_line_ends_a_sentence():
    text = "Встреча с послом Италии\n\nПо инициативе итальянской стороны посол встретился с министром."
    assert sentences(text) == ["Встреча с послом Италии", "По инициативе итальянской стороны посол встретился с министром."]


def test_a_single_line_break_does_not():
    text = "«Я против», — сказал он\nжурналистам агентства\nТАСС. Потом ушел."
    assert sentences(text) == ["«Я против», — сказал он\nжурналистам агентства\nТАСС.", "Потом ушел."]


def test_offsets_and_whitespace():
    text = "  Один.  Два три\n \n четыре пять. "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Один.", "Два три", "четыре пять."]


def test_a_line_break_before_a_capital_ends_a_headline():
    text = ("Встреча Трампа с Путиным не состоится\nДональд Трамп и Владимир Путин, 2018 год\n"
            "Намеченная на ноябрь встреча, по словам\nТрампа, отменена. «Я не уверен», — сказал он.")
    assert sentences(text) == ["Встреча Трампа с Путиным не состоится", "Дональд Трамп и Владимир Путин, 2018 год",
                               "Намеченная на ноябрь встреча, по словам\nТрампа, отменена.",
                               "«Я не уверен», — сказал он."]


def test_a_hard_wrapped_text_keeps_its_sentences():
    text = ("Губернатор встретился\nс депутатами и\nобсудил бюджет. Он сказал, что\nВладимир Петров\n"
            "поддержит проект.")
    assert sentences(text) == ["Губернатор встретился\nс депутатами и\nобсудил бюджет.",
                               "Он сказал, что\nВладимир Петров\nподдержит проект."]


def test_a_name_with_an_apostrophe_ends_a_sentence():
    """razdel reads the full stop after `Это'о` as an abbreviation's; `О'Нилом.` and `Кот-д'Ивуаре.` it ends
    right, and they stay so."""
    text = "Тренер виделся с Самюэлем Это'о. Камерунский нападающий приехал. Он встретился с Шакилом О'Нилом. Потом был в Кот-д'Ивуаре."
    assert sentences(text) == ["Тренер виделся с Самюэлем Это'о.", "Камерунский нападающий приехал.",
                               "Он встретился с Шакилом О'Нилом.", "Потом был в Кот-д'Ивуаре."]


def test_a_full_stop_with_no_space_after_it_ends_a_sentence():
    """Scraped pages drop the space after a full stop (`прокуратуры.В мероприятии`); a short or capitalised
    word before the stop (`г.Москва`, `ул.Ленина`, `Яндекс.Деньги`, `А.Вебер`) keeps the sentence whole."""
    text = ("Об этом говорили на заседании коллегии прокуратуры.В мероприятии приняли участие Иванов и Петров. "
            "Он живет в г.Москва на ул.Ленина и работает в Яндекс.Деньги с А.Вебером.")
    assert sentences(text) == ["Об этом говорили на заседании коллегии прокуратуры.",
                               "В мероприятии приняли участие Иванов и Петров.",
                               "Он живет в г.Москва на ул.Ленина и работает в Яндекс.Деньги с А.Вебером."]
