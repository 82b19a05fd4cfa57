"""The seed article's events, dates and attribution (issue 6)."""

from __future__ import annotations

import pytest

from letopis.model import Article, Event


def entity_id(record: Article, surname: str) -> str:
    ids = [e.id for e in record.entities if e.name.split()[-1] == surname]
    assert len(ids) == 1, f"expected one entity named {surname}: {[e.name for e in record.entities]}"
    return ids[0]


def events_of(record: Article, type_: str) -> list[Event]:
    return [e for e in record.events if e.type == type_]


def speaker_of(record: Article, quote_id: str | None) -> str | None:
    quote = next((q for q in record.quotes if q.id == quote_id), None)
    return quote.speaker.entity if quote and quote.speaker else None


@pytest.fixture(scope="module")
def seed(seed_record):
    return seed_record


def test_tokayev_met_zelensky_on_the_sidelines_of_the_general_assembly(seed):
    tokayev, zelensky = entity_id(seed, "Токаев"), entity_id(seed, "Зеленский")
    (meet,) = events_of(seed, "MEET")
    assert meet.trigger.text == "встретился"
    assert tokayev in meet.actors and zelensky in meet.targets
    assert seed.entity(meet.place).name == "Генассамблея"
    assert meet.modality == "asserted" and meet.source is None  # the outlet reports it as a fact


def test_putin_proposed_talks_in_moscow_as_peskov_says(seed):
    putin, peskov = entity_id(seed, "Путин"), entity_id(seed, "Песков")
    proposals = [e for e in events_of(seed, "PROPOSE") if putin in e.actors]
    assert len(proposals) == 1
    (proposal,) = proposals
    assert seed.entity(proposal.place).name == "Москва"
    assert proposal.source is not None and speaker_of(seed, proposal.source) == peskov


def test_zelensky_is_ready_to_hold_talks_in_kazakhstan(seed):
    zelensky = entity_id(seed, "Зеленский")
    (ready,) = [e for e in events_of(seed, "PROPOSE") if zelensky in e.actors]
    assert ready.modality == "proposed"
    assert seed.entity(ready.place).name == "Казахстан"
    assert ready.date == "2025-09-23" and ready.date_text.lower() == "накануне"


def test_kazakhstan_offers_to_host_talks(seed):
    tokayev = entity_id(seed, "Токаев")
    offers = [e for e in events_of(seed, "PROPOSE") if tokayev in e.actors]
    assert offers, "no PROPOSE by Токаев"
    assert all(e.modality == "proposed" for e in offers)
    assert all(speaker_of(seed, e.source) == tokayev for e in offers)  # his own words
    kazakhstan = entity_id(seed, "Казахстан")
    by_country = [e for e in events_of(seed, "PROPOSE") if kazakhstan in e.actors]
    assert by_country and speaker_of(seed, by_country[0].source) == tokayev


def test_events_are_numbered_in_text_order(seed):
    assert [e.id for e in seed.events] == [f"v{n}" for n in range(1, len(seed.events) + 1)]
    starts = [e.trigger.start for e in seed.events]
    assert starts == sorted(starts)
    for e in seed.events:
        assert seed.text[e.trigger.start:e.trigger.stop] == e.trigger.text
        assert e.sentence[0] <= e.trigger.start < e.trigger.stop <= e.sentence[1]


def test_attribution(seed):
    assert seed.attribution.outlet == "NUR.KZ"
    assert seed.attribution.via == ["Акорда"]


def test_the_record_round_trips(seed):
    again = Article.from_json(seed.to_json())
    assert [e.to_json() for e in again.events] == [e.to_json() for e in seed.events]
