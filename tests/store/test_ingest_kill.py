"""An ingestion killed with SIGKILL mid-run leaves whole articles only; running it again completes it,
with nothing lost or duplicated and the same records as a run that was never interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from letopis.ingest.ingest import ingest
from letopis.store import open_store
from tests.store.invented import write_jsonl

N = 30
CLI = "from letopis.cli import main; main()"


def stored_count(url: str) -> int:
    try:
        with open_store(url, readonly=True) as s:  # a reader: opening for writing would wait for the writer
            return s.stats().articles
    except Exception:  # the database may not exist yet
        return 0


def start_ingest(source: str, url: str) -> subprocess.Popen:
    # two articles per transaction: with the default groups, 30 short articles may go in one
    return subprocess.Popen([sys.executable, "-c", CLI, "ingest", source, "--db", url, "--commit-every", "2", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_a_killed_ingestion_is_completed_by_running_it_again(store_url, tmp_path):
    source = tmp_path / "news.jsonl"
    items = write_jsonl(source, N)
    proc = start_ingest(str(source), store_url)
    deadline = time.monotonic() + 120
    while stored_count(store_url) < 5:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the ingestion stored nothing in two minutes"
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = stored_count(store_url)
    assert 5 <= at_kill < N, "the run finished before it could be killed: make the input larger"

    with open_store(store_url) as s:  # whole articles only: every stored record complete
        for article in s.iter_articles():
            assert article.text and article.entities, article.id
        assert s.stats().quotes == sum(len(a.quotes) for a in s.iter_articles())
        assert s.runs()[0].status == "running"  # killed: it could not say otherwise

    rerun = subprocess.run([sys.executable, "-c", CLI, "ingest", str(source), "--db", store_url, "-q"],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N - at_kill} stored" in rerun.stderr and f"{at_kill} already stored" in rerun.stderr

    reference = open_store(str(tmp_path / "reference.db"))
    ingest(reference, [str(source)])
    with open_store(store_url) as s, reference:
        ids = [a.id for a in s.iter_articles()]
        assert sorted(ids) == sorted(x["id"] for x in items)  # nothing lost, nothing twice
        for article in reference.iter_articles():
            assert s.get_article(article.id) == article
        assert s.stats().quotes == reference.stats().quotes
        assert s.stats().entities == reference.stats().entities
        statuses = [r.status for r in s.runs()]
        assert statuses == ["done", "interrupted"]
