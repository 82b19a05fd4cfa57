"""The evaluation gate for quotes: pinned floors on the development set that a change may not lower.

The floors are the figures measured when they were set, minus a small margin (about two quotes; the speaker
floor is the issue's own .90): a change
that lowers a figure below its floor fails here and must say why in its own commit, raising or lowering the
floor with the new measured figure. The gold files are pinned by hash, so a new version of the gold set is
noticed rather than silently moving the figures.

Measured (`letopis eval quotes ../shared/gold/quotes-dev.articles.jsonl ../shared/gold/quotes-dev.jsonl`):
content F1 0.986, end-to-end F1 0.925, speaker accuracy 0.942 (141 gold quotes, 139 predicted); the
end-to-end floor went from 0.875 to 0.89 when role mentions improved (a given name with a patronymic, two
names of one post, titles that cannot be one person's apposition), and to 0.91 when titles took the gender
their verb shows and a head-of title with a country adjective named that country's head (0.911 → 0.925).
"""

from __future__ import annotations

import hashlib

from letopis.evaluation.quotes import load_gold, read_jsonl, score
from tests.conftest import need_shared
from tests.test_eval_quotes import ARTICLES, GOLD, dev_records

FLOORS = {
    "content F1": 0.975,
    "end-to-end F1": 0.91,
    "speaker accuracy": 0.90,  # the issue's own target
}
GOLD_SHA256 = {
    GOLD.name: "0148f56d80b80748a124abe087e25030f01b9a6e8901bb0e11c0b1d6c8a2b48f",
    ARTICLES.name: "3e3213eb6d1d1ff42dcf8bddaf418e9a08da659aaab1696d51e01f530a67f6e2",
}


def sha256(path) -> str:
    return hashlib.sha256(need_shared(path).read_bytes()).hexdigest()


def test_gold_set_is_the_one_the_floors_were_measured_on():
    for path in (GOLD, ARTICLES):
        assert sha256(path) == GOLD_SHA256[path.name], (
            f"{path} changed: measure again, then update GOLD_SHA256 and FLOORS in this file")


def test_dev_set_figures_stay_above_their_floors():
    gold = load_gold(need_shared(GOLD))
    texts = {a["id"]: a["text"] for a in read_jsonl(ARTICLES) if a["id"] in gold}
    result = score(texts, gold, dev_records())
    figures = {
        "content F1": result["content"]["f1"],
        "end-to-end F1": result["end_to_end"]["f1"],
        "speaker accuracy": result["speaker_accuracy"],
    }
    below = {k: (v, FLOORS[k]) for k, v in figures.items() if v < FLOORS[k]}
    assert not below, f"below the floor (figure, floor): {below}; all figures: {figures}"
    # the targets, which the floors must never fall under
    assert figures["content F1"] >= 0.90 and figures["end-to-end F1"] >= 0.85 and figures["speaker accuracy"] >= 0.90
