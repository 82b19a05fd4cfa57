"""Grouping names into entities inside one article: aliases, abbreviations, given names, case variants.

The NER layer is given by hand (see `test_ner_fixes.tagged`), so the cases test the grouping alone.
"""

from __future__ import annotations

import pytest

from letopis.analysis import lexicon
from letopis.analysis.aliases import initials
from letopis.analysis.entities import Entities
from tests.test_ner_fixes import tagged


def grouped(text: str, spans: list[tuple[str, str]]) -> dict[str, list[str]]:
    """entity name → the texts of its name mentions."""
    doc = tagged(text, spans)
    Entities()(doc)
    return {e.name: [m.text for m in e.mentions if m.kind == "name"] for e in doc.entities}


@pytest.mark.parametrize("name, abbreviation", [
    ("Организация по безопасности и сотрудничеству в Европе", "ОБСЕ"),
    ("Федеральная антимонопольная служба", "ФАС"),
    ("World Fashion Channel", "WFC"),
    ("Hewlett-Packard", "HP"),
    ("Нагорно-Карабахская автономная область", "НКАО"),
])
def test_initials(name, abbreviation):
    assert initials(name) == abbreviation


def test_bracketed_abbreviation_joins_its_name():
    text = "Федеральная антимонопольная служба (ФАС) оштрафовала банк. ФАС не раскрыла сумму."
    got = grouped(text, [("Федеральная антимонопольная служба", "ORG"), ("ФАС", "ORG"), ("ФАС", "ORG")])
    assert got == {"Федеральная антимонопольная служба": ["Федеральная антимонопольная служба", "ФАС", "ФАС"]}


def test_abbreviation_of_initials_joins_without_brackets():
    text = "Организация по безопасности и сотрудничеству в Европе направила наблюдателей. Миссия ОБСЕ уехала."
    got = grouped(text, [("Организация по безопасности и сотрудничеству в Европе", "ORG"), ("ОБСЕ", "ORG")])
    assert len(got) == 1 and "ОБСЕ" in next(iter(got.values()))


def test_latin_spelling_in_brackets_joins_the_person():
    text = "Журналист Джошуа Вольф (Joshua Wolf) вышел на свободу."
    got = grouped(text, [("Джошуа Вольф", "PER"), ("Joshua Wolf", "PER")])
    assert got == {"Джошуа Вольф": ["Джошуа Вольф", "Joshua Wolf"]}


def test_place_in_brackets_is_another_place():
    text = "Турнир прошёл в Цюрихе (Швейцария) в мае."
    assert set(grouped(text, [("Цюрихе", "LOC"), ("Швейцария", "LOC")])) == {"Цюрих", "Швейцария"}


@pytest.mark.parametrize("line", lexicon.entries("name_aliases"))
def test_name_aliases(line):
    names = [n.strip() for n in line.split("|")]
    text = " ".join(f"Затем {n} выступила с заявлением." for n in names)
    kind = "ORG" if names[0] == "Евросоюз" else "LOC"
    got = grouped(text, [(n, kind) for n in names])
    assert list(got) == [names[0]]
    assert got[names[0]] == names


def test_lone_given_name_joins_the_one_person_with_it():
    text = "Егор Свиридов погиб в драке. Друзья Егора вышли на площадь."
    assert grouped(text, [("Егор Свиридов", "PER"), ("Егора", "PER")]) == {"Егор Свиридов": ["Егор Свиридов", "Егора"]}


def test_lone_given_name_shared_by_two_stays_apart():
    text = "Иван Петров и Иван Сидоров поспорили. Иван ушёл первым."
    got = grouped(text, [("Иван Петров", "PER"), ("Иван Сидоров", "PER"), ("Иван", "PER")])
    assert "Иван" in got


