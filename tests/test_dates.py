"""Russian date expressions resolved against a fixed publication date: Wednesday, 24 September 2025.

    sentence | the expression found | its value

`-` as the value: the sentence must hold no date expression.
"""

from __future__ import annotations

import pytest

from letopis.analysis.dates import DateMention, Dates
from letopis.analysis.document import Doc
from letopis.analysis.linguistic import Morph, Segment

PUBLISHED = "2025-09-24"  # a Wednesday

DATES = """
Это случилось 24 сентября.                         | 24 сентября                | 2025-09-24
Форум прошел 24 сентября 2014 года.                | 24 сентября 2014 года      | 2014-09-24
Форум прошел 24-25 сентября 2014 г. в Москве.      | 24-25 сентября 2014 г.     | 2014-09-24
Встреча прошла 10.08.2025 в Москве.                | 10.08.2025                 | 2025-08-10
Встреча прошла 10.08.25 в Москве.                  | 10.08.25                   | 2025-08-10
Документ подписан 2025-09-01.                      | 2025-09-01                 | 2025-09-01
МОСКВА, 10 авг — РИА Новости.                      | 10 авг                     | 2025-08-10
Он уехал 28 декабря.                               | 28 декабря                 | 2024-12-28
Он вернется 28 декабря.                            | 28 декабря                 | 2025-12-28
Это было в 2014 году.                              | в 2014 году                | 2014
Закон принят в 2014 г.                             | в 2014 г.                  | 2014
Он уехал в сентябре.                               | в сентябре                 | 2025-09
Он уехал в декабре.                                | в декабре                  | 2024-12
Он уехал в начале января 2011 года.                | в начале января 2011 года  | 2011-01
Он уехал в мае 2020 года.                          | в мае 2020 года            | 2020-05
Накануне он уехал.                                 | Накануне                   | 2025-09-23
Вчера он уехал.                                    | Вчера                      | 2025-09-23
Позавчера он уехал.                                | Позавчера                  | 2025-09-22
Сегодня он уехал.                                  | Сегодня                    | 2025-09-24
Завтра он уедет.                                   | Завтра                     | 2025-09-25
Послезавтра он уедет.                              | Послезавтра                | 2025-09-26
В понедельник он уехал.                            | В понедельник              | 2025-09-22
В воскресенье он уехал.                            | В воскресенье              | 2025-09-21
В пятницу он уехал.                                | В пятницу                  | 2025-09-19
В пятницу он уедет.                                | В пятницу                  | 2025-09-26
В среду он уехал.                                  | В среду                    | 2025-09-24
В прошлую пятницу он уехал.                        | В прошлую пятницу          | 2025-09-19
В прошлый понедельник он уехал.                    | В прошлый понедельник      | 2025-09-15
В следующий вторник он уедет.                      | В следующий вторник        | 2025-09-30
В пятницу, 21 января, он уехал.                    | В пятницу, 21 января       | 2025-01-21
На прошлой неделе он уехал.                        | На прошлой неделе          | 2025-W38
На этой неделе он уехал.                           | На этой неделе             | 2025-W39
На следующей неделе он уедет.                      | На следующей неделе        | 2025-W40
В прошлом месяце он уехал.                         | В прошлом месяце           | 2025-08
В этом месяце он уехал.                            | В этом месяце              | 2025-09
В прошлом году он уехал.                           | В прошлом году             | 2024
В следующем году он уедет.                         | В следующем году           | 2026
Три дня назад он уехал.                            | Три дня назад              | 2025-09-21
Неделю назад он уехал.                             | Неделю назад               | 2025-09-17
5 дней назад он уехал.                             | 5 дней назад               | 2025-09-19
Месяц назад он уехал.                              | Месяц назад                | 2025-08
Два года назад он уехал.                           | Два года назад             | 2023
Через два дня он уедет.                            | Через два дня              | 2025-09-26
Накануне выборов он уехал.                         | -                          | -
В среде экспертов это обсуждали.                   | -                          | -
Он набрал 24 голоса.                               | -                          | -
"""


def rows() -> list[list[str]]:
    return [[p.strip() for p in line.split("|")] for line in DATES.strip().splitlines()]


def dates_of(text: str, published: str | None = PUBLISHED) -> list[DateMention]:
    doc = Doc(text=text, meta={"date": published})
    for stage in (Segment(), Morph(), Dates()):
        stage(doc)
    return doc.layers["dates"]


def test_there_are_at_least_thirty_expressions():
    assert sum(1 for r in rows() if r[2] != "-") >= 30


@pytest.mark.parametrize("sentence,expression,value", rows())
def test_date(sentence, expression, value):
    found = dates_of(sentence)
    if value == "-":
        assert not found, f"{sentence!r}: found {[(m.text, m.value) for m in found]}"
        return
    assert [(m.text, m.value) for m in found] == [(expression, value)]
    assert sentence[found[0].start:found[0].stop] == expression


def test_only_a_day_is_an_event_date():
    (month,) = dates_of("Он уехал в сентябре.")
    (day,) = dates_of("Он уехал вчера.")
    assert month.day is None and month.precision == "month"
    assert day.day == "2025-09-23"


def test_relative_dates_stay_unresolved_without_a_publication_date():
    (m,) = dates_of("Вчера он уехал.", published=None)
    assert m.text == "Вчера" and m.value is None
    (m,) = dates_of("Он уехал 10.08.2025.", published=None)
    assert m.value == "2025-08-10"


def test_a_dateline_stands_in_for_a_missing_publication_date():
    doc = Doc(text="АСТАНА, 10.08.2025. Вчера президент уехал.", meta={"date": None})
    for stage in (Segment(), Morph(), Dates()):
        stage(doc)
    assert doc.meta["date"] == "2025-08-10"
    assert [m.value for m in doc.layers["dates"]] == ["2025-08-10", "2025-08-09"]
