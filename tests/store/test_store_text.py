"""Search terms, name keys, query building and snippets (store/text.py), without a database."""

from __future__ import annotations

import random
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
import snowballstemmer

from letopis.store import text


@pytest.mark.parametrize("query, found, missed", [
    ("переговоры", "Они говорили о переговорах.", "Они говорили о переговорщике."),
    ("Токаева", "Сегодня Токаев прибыл.", "Сегодня Токарев прибыл."),
    ("Казахстан", "Мы были в Казахстане.", "Мы были в Казани."),
    ("ёлка", "Поставили елку.", "Поставили ель."),
    ("Иванов", "Сегодня Иванову вручили орден.", "Сегодня Ивану вручили орден."),
])
def test_a_query_word_matches_other_forms_of_itself_only(query, found, missed):
    def matches(sentence: str) -> bool:
        indexed = set(text.terms(sentence).split())
        return all(indexed.intersection(group) for group in text.query_groups(query))

    assert matches(found)
    assert not matches(missed)


def test_queries_cannot_inject_operators():
    assert text.fts5_query('переговоры" OR "1') == '"переговор" AND "or" AND "1"'  # OR is a word here
    assert text.fts5_query("NEAR(a b) * ^") == '"near" AND "a" AND "b"'
    assert text.tsquery("a & !b | c:*") == "a & b & c"
    assert text.fts5_query("... — !") is None and text.tsquery("") is None


def test_name_keys_find_the_stored_key_of_inflected_names():
    assert text.name_key("Касым-Жомарт Токаев") in text.name_keys("Касым-Жомарта Токаева")
    assert text.name_key("Казахстан") in text.name_keys("Казахстане")
    assert text.name_key("Марина Соколова").split()[-1] in text.name_keys("Соколовой")
    assert text.name_key("Россия") in text.name_keys("России")
    assert text.name_keys("...") == []


def test_a_snippet_shows_the_part_with_most_query_words():
    body = "Начало. " + "Пустые слова о погоде. " * 20 + "Токаев провёл переговоры в Астане. " + "Конец. " * 30
    snip, marks = text.snippet(body, "Токаева переговорах")
    assert snip.startswith("…") and snip.endswith("…")
    assert sorted(snip[m.start:m.stop] for m in marks) == ["Токаев", "переговоры"]


def test_stemming_is_right_from_many_threads_at_once():
    rnd = random.Random(7)
    letters = "абвгдежзиклмнопрстуфхцчшщыэюя"
    words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(5, 14))) + rnd.choice(["ами", "ов", "ого", "ение"])
             for _ in range(20000)]
    reference = snowballstemmer.stemmer("russian")
    expected = [reference.stemWord(w) for w in words]
    text.stem.cache_clear()
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, so that shared state would show
    try:
        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(text.stem, words))
    finally:
        sys.setswitchinterval(old)
    assert got == expected


def test_stop_words_are_left_out_of_queries_with_other_words():
    assert text.fts5_query("выборы в Госдуму") == text.fts5_query("выборы Госдуму")
    assert text.fts5_query("и") == '"и"'  # a query of stop words only is kept as it is
    assert text.query_stems("о переговорах") == text.query_stems("переговорах")