def test_leading_words_of_one_longer_name_join_it():
    """`Ахмад Шахом` is Ахмад Шах Масуд, called by his first two names; two people they could start stay apart."""
    text = "Командир Ахмад Шах Масуд держал Панджшер. Аушев общался с Ахмад Шахом."
    got = grouped(text, [("Ахмад Шах Масуд", "PER"), ("Аушев", "PER"), ("Ахмад Шахом", "PER")])
    assert got["Ахмад Шах Масуд"] == ["Ахмад Шах Масуд", "Ахмад Шахом"]
    text = "Ахмад Шах Масуд и Ахмад Шах Дуррани. Аушев общался с Ахмад Шахом."
    got = grouped(text, [("Ахмад Шах Масуд", "PER"), ("Ахмад Шах Дуррани", "PER"), ("Аушев", "PER"),
                         ("Ахмад Шахом", "PER")])
    assert "Ахмад Шахом" not in got["Ахмад Шах Масуд"] + got["Ахмад Шах Дуррани"]


def test_given_name_and_patronymic_join_the_person():
    text = "Борис Николаевич Ельцин родился в 1931 году. Борис Николаевич любил теннис."
    got = grouped(text, [("Борис Николаевич Ельцин", "PER"), ("Борис Николаевич", "PER")])
    assert got == {"Борис Николаевич Ельцин": ["Борис Николаевич Ельцин", "Борис Николаевич"]}


def test_given_name_and_patronymic_join_the_one_person_of_that_given_name():
    """The full name need not show the patronymic; whichever comes first, the name with the surname is the
    entity's name, so a later lone surname still finds it."""
    text = "«Владимир Владимирович, прибыль выросла», — сказал Греф. Президент Владимир Путин кивнул. Путину это понравилось."
    got = grouped(text, [("Владимир Владимирович", "PER"), ("Греф", "PER"), ("Владимир Путин", "PER"), ("Путину", "PER")])
    assert got == {"Владимир Путин": ["Владимир Владимирович", "Владимир Путин", "Путину"], "Греф": ["Греф"]}


def test_given_name_and_patronymic_join_a_public_figure_named_by_surname_alone():
    """The article never gives Собянин's given name; the list of public figures does, and he is the only
    person of the article it fits. With a second Сергей named by surname alone, no one can tell."""
    text = "Мэр Москвы Собянин открыл школу. «Сергей Семенович, спасибо», — сказала учительница."
    got = grouped(text, [("Собянин", "PER"), ("Сергей Семенович", "PER")])
    assert got == {"Собянин": ["Собянин", "Сергей Семенович"]}
    text = "Собянин и Шойгу открыли школу. «Сергей Семенович, спасибо», — сказала учительница."
    got = grouped(text, [("Собянин", "PER"), ("Шойгу", "PER"), ("Сергей Семенович", "PER")])
    assert got["Сергей Семенович"] == ["Сергей Семенович"]
    text = "Матвиенко и Собянин открыли школу. «Валентина Ивановна, спасибо», — сказала учительница."
    got = grouped(text, [("Матвиенко", "PER"), ("Собянин", "PER"), ("Валентина Ивановна", "PER")])
    assert got["Матвиенко"] == ["Матвиенко", "Валентина Ивановна"]


def test_given_name_and_patronymic_join_the_one_of_that_given_name_the_article_is_about():
    """Three people called Сергей; the article names Собянин three times as often as either other, so
    `Сергей Семенович` is his. Named as often as another, he is no one's."""
    text = ("Сергей Нарышкин позвонил Сергею Собянину. Собянин ответил. Собянин согласился. «Сергей Семенович "
            "прав», — сказал Сергей Капков.")
    spans = [("Сергей Нарышкин", "PER"), ("Сергею Собянину", "PER"), ("Собянин", "PER"), ("Собянин", "PER"),
             ("Сергей Семенович", "PER"), ("Сергей Капков", "PER")]
    got = grouped(text, spans)
    assert got["Сергей Собянин"] == ["Сергею Собянину", "Собянин", "Собянин", "Сергей Семенович"]
    text = "Сергей Нарышкин позвонил Сергею Собянину. «Сергей Семенович прав», — сказал Сергей Капков."
    got = grouped(text, [("Сергей Нарышкин", "PER"), ("Сергею Собянину", "PER"), ("Сергей Семенович", "PER"),
                         ("Сергей Капков", "PER")])
    assert got["Сергей Семенович"] == ["Сергей Семенович"]


