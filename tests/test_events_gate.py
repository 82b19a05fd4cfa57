"""The events gate: pinned floors for Meeting events on factRuEval-2016 that a change may not lower silently.

Measured with `letopis eval events --split test` and `--split dev` (how they are counted: the docstring of
`letopis.evaluation.events`); the floors sit a little below the figures. A change that lowers one must say so
and lower the floor here in the same commit; a change that raises one should raise it. If the gold data
changes, its hash fails first: re-measure.

    split  recall              precision (events naming 2+ people)   strict precision (all events)
    test   0.333 (17 of 51)    0.750 (18 of 24)                      0.295 (18 of 61)
    dev    0.800 (4 of 5)      1.000 (5 of 5)                        0.357 (5 of 14)

The issue's target is 0.7 for both on the test set; recall is far from it (see docs/events.md).
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED, need_shared

FACTRU = SHARED / "data" / "factRuEval-2016"
DATA_SHA256 = {"test": "1941b3bd93d650aa", "dev": "8fdda1968bc27efe"}  # first 16 hex digits
FLOORS = {"test": {"recall": 0.31, "precision": 0.70}, "dev": {"recall": 0.8, "precision": 0.8}}
GOLD = {"test": 51, "dev": 5}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["test", "dev"])
def report(request):
    from letopis.evaluation.events import evaluate

    return evaluate(need_shared(FACTRU), request.param)


def test_gold_data_is_the_measured_one(report):
    assert report.data_hash.startswith(DATA_SHA256[report.split]), (
        "factRuEval-2016 changed since the floors were measured: run `letopis eval events`, "
        "update FLOORS and DATA_SHA256 together")
    assert report.gold == GOLD[report.split]


def test_recall_floor(report):
    floor = FLOORS[report.split]["recall"]
    assert report.recall >= floor, f"{report.split} recall {report.recall:.3f} < floor {floor}"


def test_precision_floor(report):
    floor = FLOORS[report.split]["precision"]
    assert report.precision >= floor, f"{report.split} precision {report.precision:.3f} < floor {floor}"
