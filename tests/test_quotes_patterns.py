"""Quote patterns, one invented Russian sentence each (in the spirit of razdel's tests).

The content of each expected quote is marked in the text with [brackets]; the brackets are removed before
the text is analysed. After the text come the expected quotes in order, `kind: speaker`; no expected quote
means the text holds none. A speaker matches when the predicted name contains the expected one.
"""

from __future__ import annotations

import re

import pytest

import letopis

PATTERNS = [
    # --- direct speech: quotation marks, attribution after, before, around ---------------------------------
    ("«[Мы готовы к переговорам]», — сказал министр финансов Олег Громов.", "direct: Олег Громов"),
    ('"[Решение будет принято завтра]", - заявил Олег Громов.', "direct: Олег Громов"),
    ("«[Мы обязательно победим!]» — воскликнул тренер Иван Соколов.", "direct: Иван Соколов"),
    ("«[Время покажет]», сказал Иван Соколов журналистам.", "direct: Иван Соколов"),
    ("Олег Громов заявил: «[Мы не уйдём с этого рынка]».", "direct: Олег Громов"),
    ("Олег Громов: «[Мы не уйдём с этого рынка]».", "direct: Олег Громов"),
    ("«[Цены вырастут], — сказал Олег Громов. — [Но это ненадолго]».", "direct: Олег Громов", "direct: Олег Громов"),
    # the attribution names the outlet in guillemets
    ("«[Цены вырастут], — сказал Олег Громов «Огоньку». — [Но это ненадолго]».", "direct: Олег Громов",
     "direct: Олег Громов"),
    ("«[Первый год был трудным.\n\nВторой оказался ещё труднее]», — признался Иван Соколов.", "direct: Иван Соколов"),
    ("«[Это для пациентов]», — поспешили уточнить врачи больницы.", "direct: врачи"),
    ('Иван Соколов провёл пресс-конференцию. Он добавил: "[Думаю, мы справимся]".', "direct: Иван Соколов"),
    # `она` for a woman whose surname the tagger reads as a man's (`Исинбаеву`): her given name says she is one
    ("Мэром деревни назначили Елену Исинбаеву, а Павел Жуков остался в Москве. «[Работы много]», — сказала она.",
     "direct: Елена Исинбаева"),
    ("«[Спасибо за помощь]», — приводит газета слова Ивана Соколова.", "direct: Иван Соколов"),
    # dialogue dashes, and a replica that goes on after its attribution
    ("— [Мы справимся с этим], — сказал Олег Громов.", "direct: Олег Громов"),
    ("— [Мы справимся с этим], — сказал Олег Громов. — [Надо только немного подождать].",
     "direct: Олег Громов", "direct: Олег Громов"),
    # a paragraph after a reporting verb and a colon
    ("В заявлении министерства говорится:\n[Работа будет продолжена в полном объёме до конца года].",
     "direct: министерство"),
    # quotation marks around names and titles are no quotes
    ("Компания «Газпром» увеличила добычу, а фильм «Брат» покажут в кинотеатрах.",),
    # --- indirect speech --------------------------------------------------------------------------------
    ("Олег Громов заявил, что [цены вырастут].", "indirect: Олег Громов"),
    ("Олег Громов заявил журналистам о том, что [цены вырастут].", "indirect: Олег Громов"),
    ("Олег Громов считает, что [цены вырастут, и что рост продлится год].", "indirect: Олег Громов"),
    ("По словам Олега Громова, [цены вырастут в мае].", "indirect: Олег Громов"),
    ("Олег Громов выступил на форуме. По его словам, [цены вырастут в мае].", "indirect: Олег Громов"),
    ("Как отметил Олег Громов, [цены вырастут в мае].", "indirect: Олег Громов"),
    ("[Решение, как отметил Олег Громов, будет принято в мае].", "indirect: Олег Громов"),
    ("[Цены вырастут в мае], считает Олег Громов.", "indirect: Олег Громов"),
    ("[Цены вырастут в мае], говорится в заявлении министерства.", "indirect: министерство"),
    ("По данным полиции, [пострадавших нет].", "indirect: полиция"),
    ("Агентство со ссылкой на источник в правительстве сообщило, что [решение уже принято].",
     "indirect: источник в правительстве"),
    ("Источник в правительстве сообщил, что [решение уже принято].", "indirect: источник в правительстве"),
    ("В Кремле сообщили, что [визит состоится в мае].", "indirect: Кремль"),
    ("Олег Громов призвал [власти отменить решение].", "indirect: Олег Громов"),
    ("Олег Громов пообещал [построить в городе новую школу].", "indirect: Олег Громов"),
    ("Олег Громов заявил о готовности [провести переговоры].", "indirect: Олег Громов"),
    ("Олег Громов выразил уверенность, что [переговоры будут успешными].", "indirect: Олег Громов"),
    ("[Завод будет закрыт в мае]. Об этом заявил директор завода Олег Громов.", "indirect: Олег Громов"),
    ("[Завод будет закрыт в мае]. О чем и сообщил директор завода Олег Громов.", "indirect: Олег Громов"),
    ("Олег Громов провёл совещание. Он отметил, что [работа идёт по плану].", "indirect: Олег Громов"),
    ("Олег Громов заявил, что [цены вырастут], и добавил, что [зарплаты тоже вырастут].",
     "indirect: Олег Громов", "indirect: Олег Громов"),
    ("Иван Соколов и Анна Белова заявили, что [поддерживают проект].", "indirect: Иван Соколов, Анна Белова"),
    ("Президент Казахстана Касым-Жомарт Токаев прибыл в Астану. Глава государства отметил, что [переговоры "
     "продолжатся].", "indirect: Касым-Жомарт Токаев"),
    # --- mixed: an indirect clause with the speaker's own words ------------------------------------------
    ("Олег Громов назвал [решение суда «грубой ошибкой»].", "mixed: Олег Громов"),
    ("Олег Громов заявил, что [ситуация «полностью под контролем»].", "mixed: Олег Громов"),
    ("Например, [суд признал его «виновным в хулиганстве»], говорится в решении суда.", "mixed: суд"),
    # --- not quotes: the author's voice, topics, sourceless frames --------------------------------------
    ("Стоит отметить, что завод работает в прежнем режиме.",),
    ("Напомним, что завод работает в прежнем режиме.",),
    # a question the sentence goes on about is no attribution of the sentence before
    ("Вечером Громова принял губернатор. О чем говорили губернатор и директор, не сообщалось.",),
    ("Ранее сообщалось, что завод закрыт.",),
    ("Ожидается, что завод откроется в мае.",),
    ("По предварительным данным, пострадавших нет.",),
    ("Олег Громов высказался о переговорах с партнёрами.",),
    ("Олег Громов прокомментировал ситуацию на рынке.",),
]


