"""The `ner_fixes` stage, rule by rule, on invented sentences.

The model's spans are given by hand (`tagged`), so each case tests the rule and not the model's mood;
a few cases at the end run the whole analysis.
"""

from __future__ import annotations

import pytest

import letopis
from letopis.analysis import lexicon
from letopis.analysis.document import Doc, NerSpan
from letopis.analysis.linguistic import Morph, Segment, models
from letopis.analysis.ner_fixes import NerFixes
from letopis.analysis.normalize import normalize_span


def tagged(text: str, spans: list[tuple[str, str]]) -> Doc:
    """`text` segmented and tagged, with the NER layer set to `spans`: (phrase, type), first occurrence
    after the previous phrase."""
    doc = Doc(text=text)
    Segment()(doc)
    Morph()(doc)
    offset = 0
    for phrase, kind in spans:
        start = text.index(phrase, offset)
        offset = start + len(phrase)
        tokens = doc.tokens_in(start, offset)
        span = NerSpan(start, offset, kind, tokens.start, tokens.stop)
        span.normal = normalize_span(doc, span)
        doc.ner.append(span)
    return doc


def fixed(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = tagged(text, spans)
    NerFixes()(doc)
    return [(text[s.start:s.stop], s.type) for s in doc.ner]


@pytest.mark.parametrize("text, spans, expected", [
    # 1. breaks: brackets, bullets, commas, line breaks, a dangling bracket
    ("Об этом сообщила Федеральная антимонопольная служба (ФАС) в среду.",
     [("Федеральная антимонопольная служба (ФАС)", "ORG")],
     [("Федеральная антимонопольная служба", "ORG"), ("ФАС", "ORG")]),
    ("Участники: Монако • Намибия • Непал.", [("Монако • Намибия", "LOC")], [("Монако", "LOC"), ("Намибия", "LOC")]),
    ("Голы забили Овечкин, Фёдоров и другие.", [("Овечкин, Фёдоров", "PER")], [("Овечкин", "PER"), ("Фёдоров", "PER")]),
    ("Пишет Олег Давыдов\n\nЛёд тронулся, господа.", [("Олег Давыдов\n\nЛёд", "PER")], [("Олег Давыдов", "PER")]),
    ("Автор песни Роберт Бернс (шотландский поэт) жил давно.", [("Роберт Бернс (", "PER")], [("Роберт Бернс", "PER")]),
    # 2. edges: quotes and legal forms, descriptors, people nouns
    ("Акции ОАО «Газпром» выросли.", [("ОАО «Газпром»", "ORG")], [("Газпром", "ORG")]),
    ("Акции ОАО «НК «Роснефть»» выросли.", [("ОАО «НК «Роснефть»»", "ORG")], [("Роснефть", "ORG")]),
    ("Об этом пишет ИА Regnum со ссылкой на источник.", [("ИА Regnum", "ORG")], [("Regnum", "ORG")]),
    ("Агентство France-Presse сообщило о взрыве.", [("Агентство France-Presse", "ORG")], [("France-Presse", "ORG")]),
    ("Он сказал Русской службе «Голоса Америки», что уедет.", [("Русской службе «Голоса Америки", "ORG")],
     [("Русской службе", "ORG"), ("Голоса Америки", "ORG")]),
    ("Спектакли Театра Наций «Шведская спичка» идут давно.", [("Театра Наций «Шведская спичка", "ORG")],
     [("Театра Наций", "ORG"), ("Шведская спичка", "ORG")]),
    ("Исследователи Брукхейвенской национальной лаборатории открыли эффект.",
     [("Исследователи Брукхейвенской национальной лаборатории", "ORG")],
     [("Брукхейвенской национальной лаборатории", "ORG")]),
    ("На арене выступил Силач Фосс из Риги.", [("Силач Фосс", "PER")], [("Фосс", "PER")]),
    ("Лукина Путин направил в Киев.", [("Лукина Путин", "PER")], [("Лукина", "PER"), ("Путин", "PER")]),
    ("Письмо подписал Сергей Лавров.", [("Сергей Лавров", "PER")], [("Сергей Лавров", "PER")]),
    ("Путин принял в Ново-Огарёве губернатора Тулеева.", [("Ново-Огарёве губернатора", "LOC")],
     [("Ново-Огарёве", "LOC"), ("Тулеева", "PER")]),
    ("Заседание прошло на Красной площади вчера.", [("Красной площади", "LOC")], [("Красной площади", "LOC")]),
    ("С Дерипаской он не встречался.", [("С Дерипаской", "PER")], [("Дерипаской", "PER")]),
    ("Помимо Ху Цзиньтао за столом сидели гости.", [("Помимо Ху Цзиньтао", "PER")], [("Ху Цзиньтао", "PER")]),
    ("Письмо подписал С. Дерипаска.", [("С. Дерипаска", "PER")], [("С. Дерипаска", "PER")]),
    ("Заседание вел глава города Иванова Вячеслав Сверчков.", [("Иванова Вячеслав Сверчков", "PER")],
     [("Иванова", "LOC"), ("Вячеслав Сверчков", "PER")]),
    ("Письмо подписал мэр Олег Иванов Петрович.", [("Олег Иванов Петрович", "PER")],
     [("Олег Иванов Петрович", "PER")]),
    ("Вчера Пан Ги Мун прибыл в Москву.", [("Пан Ги Мун", "PER")], [("Пан Ги Мун", "PER")]),
    ("Далай-лама прибыл в Вашингтон.", [("Далай-лама", "PER")], [("Далай-лама", "PER")]),
    ("Глава японского МИДа прибыл в Москву.", [("МИДа", "ORG"), ("Москву", "LOC")],
     [("японского МИДа", "ORG"), ("Москву", "LOC")]),
    ("Решение нового Конгресса удивило всех.", [("Конгресса", "ORG")], [("Конгресса", "ORG")]),
    # 4. not names
    ("СМИ сообщили о задержании.", [("СМИ", "ORG")], []),
    ("Успокоил всех только министр.", [("Успокоил", "PER")], []),
    ("Канцлер заявила о новых санкциях.", [("Канцлер", "PER")], []),
    ("На встрече был Адвокат, известный нотариус.", [("Адвокат", "PER")], [("Адвокат", "PER")]),
    ("Старт корабля «Союз» перенесли. После «Союза» полетит шаттл.", [("Союз", "ORG"), ("Союза", "ORG")], []),
    ("Россия вступила в Союз. Потом Союз расширился.", [("Союз", "ORG"), ("Союз", "ORG")],
     [("Союз", "ORG"), ("Союз", "ORG")]),
    # 5. types: fixed, then by majority
    ("Сегодня Евросоюз ввёл санкции. Решение ЕС поддержали.", [("Евросоюз", "LOC"), ("ЕС", "LOC")],
     [("Евросоюз", "ORG"), ("ЕС", "ORG")]),
    ("Фонд Сколково вырос. В Сколково приехали. Сколково отчиталось.",
     [("Сколково", "ORG"), ("Сколково", "LOC"), ("Сколково", "ORG")],
     [("Сколково", "ORG"), ("Сколково", "ORG"), ("Сколково", "ORG")]),
    # 6. clergy: the see's adjectives are no names, the word after them is the bishop
    ("Пришел епископ Иваново-Вознесенский и Вичугский Иосиф.",
     [("Иваново-Вознесенский", "LOC"), ("Вичугский Иосиф", "LOC")], [("Иосиф", "PER")]),
    ("Патриарх встретился с митрополитом Киевским и всея Украины Владимиром.",
     [("Киевским", "LOC"), ("Украины", "LOC"), ("Владимиром", "PER")], [("Владимиром", "PER")]),
    ("Папа приехал к архиепископу Кентерберийскому Роуэну Уильямсу.",
     [("Кентерберийскому Роуэну", "LOC"), ("Уильямсу", "PER")], [("Роуэну Уильямсу", "PER")]),
])
def test_fixes(text, spans, expected):
    assert fixed(text, spans) == expected


def test_recall_of_a_name_found_once():
    text = "Министр Сергей Лавров прибыл в Анкару. Лаврова встретил посол. Канал World Fashion Channel закрыли, " \
           "зрители World Fashion Channel недовольны."
    got = fixed(text, [("Сергей Лавров", "PER"), ("Анкару", "LOC"), ("World Fashion Channel", "ORG")])
    assert ("Лаврова", "PER") in got
    assert got.count(("World Fashion Channel", "ORG")) == 2


@pytest.mark.parametrize("text, spans, expected", [
    ("Путин и Лукашенко провели переговоры.", [("Лукашенко", "PER")], [("Путин", "PER"), ("Лукашенко", "PER")]),
    ("Переговоры провели Лукашенко, Путин и Токаев.", [("Лукашенко", "PER"), ("Токаев", "PER")],
     [("Лукашенко", "PER"), ("Путин", "PER"), ("Токаев", "PER")]),
    # not a surname the dictionary knows, or not beside a person: left alone
    ("Россия и Лукашенко договорились.", [("Лукашенко", "PER")], [("Лукашенко", "PER")]),
    ("Путин прибыл в Минск.", [], []),  # `путин` is also a form of `путина`
    # a word the dictionary knows only as a surname is a person wherever it stands
    ("Собянин прибыл в Минск.", [], [("Собянин", "PER")]),
])
def test_surname_alone_or_coordinated_with_a_person(text, spans, expected):
    assert fixed(text, spans) == expected


def test_a_place_that_is_a_surname_of_someone_named_in_full_is_that_person():
    text = "Министр Хина Раббани Хар прибыла в Токио. После заседания Хар переговорила с Карзаем."
    got = fixed(text, [("Хина Раббани Хар", "PER"), ("Токио", "LOC"), ("Хар", "LOC"), ("Карзаем", "PER")])
    assert got.count(("Хар", "PER")) == 1 and ("Хар", "LOC") not in got
    # a place the dictionary knows stays a place, whoever shares its name
    text = "Актер Дензел Вашингтон прилетел в Вашингтон."
    got = fixed(text, [("Дензел Вашингтон", "PER"), ("Вашингтон", "LOC")])
    assert ("Вашингтон", "LOC") in got


@pytest.mark.parametrize("text, word, kind", [
    ("Чернышенко пытался связаться с Лозанной с самого утра.", "Лозанной", "LOC"),  # only ever a city
    ("Министр Ливанов устроил разнос ректорам.", "Ливанов", "PER"),  # a plural of Ливан, too: a surname
    ("В письме Надежда рассказала о сыне.", "Надежда", "PER"),  # a given name, too
])
def test_a_lone_person_the_dictionary_knows_only_as_a_place_is_that_place(text, word, kind):
    assert fixed(text, [(word, "PER")]) == [(word, kind)]


def test_a_lone_surname_in_another_case_of_someone_named_in_full_stays_that_person():
    """`Синайского`, to the dictionary only a place's adjective, is the conductor named in full before."""
    text = "Дирижер Василий Синайский вернулся в Москву. Вишневская пригласила к себе Синайского."
    got = fixed(text, [("Василий Синайский", "PER"), ("Москву", "LOC"), ("Вишневская", "PER"), ("Синайского", "PER")])
    assert ("Синайского", "PER") in got


def test_a_place_ending_in_the_surname_of_someone_named_in_full_is_the_place_and_that_person():
    text = "Глава BP Роберт Дадли прилетел в Москву. Путин принял в Ново-Огарёво Дадли и Сечина."
    got = fixed(text, [("Роберт Дадли", "PER"), ("Москву", "LOC"), ("Ново-Огарёво Дадли", "LOC"), ("Сечина", "PER")])
    assert ("Ново-Огарёво", "LOC") in got and got.count(("Дадли", "PER")) == 1
    # the person in another case than the one named in full (`Зурабову`, `Михаил Зурабов`)
    text = "Посол Михаил Зурабов ужинал. После ужина на Подоле Зурабову позвонил Лавров."
    got = fixed(text, [("Михаил Зурабов", "PER"), ("Подоле Зурабову", "LOC"), ("Лавров", "PER")])
    assert ("Подоле", "LOC") in got and ("Зурабову", "PER") in got
    # without `в`/`на` before it the whole may be another person of that surname: left as it is
    text = "Рамзан Кадыров выступил. Команду собрал президент Ахмат-Хаджи Кадыров."
    got = fixed(text, [("Рамзан Кадыров", "PER"), ("Ахмат-Хаджи Кадыров", "LOC")])
    assert ("Ахмат-Хаджи Кадыров", "LOC") in got
    # a street named after the person, its noun in lower case, stays whole
    text = "Андрей Сахаров выступал. Митинг прошел на проспекте Сахарова."
    got = fixed(text, [("Андрей Сахаров", "PER"), ("проспекте Сахарова", "LOC")])
    assert ("проспекте Сахарова", "LOC") in got


def test_a_surname_the_dictionary_knows_only_as_a_noun_for_animals_opening_a_sentence_is_the_person_named_so():
    # `рябков` is the genitive plural of `рябок`, a bird: opening a sentence, it is still Сергей Рябков
    text = "Замминистра Сергей Рябков промолчал. Рябков, принимавший Бернса, не комментировал."
    assert ("Рябков", "PER") in fixed(text, [("Сергей Рябков", "PER"), ("Рябков", "PER"), ("Бернса", "PER")])
    # with no one so named in full, it is a noun and goes
    text = "Рябков много в лесу. Рябков, принимавший Бернса, не комментировал."
    assert ("Рябков", "PER") not in fixed(text, [("Рябков", "PER"), ("Бернса", "PER")])


def test_offsets_and_tokens_stay_consistent():
    text = "Акции ОАО «Газпром» и ЗАО «Ренова» (Россия) выросли."
    doc = tagged(text, [("ОАО «Газпром»", "ORG"), ("ЗАО «Ренова» (Россия)", "ORG")])
    NerFixes()(doc)
    for s in doc.ner:
        assert (doc.tokens[s.first].start, doc.tokens[s.last - 1].stop) == (s.start, s.stop)
        assert s.normal
    assert [s.start for s in doc.ner] == sorted(s.start for s in doc.ner)


# --- every lexicon entry that drives a rule, with an example -----------------------------------------


def written(entry: str) -> str:
    """A lexicon entry as it would be written in running text: short ones are abbreviations."""
    return entry.upper() if len(entry) <= 4 else entry


@pytest.mark.parametrize("entry", lexicon.entries("org_descriptors"))
def test_org_descriptors(entry):
    text = f"Акции {written(entry)} «Вектор» выросли."
    assert fixed(text, [(f"{written(entry)} «Вектор»", "ORG")]) == [("Вектор", "ORG")]


@pytest.mark.parametrize("entry", lexicon.entries("not_names"))
def test_not_names(entry):
    word = written(entry) if len(entry) <= 3 else entry.capitalize()
    text = f"Об этом писали {word} в среду."
    assert fixed(text, [(word, "ORG")]) == []


@pytest.mark.parametrize("entry", lexicon.entries("title_nouns"))
def test_title_nouns(entry):
    text = f"{entry.capitalize()} «Вектор» стал событием года."
    assert fixed(text, [("Вектор", "ORG")]) == []


@pytest.mark.parametrize("entry", lexicon.entries("name_types"))
def test_name_types(entry):
    name, kind = entry.rsplit(None, 1)
    name = " ".join(w.upper() if len(w) <= 2 else w.capitalize() for w in name.split())
    text = f"Сегодня {name} объявил о решении."
    assert fixed(text, [(name, "LOC" if kind != "LOC" else "ORG")]) == [(name, kind)]


def agreeing(adjective: str, noun: str) -> str:
    """`adjective` (a nominative masculine lemma) in the gender of `noun` (nominative)."""
    vocab = models().morph_vocab
    parse = next((f for f in vocab(noun) if f.tag.POS == "NOUN"), None)
    gender = {"femn": "Fem", "neut": "Neut"}.get(parse.tag.gender if parse is not None else "", "Masc")
    return vocab(adjective)[0].inflect({gender, "Nom", "Sing"}).word


@pytest.mark.parametrize("entry", lexicon.entries("institution_heads"))
def test_institution_heads(entry):
    head = written(entry) if len(entry) <= 3 else entry.capitalize()
    adjective = agreeing("японский", entry)
    text = f"Вчера {adjective} {head} сделал заявление."
    assert fixed(text, [(head, "ORG")]) == [(f"{adjective} {head}", "ORG")]


# --- the whole analysis ----------------------------------------------------------------------------------


def test_analysis_splits_abbreviation_and_drops_legal_form():
    record = letopis.analyze("Федеральная антимонопольная служба (ФАС) оштрафовала ОАО «Газпром». "
                             "Представитель «Газпрома» обжаловал решение ФАС в суде.")
    names = {m.text for e in record.entities if e.type == "ORG" for m in e.mentions if m.kind == "name"}
    assert "ФАС" in names and "Газпром" in names
    assert not any("(" in n or "ОАО" in n for n in names)
