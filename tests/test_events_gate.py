"""The events gate: pinned floors for Meeting events on factRuEval-2016 and NEREL that a change may not lower
silently.

Measured with `letopis eval events --split test`, `--split dev` and `--data nerel --split tune` (how they are
counted: the docstring of `letopis.evaluation.events`); the floors sit a little below the figures. A change
that lowers one must say so and lower the floor here in the same commit; a change that raises one should raise
it. If the gold data changes, its hash fails first: re-measure.

    data        split  recall              precision (events naming 2+ people)   strict precision (all events)
    factRuEval  test   0.373 (19 of 51)    0.679 (19 of 28)                      0.297 (19 of 64)
    factRuEval  dev    0.800 (4 of 5)      1.000 (5 of 5)                        0.333 (5 of 15)
    NEREL       tune   0.654 (17 of 26)    0.857 (18 of 21)                      0.600 (18 of 30)

The dev floor for precision leaves one event of slack (5 events in all). The issue's target is 0.7 for both on
the factRuEval test set; recall is far from it, and precision fell below it when the participant rules of
docs/events.md were added (the test precision floor was lowered from 0.74 to 0.67 then: the rules were chosen on
the tuning data and the corpus, and the test set is not inspected).
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED, need_shared

FACTRU = SHARED / "data" / "factRuEval-2016"
NEREL = SHARED / "data" / "NEREL-v1.1"
RUNS = {  # (data, split): first 16 hex digits of the data hash, gold count, floors
    ("factrueval", "test"): ("1941b3bd93d650aa", 51, {"recall": 0.37, "precision": 0.67}),
    ("factrueval", "dev"): ("8fdda1968bc27efe", 5, {"recall": 0.8, "precision": 0.8}),
    ("nerel", "tune"): ("345f83d042014843", 26, {"recall": 0.65, "precision": 0.85}),
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=list(RUNS), ids=lambda run: "-".join(run))
def run(request):
    from letopis.evaluation.events import evaluate

    source, split = request.param
    root = need_shared(NEREL if source == "nerel" else FACTRU)
    return request.param, evaluate(root, split, source=source)


def test_gold_data_is_the_measured_one(run):
    key, report = run
    digest, gold, _ = RUNS[key]
    assert report.data_hash.startswith(digest), (
        f"{key[0]} changed since the floors were measured: run `letopis eval events`, "
        "update RUNS (hash and floors) together")
    assert report.gold == gold


def test_recall_floor(run):
    key, report = run
    floor = RUNS[key][2]["recall"]
    assert report.recall >= floor, f"{key} recall {report.recall:.3f} < floor {floor}"


def test_precision_floor(run):
    key, report = run
    floor = RUNS[key][2]["precision"]
    assert report.precision >= floor, f"{key} precision {report.precision:.3f} < floor {floor}"
