"""The record: exact `letopis.article/1` keys, JSON round trip, ids."""

from __future__ import annotations

import json

import pytest

from letopis.model import SCHEMA, Article, Attribution, Cue, Entity, Event, Mention, Quote, Span, Speaker

KEYS = ["schema", "id", "date", "title", "url", "outlet", "text", "entities", "quotes", "events", "attribution"]


def sample() -> Article:
    text = "Иванов заявил, что всё хорошо."
    return Article(
        text=text, id="a1", date="2025-01-02", outlet="X",
        entities=[Entity("e1", "PER", "Иван Иванов", ["министр"], [Mention(0, 6, "Иванов", "name")])],
        quotes=[Quote("q1", "indirect", Span(19, 29, "всё хорошо"), Cue(7, 13, "заявил", "заявить"),
                      Speaker("Иван Иванов", "PER", "e1", 0, 6, "Иванов"))],
        events=[Event("v1", "MEET", Cue(7, 13, "заявил", "заявить"), (0, 30), ["e1"], [], None, "2025-01-01",
                      "вчера", "asserted", "q1")],
        attribution=Attribution("X", ["Y"]),
    )


def test_keys_are_exactly_the_schema():
    assert list(sample().to_json()) == KEYS
    assert sample().to_json()["schema"] == SCHEMA


def test_round_trip_through_json_text():
    a = sample()
    again = Article.from_json(json.loads(json.dumps(a.to_json(), ensure_ascii=False)))
    assert again == a


def test_empty_record_has_empty_lists():
    d = Article(text="Текст.").to_json()
    assert d["entities"] == [] and d["quotes"] == [] and d["events"] == []
    assert d["attribution"] == {"outlet": None, "via": []}


def test_id_is_a_stable_hash_when_missing():
    assert Article(text="один").id == Article(text="один").id != Article(text="два").id


def test_unknown_schema_is_refused():
    with pytest.raises(ValueError, match="unsupported record schema"):
        Article.from_json({"schema": "other/9", "text": "x"})