def test_a_surname_that_looks_like_a_patronymic_is_a_surname_where_it_stands_alone():
    """`Григорович` and `Дворкович` are patronymics to the dictionary, but an article that also calls the person
    by that word alone uses it as a surname: `Юрий Григорович` is not `Юрий Лужков`, and is the entity's name."""
    text = "Юрий Лужков приехал в театр. Юрий Григорович зашел к балерине. Сам Григорович промолчал."
    got = grouped(text, [("Юрий Лужков", "PER"), ("Юрий Григорович", "PER"), ("Григорович", "PER")])
    assert got == {"Юрий Лужков": ["Юрий Лужков"], "Юрий Григорович": ["Юрий Григорович", "Григорович"]}


def test_given_name_and_patronymic_shared_by_two_stays_apart():
    text = "Владимир Путин и Владимир Жириновский встретились. «Владимир Вольфович прав», — сказал Путин."
    got = grouped(text, [("Владимир Путин", "PER"), ("Владимир Жириновский", "PER"), ("Владимир Вольфович", "PER"),
                         ("Путин", "PER")])
    assert got["Владимир Вольфович"] == ["Владимир Вольфович"]


def test_surname_in_ovich_is_no_patronymic():
    text = "Виктор Янукович прибыл в Москву. Янукович встретился с премьером."
    got = grouped(text, [("Виктор Янукович", "PER"), ("Москву", "LOC"), ("Янукович", "PER")])
    assert got["Виктор Янукович"] == ["Виктор Янукович", "Янукович"]


def test_shared_surname_goes_to_the_person_mentioned_last():
    text = "Алла Бут пришла в суд. Виктор Бут выслушал приговор. Бут заявил, что обжалует его."
    got = grouped(text, [("Алла Бут", "PER"), ("Виктор Бут", "PER"), ("Бут", "PER")])
    assert got["Виктор Бут"] == ["Виктор Бут", "Бут"]
    assert got["Алла Бут"] == ["Алла Бут"]


def test_full_names_that_differ_in_a_case_ending_are_one_person():
    text = "Вратарь Йенс Леман вышел на поле. Тренер похвалил Йенса Лемана."
    got = grouped(text, [("Йенс Леман", "PER"), ("Йенса Лемана", "PER")])
    assert len(got) == 1


def test_different_given_names_stay_apart():
    text = "Анна Иванова выиграла турнир. Её сестра Мария Иванова заняла второе место."
    assert set(grouped(text, [("Анна Иванова", "PER"), ("Мария Иванова", "PER")])) == {"Анна Иванова", "Мария Иванова"}


def test_lone_foreign_surname_misread_joins_the_full_name():
    """The dictionary declines `Спейси` as if it were `Спейся` and leaves `Рэппу` as it is."""
    text = "Актер Кевин Спейси извинился перед Энтони Рэппом. Спейси ответил Рэппу в Twitter."
    got = grouped(text, [("Кевин Спейси", "PER"), ("Энтони Рэппом", "PER"), ("Спейси", "PER"), ("Рэппу", "PER")])
    assert set(got) == {"Кевин Спейси", "Энтони Рэпп"}
    assert "Спейси" in got["Кевин Спейси"] and "Рэппу" in got["Энтони Рэпп"]


@pytest.mark.parametrize("a, b, pair", [
    ("иванова", "иванов", True), ("тихая", "тихий", True), ("толстой", "толстая", True),
    ("спейся", "спейси", False), ("рэппу", "рэпп", False), ("путина", "путин", True),
    ("леман", "лемана", False), ("митчелл", "митчелла", False),
])
def test_gender_pair(a, b, pair):
    """A woman's and a man's form of a surname are kept apart when a lone surname looks for its full name.
    Only a Russian surname (-ов, -ев, -ин, -ын) has a woman's form in -а: `Лемана`, `Митчелла` are the
    genitives of `Леман`, `Митчелл` (until the seventh round they were kept apart too, to be safe; joining them
    raised the grouping's B-cubed)."""
    from letopis.analysis.person_names import gender_pair

    assert gender_pair(a, b) is pair