def parse_case(marked: str) -> tuple[str, list[str]]:
    """The text without brackets and the bracketed contents in order."""
    contents, text, pos = [], [], 0
    for m in re.finditer(r"\[([^\]]*)\]", marked):
        text.append(marked[pos:m.start()])
        contents.append(m.group(1))
        text.append(m.group(1))
        pos = m.end()
    text.append(marked[pos:])
    return "".join(text), contents


@pytest.mark.parametrize("case", PATTERNS, ids=[c[0][:50] for c in PATTERNS])
def test_pattern(case):
    marked, *expected = case
    text, contents = parse_case(marked)
    record = letopis.analyze(text)
    got = [(q.kind, q.content.text, q.speaker.name if q.speaker else None) for q in record.quotes]
    assert len(got) == len(expected), got
    for (kind, content, speaker), want, want_content in zip(got, expected, contents, strict=True):
        want_kind, want_speaker = (x.strip() for x in want.split(":", 1))
        assert (kind, content) == (want_kind, want_content), got
        assert speaker is not None and want_speaker.lower() in speaker.lower(), got


def test_outlet_attributing_its_own_article_is_no_quote():
    record = letopis.analyze("Завод закрыли на ремонт до конца месяца, передает NUR.KZ.", outlet="NUR.KZ")
    assert record.quotes == []
    record = letopis.analyze("Завод закрыли на ремонт до конца месяца, передает NUR.KZ со ссылкой на Акорду.",
                             outlet="NUR.KZ")
    assert record.quotes == []


def test_another_outlet_is_a_source():
    record = letopis.analyze("Завод закрыли на ремонт до конца месяца, сообщает агентство «Интерфакс».",
                             outlet="NUR.KZ")
    assert [q.speaker.name for q in record.quotes] == ["Интерфакс"]


def test_quote_record_fields():
    text = "«Мы готовы к переговорам», — сказал министр финансов Олег Громов."
    (q,) = letopis.analyze(text).quotes
    assert q.id == "q1"
    assert text[q.content.start:q.content.stop] == q.content.text == "Мы готовы к переговорам"
    assert (q.cue.text, q.cue.lemma) == ("сказал", "сказать")
    assert q.speaker.type == "PER" and q.speaker.entity is not None
    assert text[q.speaker.start:q.speaker.stop] == q.speaker.text
