"""Runners: a pool of worker processes gives the same records as analysing in this process, in input order."""

from __future__ import annotations

import pytest

from letopis.read.jsonl import parse_jsonl
from letopis.run import make_runner
from letopis.run.serial import SerialRunner
from tests.store.invented import article


def raw_articles(n: int):
    import json

    return list(parse_jsonl([json.dumps(article(i), ensure_ascii=False) for i in range(n)], "invented.jsonl"))


def test_two_worker_processes_give_the_serial_records_in_order():
    raws = raw_articles(10)
    serial = [o.article.to_json() for o in SerialRunner().analyse(raws)]
    with make_runner(2) as pool:
        pooled = list(pool.analyse(iter(raws)))
    assert [o.source for o in pooled] == [r.source for r in raws]
    assert [o.article.to_json() for o in pooled] == serial


def test_a_failing_article_becomes_an_outcome_with_its_reason():
    (raw,) = raw_articles(1)
    raw.text = None  # not a text: the analysis raises
    (outcome,) = list(SerialRunner().analyse([raw]))
    assert outcome.article is None and outcome.error.startswith("analysis failed: TypeError")


def test_workers_must_be_positive():
    with pytest.raises(ValueError):
        make_runner(0)
