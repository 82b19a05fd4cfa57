"""The founding article: its eight quotes, their kinds, speakers and boundaries."""

from __future__ import annotations

from collections import Counter


def test_seed_has_its_eight_quotes(seed_record):
    quotes = seed_record.quotes
    assert len(quotes) == 8, [(q.kind, q.content.text[:40]) for q in quotes]
    assert Counter(q.kind for q in quotes) == {"direct": 3, "indirect": 5}
    assert Counter(q.speaker.name for q in quotes) == {"Касым-Жомарт Токаев": 6, "Владимир Зеленский": 1, "Песков": 1}
    assert [q.id for q in quotes] == [f"q{n}" for n in range(1, 9)]


def test_seed_speakers_are_entities(seed_record):
    entities = {e.id: e for e in seed_record.entities}
    for q in seed_record.quotes:
        assert q.speaker.type == "PER"
        assert entities[q.speaker.entity].name == q.speaker.name
        assert seed_record.text[q.speaker.start:q.speaker.stop] == q.speaker.text


def test_seed_speaker_mentions(seed_record):
    texts = [q.speaker.text for q in seed_record.quotes]
    assert texts[:5] == ["президента", "Токаев", "Он", "глава Казахстана", "его"]


def test_seed_contents(seed_record):
    text = seed_record.text
    contents = [q.content.text for q in seed_record.quotes]
    for q in seed_record.quotes:
        assert text[q.content.start:q.content.stop] == q.content.text
    assert contents[0] == ("Казахстан в военном конфликте между Россией и Украиной не является посредником "
                           "и таковым себя не видит")
    assert contents[1].startswith("На мой взгляд") and contents[1].endswith("упрощать его нельзя")
    assert contents[3].startswith("Да, территориальный") and contents[3].endswith("обеспечения переговоров")
    assert contents[3].count("\n\n") == 2  # one quote over three paragraphs
    assert contents[6] == "готов провести их, например, в Казахстане"
    assert contents[7] == "Путин предлагал переговоры в Москве"
    assert [q.cue.text for q in seed_record.quotes] == ["По словам", "считает", "отметил", "заверил", "По его словам",
                                                        "заключил", "заявил", "напомнил"]


def test_seed_leaves_out_the_authors_voice_and_the_outlet(seed_record):
    text = seed_record.text
    tail = text.index("Стоит также отметить")
    head = text.index("передает NUR.KZ")
    for q in seed_record.quotes:
        assert q.content.stop <= tail
        assert q.content.start > head