@pytest.mark.parametrize("word, gender", [
    ("Елену", "Fem"), ("Юрий", "Masc"), ("Майей", "Fem"),
    ("Саша", None), ("Валентину", None),  # of either gender: Валентина (acc), Валентин (dat)
    ("Исинбаеву", None), ("Москва", None),  # not given names
])
def test_a_given_name_tells_its_gender_when_the_dictionary_knows_it_of_one(word, gender):
    from letopis.analysis.person_names import given_name_gender

    assert given_name_gender(word) == gender


def test_everyday_given_name_joins_the_one_person_with_its_full_form():
    text = "Юрий Жирков вернулся в Тамбов. Юра позвонил тренеру."
    assert grouped(text, [("Юрий Жирков", "PER"), ("Юра", "PER")]) == {"Юрий Жирков": ["Юрий Жирков", "Юра"]}


def test_everyday_given_name_shared_by_two_stays_apart():
    text = "Александр Петров и Александра Сидорова поспорили. Саша ушла первой."
    got = grouped(text, [("Александр Петров", "PER"), ("Александра Сидорова", "PER"), ("Саша", "PER")])
    assert "Саша" in got


@pytest.mark.parametrize("line", lexicon.entries("given_name_diminutives"))
def test_given_name_diminutives(line):
    """Each everyday form maps to full forms of a given name; none is itself a full name of the list."""
    diminutive, full = line.split()
    assert diminutive == diminutive.lower() and "ё" not in line
    assert all(f and f != diminutive for f in full.split("|"))


def test_full_names_spelt_one_letter_apart_are_one_person():
    text = "Премьер-министром стал Дэвид Камерон. Дэвид Кэмерон заявил о реформах."
    got = grouped(text, [("Дэвид Камерон", "PER"), ("Дэвид Кэмерон", "PER")])
    assert list(got) == ["Дэвид Камерон"] and got["Дэвид Камерон"] == ["Дэвид Камерон", "Дэвид Кэмерон"]


def test_short_surnames_one_letter_apart_stay_apart():
    text = "Иван Котов и Иван Кутов поспорили."
    assert len(grouped(text, [("Иван Котов", "PER"), ("Иван Кутов", "PER")])) == 2


def test_lone_given_name_shared_by_two_joins_the_one_named_more_before_it():
    text = "Актер Стивен Фрай приехал в Петербург. Фрай известен как писатель. Стивен встречался с Стивеном Веббом."
    got = grouped(text, [("Стивен Фрай", "PER"), ("Фрай", "PER"), ("Стивен", "PER"), ("Стивеном Веббом", "PER")])
    assert "Стивен" in got["Стивен Фрай"] and "Стивен" not in got


@pytest.mark.parametrize("header, later, person", [
    # a reference note's title, surname first: the later mentions are the same person
    ("Зюганов Геннадий Андреевич", "Зюганов", "Геннадий Андреевич Зюганов"),
    ("Тимошенко Юлия Владимировна", "Юлия Тимошенко", "Юлия Владимировна Тимошенко"),
    # an official list in the dative: the nominative, given name first
    ("Лаврову Сергею Викторовичу", "Сергея Лаврова", "Сергей Викторович Лавров"),
])
def test_a_full_name_written_surname_first_is_the_person_named_later(header, later, person):
    text = f"{header}. Биографическая справка. В 2006 году Владимир Путин принял {later} в Кремле."
    got = grouped(text, [(header, "PER"), ("Владимир Путин", "PER"), (later, "PER")])
    assert got[person] == [header, later]


def test_a_surname_first_name_keeps_apart_a_relative_of_another_given_name():
    text = "Тимошенко Юлия Владимировна. Справка. Её муж Александр Тимошенко — бизнесмен."
    got = grouped(text, [("Тимошенко Юлия Владимировна", "PER"), ("Александр Тимошенко", "PER")])
    assert got == {"Юлия Владимировна Тимошенко": ["Тимошенко Юлия Владимировна"],
                   "Александр Тимошенко": ["Александр Тимошенко"]}
    # a given name after a patronymic-ending word is no surname-first order (`Ким Чен Ын` stays as written)
    assert set(grouped("Ким Чен Ын прибыл в Москву.", [("Ким Чен Ын", "PER")])) == {"Ким Чен Ын"}
