"""Where missed meetings lie (evaluation/miss_kinds.py), on a record built by hand so that each kind is known."""

from __future__ import annotations

from letopis.evaluation.events import GoldArticle, GoldMeeting, Report, format_report, score
from letopis.evaluation.miss_kinds import KINDS, Sentences, miss_kind, tally
from letopis.model import Article, Cue, Entity, Event, Mention

TEXT = ("Путин встретился с Лукашенко, пока Си ждал в машине. Сечин похвалил Миллера. "
        "Шойгу прилетел в Минск. Там его ждал Хренин.")


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def person(pid: str, name: str, *words: str) -> Entity:
    mentions = [Mention(*span(w), w) for w in words]
    return Entity(pid, "PER", name, mentions=mentions)


def record() -> Article:
    people = [person("T1", "Владимир Путин", "Путин"), person("T2", "Александр Лукашенко", "Лукашенко"),
              person("T3", "Си Цзиньпин", "Си"), person("T4", "Игорь Сечин", "Сечин"),
              person("T5", "Алексей Миллер", "Миллера"), person("T6", "Сергей Шойгу", "Шойгу"),
              person("T7", "Виктор Хренин", "Хренин")]
    people[5].mentions.append(Mention(*span("его"), "его", kind="pronoun"))
    start, stop = span("встретился")
    meeting = Event("v1", "MEET", Cue(start, stop, "встретился", "встретиться"), (0, TEXT.index(".") + 1),
                    actors=["T1"], targets=["T2"])
    return Article(TEXT, entities=people, events=[meeting])


def test_each_kind_from_the_ids_a_participant_may_be():
    rec, sentences = record(), Sentences(TEXT)
    assert miss_kind([{"T1"}, set()], rec, sentences) == "no person"
    # all three named in the first sentence, whose event leaves Си out
    assert miss_kind([{"T1"}, {"T2"}, {"T3"}], rec, sentences) == "short"
    assert miss_kind([{"T4"}, {"T5"}], rec, sentences) == "no event"
    # `его` in the last sentence is Шойгу's: named together with Хренин there, and no event holds it
    assert miss_kind([{"T6"}, {"T7"}], rec, sentences) == "no event"
    assert miss_kind([{"T4"}, {"T7"}], rec, sentences) == "spread"
    # a participant who may be either of two people is named wherever either is
    assert miss_kind([{"T4", "T6"}, {"T7"}], rec, sentences) == "no event"


def test_score_sorts_the_misses_and_the_report_counts_them():
    meetings = [GoldMeeting("1", ("путин", "лукашенко")), GoldMeeting("2", ("путин", "лукашенко", "си")),
                GoldMeeting("3", ("сечин", "миллер")), GoldMeeting("4", ("сечин", "хренин")),
                GoldMeeting("5", ("путин", "эрдоган"))]
    result = score(GoldArticle("a", TEXT, meetings), record())
    assert result.found == [True, False, False, False, False]
    assert result.kinds == ["", "short", "no event", "spread", "no person"]
    assert tally(k for k in result.kinds if k) == [("no person", 1), ("short", 1), ("no event", 1), ("spread", 1)]
    text = format_report(Report("test", "0" * 16, [result]))
    assert "where the misses lie" in text
    assert all(f"   1  {KINDS[kind]}" in text for kind in KINDS)


def test_a_report_with_no_misses_says_nothing_of_them():
    result = score(GoldArticle("a", TEXT, [GoldMeeting("1", ("путин", "лукашенко"))]), record())
    assert result.kinds == [""]
    assert "where the misses lie" not in format_report(Report("test", "0" * 16, [result]))
