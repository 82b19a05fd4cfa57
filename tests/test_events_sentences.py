"""A headline without a full stop is a sentence of its own (events need the parse of the lead's first
sentence, which a headline glued to it spoils); a line break inside a paragraph ends nothing."""

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
