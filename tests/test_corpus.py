"""The whole shared corpus: it analyses without an error, keeps every id, and a real Dask LocalCluster with two
worker processes gives the same records as the serial run, article for article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, need_shared

LETOPIS = [sys.executable, "-m", "letopis"]


def analyse_corpus(out: Path, *options: str) -> list[dict]:
    done = subprocess.run([*LETOPIS, "analyze", str(need_shared(CORPUS)), "-o", str(out), *options],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    with out.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def serial_records(tmp_path_factory) -> list[dict]:
    return analyse_corpus(tmp_path_factory.mktemp("serial") / "records.jsonl")


def test_corpus_analyses_and_keeps_ids(serial_records):
    ids_in = [json.loads(line)["id"] for line in CORPUS.open(encoding="utf-8") if line.strip()]
    assert len(ids_in) == 1387
    assert [r["id"] for r in serial_records] == ids_in
    for r in serial_records[::25]:
        for e in r["entities"]:
            for m in e["mentions"]:
                assert r["text"][m["start"]:m["stop"]] == m["text"]


def test_dask_local_cluster_equals_serial(serial_records, tmp_path):
    distributed = [analyse_corpus(tmp_path / "dask.jsonl", "--dask", "local:2")][0]
    assert len(distributed) == len(serial_records)
    for mine, theirs in zip(distributed, serial_records, strict=True):
        assert mine == theirs, f"article {theirs['id']} differs between the Dask and the serial run"
