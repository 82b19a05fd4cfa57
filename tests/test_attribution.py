"""Attribution of a whole report: the outlet and the sources it relies on.

    lead | input outlet (or -) | outlet | via (comma-separated, or -)
"""

from __future__ import annotations

import pytest

import letopis
from letopis.analysis import lexicon

ATTRIBUTION = """
Президент встретился с послом, передает NUR.KZ со ссылкой на Акорду.                  | -      | NUR.KZ        | Акорда
МОСКВА, 10 авг — РИА Новости. Президент встретился с министром.                        | -      | РИА Новости   | -
Об этом сообщает агентство Франс Пресс со ссылкой на источники в полиции.              | -      | Франс Пресс   | источники в полиции
Об этом сообщает агентство Франс Пресс со ссылкой на источники в полиции.              | Лента  | Лента         | Франс Пресс, источники в полиции
Как передает Tengrinews.kz, в Астане прошла встреча министров.                          | -      | Tengrinews.kz | -
В Новосибирске открыли мост, сообщает пресс-служба мэрии. По данным МВД, жертв нет.    | НГС    | НГС           | пресс-служба мэрии, МВД
Путин провел встречу с Лукашенко, пишет газета «Коммерсант» со ссылкой на пресс-службу Кремля. | - | Коммерсант | пресс-служба Кремля
По информации ФСБ, задержаны трое.                                                      | ТАСС   | ТАСС          | ФСБ
Как информирует портал Tengrinews.kz, в Астане прошел форум.                            | -      | Tengrinews.kz | -
Президент встретился с послом.                                                          | -      | -             | -
"""


def rows() -> list[list[str]]:
    return [[p.strip() for p in line.split("|")] for line in ATTRIBUTION.strip().splitlines()]


def listed(cell: str) -> list[str]:
    return [] if cell == "-" else [x.strip() for x in cell.split(",")]


@pytest.mark.parametrize("lead,given,outlet,via", rows())
def test_attribution(lead, given, outlet, via):
    record = letopis.analyze(lead, outlet=None if given == "-" else given)
    assert record.attribution.outlet == (None if outlet == "-" else outlet)
    assert record.attribution.via == listed(via)


def test_only_the_lead_counts():
    text = ("Президент встретился с послом.\n\nПозже министр заявил, что, по данным МВД, жертв нет, "
            "сообщает пресс-служба мэрии.")
    assert letopis.analyze(text).attribution.via == []


def test_every_reporting_verb_and_marker_has_an_example():
    from letopis.analysis.document import Doc
    from letopis.analysis.linguistic import Morph, Segment

    doc = Doc(text=" ".join(r[0] for r in rows()))
    Segment()(doc)
    Morph()(doc)
    lemmas = [t.lemma for t in doc.tokens]
    missing = [v for v in lexicon.table("attribution_report_verbs") if v not in lemmas]
    for marker in lexicon.entries("attribution_source_markers"):
        words = tuple(marker.split())
        if not any(tuple(lemmas[i:i + len(words)]) == words for i in range(len(lemmas))):
            missing.append(marker)
    assert not missing, f"without an example in ATTRIBUTION: {', '.join(missing)}"
