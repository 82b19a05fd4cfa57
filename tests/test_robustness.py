"""Bad input and arbitrary text: readers and the analysis never crash, offsets always slice to their text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import letopis
from letopis.errors import InputError
from letopis.read import read_paths
from letopis.read.jsonl import parse_jsonl
from letopis.read.text import parse_text_article

RUSSIAN = "Президент Иван Петров заявил, что «переговоры продолжатся». Он отметил: — Мы готовы. "


def spans_of(record):
    """Every (start, stop, text) the record states, whatever layer it comes from."""
    for e in record.entities:
        for m in e.mentions:
            yield m.start, m.stop, m.text
    for q in record.quotes:
        yield q.content.start, q.content.stop, q.content.text
        if q.cue:
            yield q.cue.start, q.cue.stop, q.cue.text
        if q.speaker and q.speaker.start is not None:
            yield q.speaker.start, q.speaker.stop, q.speaker.text
    for ev in record.events:
        yield ev.trigger.start, ev.trigger.stop, ev.trigger.text


def assert_offsets_slice(record):
    for start, stop, text in spans_of(record):
        assert 0 <= start <= stop <= len(record.text)
        assert record.text[start:stop] == text


texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list(RUSSIAN + "«»„“\"—-–:.,!?\n\t ")), max_size=400),
    st.lists(st.sampled_from(RUSSIAN.split(" ") + ["\n\n", "«", "»", "—", "ООН", "Токаева"]), max_size=80)
      .map(" ".join),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_analyses_and_offsets_slice(text):
    record = letopis.analyze(text)
    assert record.text == text
    assert_offsets_slice(record)
    json.dumps(record.to_json(), ensure_ascii=False)


# Found by the property above: a digit `int()` cannot read, a letter without a Unicode name (pymorphy2 asked
# for it), and relative dates too far away for any calendar.
@pytest.mark.parametrize("text", ["²", "3² дня назад", "𗀀", "Глава 𗀀 заявил, что «всё хорошо».",
                                  "через 99999999999 дней", "99999999 лет назад", "через 9999999 недель",
                                  "в 99999 году"])
def test_texts_that_once_crashed_the_analysis(text):
    record = letopis.analyze(text, date="2025-01-01")
    assert record.text == text
    assert_offsets_slice(record)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_text_reader_never_raises_anything_but_input_error(content):
    try:
        raw = parse_text_article(content, "x.txt")
    except InputError as exc:
        assert exc.item == "x.txt" and exc.problem
    else:
        assert raw.text and raw.text == raw.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=60), st.builds(json.dumps, st.dictionaries(
    st.sampled_from(["id", "text", "date", "title", "url", "outlet", "x"]),
    st.one_of(st.text(max_size=20), st.integers(), st.none(), st.lists(st.integers(), max_size=2)))))))
def test_jsonl_reader_yields_an_item_per_nonblank_line(lines):
    lines = [x.replace("\n", " ").replace("\r", " ") for x in lines]
    got = list(parse_jsonl(lines, "f.jsonl"))
    assert len(got) == sum(1 for x in lines if x.strip())
    for item in got:
        assert isinstance(item, InputError) or item.text.strip()


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-16"])
def test_legacy_encodings_are_detected(tmp_path, encoding):
    text = ("Губернатор области Марина Соколова заявила, что дороги отремонтируют к осени. "
            "По её словам, на ремонт выделено два миллиарда рублей. ") * 3
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    (raw,) = list(read_paths([str(path)]))
    assert raw.text == text.strip()


def test_oversized_article_is_refused_by_name(tmp_path, monkeypatch):
    monkeypatch.setenv("LETOPIS_MAX_CHARS", "1000")
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "слово " * 1000}) + "\n"
                    + json.dumps({"id": "ok", "text": "Короткая новость."}) + "\n", encoding="utf-8")
    big, ok = list(read_paths([str(path)]))
    assert big.item.endswith("big.jsonl:1") and "over the limit of 1,000" in big.problem
    assert ok.id == "ok"


def test_twenty_megabyte_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Очень длинная статья. " * 1_000_000, encoding="utf-8")  # 22 MB
    (item,) = list(read_paths([str(path)]))
    assert "over the limit" in item.problem


def test_truncated_last_line_and_bad_date_are_named(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Новость."}) + "\n"
                    + json.dumps({"id": "b", "text": "Новость.", "date": "2025-13-45"}) + "\n"
                    + '{"id": "c", "text": "Обры', encoding="utf-8")
    a, b, c = list(read_paths([str(path)]))
    assert a.id == "a"
    assert b.item.endswith(":2") and "2025-13-45" in b.problem
    assert c.item.endswith(":3") and "not valid JSON" in c.problem


@pytest.mark.parametrize("text", [
    "!!! ??? ... ,,, ---",
    "Only Latin text, nothing Russian at all. Apple said it would ship.",
    "Смешанный text с Latin и кириллицей, Mr. Smith заявил, что всё ok.",
    "«Цитата без закрывающей кавычки, — сказал Петров. И дальше текст.",
    "Текст с закрывающей кавычкой без открывающей», — сказал Петров.",
    "Министр заявил, что " + ", ".join(["Иван Петров встретился с Марией Ивановой в Москве"] * 300) + ".",
])
def test_odd_texts_analyse_and_slice(text):
    assert_offsets_slice(letopis.analyze(text))


def test_insertion_at_the_end_of_a_text_after_a_meeting_verb():
    """`встречался в том числе` closing the text: the partner search stops at the sentence's end."""
    import letopis

    record = letopis.analyze("Путин встречался в том числе")
    assert all(e.type != "MEET" or not e.targets for e in record.events)
