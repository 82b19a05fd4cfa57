"""The parse is a tree: `tree_parse.best_tree` finds the best-scoring tree with one root, and every
sentence letopis parses comes out as one (no word its own head, no cycle, one root)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from letopis.analysis.tree_parse import best_tree, find_cycle


def is_tree(heads: list[int]) -> bool:
    """heads: 0 for the root, j >= 1 for the j-th word."""
    if sum(h == 0 for h in heads) != 1:
        return False
    for start in range(1, len(heads) + 1):
        seen, v = set(), start
        while v != 0:
            if v in seen:
                return False
            seen.add(v)
            v = heads[v - 1]
    return True


def total(scores: np.ndarray, heads: list[int]) -> float:
    return float(sum(scores[d, h] for d, h in enumerate(heads)))


def brute_force(scores: np.ndarray) -> float:
    n = scores.shape[0]
    return max(total(scores, list(h)) for h in itertools.product(range(n + 1), repeat=n) if is_tree(list(h)))


@pytest.mark.parametrize("seed", range(40))
def test_best_tree_is_the_best_of_all_trees(seed):
    rng = np.random.default_rng(seed)
    for _ in range(5):
        n = int(rng.integers(1, 6))
        scores = rng.normal(size=(n, n + 1))
        heads = best_tree(scores)
        assert is_tree(heads)
        assert total(scores, heads) == pytest.approx(brute_force(scores))


def test_cycle_and_self_loop_preferred_by_the_scores_are_broken():
    # word 1 likes word 2 as head, word 2 likes word 1, word 3 likes itself; the root is a poor choice for all
    scores = np.array([
        [0.0, -9.0, 5.0, 0.0],
        [0.5, 5.0, -9.0, 0.0],
        [0.0, 0.0, 1.0, 9.0],
    ])
    heads = best_tree(scores)
    assert is_tree(heads)
    assert heads[2] != 3
    assert heads == [2, 0, 2]  # the cycle is cut where hanging on the root costs least


def test_two_roots_preferred_by_the_scores_become_one():
    scores = np.array([[9.0, -1.0, 0.0], [9.0, 0.0, -1.0]])
    heads = best_tree(scores)
    assert is_tree(heads)


def test_find_cycle():
    assert find_cycle([-1, 2, 1, 0]) == [1, 2]
    assert find_cycle([-1, 0, 1, 2]) == []


SENTENCES = [
    "Как он рассказал по телефону корреспонденту агентства, говорить им пришлось через стекло.",
    "Во вторник утром, до начала пленарного заседания, министр иностранных дел России Сергей Лавров и "
    "верховный представитель ЕС по иностранным делам и политике безопасности Кэтрин Эштон провели отдельную "
    "беседу, посвященную иранской ядерной программе и ближневосточному урегулированию.",
    "Ближе к вечеру к ним присоединился Владимир Милов.",
    "МОСКВА, 14 сен — Интерфакс.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_every_parsed_sentence_is_a_tree(text):
    from letopis.analysis.analyze import default_pipeline
    from letopis.analysis.document import Doc

    doc = Doc(text=text, meta={"id": "t"})
    default_pipeline()(doc)
    doc.parse(range(len(doc.sentences)))
    for s in doc.sentences:
        heads = [doc.tokens[k].head - s.first + 1 if doc.tokens[k].head >= 0 else 0 for k in range(s.first, s.last)]
        assert is_tree(heads), [(t.text, t.head, t.rel) for t in doc.tokens[s.first:s.last]]
