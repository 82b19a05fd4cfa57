"""The events gate: pinned floors for Meeting events on factRuEval-2016 and NEREL that a change may not lower
silently.

Measured with `letopis eval events --split test`, `--split dev` and `--data nerel --split tune` (how they are
counted: the docstring of `letopis.evaluation.events`); the floors sit a little below the figures. A change
that lowers one must say so and lower the floor here in the same commit; a change that raises one should raise
it. If the gold data changes, its hash fails first: re-measure.

    data        split  recall              precision (events naming 2+ people)   strict precision (all events)
    factRuEval  test   0.333 (17 of 51)    0.750 (18 of 24)                      0.295 (18 of 61)
    factRuEval  dev    0.800 (4 of 5)      1.000 (5 of 5)                        0.333 (5 of 15)
    NEREL       tune   0.538 (14 of 26)    0.882 (15 of 17)                      0.517 (15 of 29)

The dev floor for precision leaves one event of slack (5 events in all). The issue's target is 0.7 for both on
the factRuEval test set; recall is far from it (see docs/events.md).
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED, need_shared

FACTRU = SHARED / "data" / "factRuEval-2016"
NEREL = SHARED / "data" / "NEREL-v1.1"
RUNS = {  # (data, split): first 16 hex digits of the data hash, gold count, floors
    ("factrueval", "test"): ("1941b3bd93d650aa", 51, {"recall": 0.33, "precision": 0.74}),
    ("factrueval", "dev"): ("8fdda1968bc27efe", 5, {"recall": 0.8, "precision": 0.8}),
    ("nerel", "tune"): ("345f83d042014843", 26, {"recall": 0.53, "precision": 0.87}),
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
