"""Ingestion writes analysed articles in groups, one transaction each: the records are the same whatever the
group size, a group is stored whole or not at all, and Ctrl-C keeps the group already analysed."""

from __future__ import annotations

import pytest

from letopis.errors import StoreError
from letopis.ingest.ingest import IngestOptions, ingest
from letopis.store import open_store
from tests.store.invented import write_jsonl


def records(url: str) -> list[dict]:
    with open_store(url) as s:
        return sorted((a.to_json() for a in s.iter_articles()), key=lambda r: r["id"])


def test_the_group_size_does_not_change_what_is_stored(tmp_path):
    source = tmp_path / "news.jsonl"
    write_jsonl(source, 7)
    urls = []
    for size in (1, 3, 50):
        url = str(tmp_path / f"groups-{size}.db")
        with open_store(url) as store:
            report = ingest(store, [str(source)], IngestOptions(commit_every=size))
        assert report.inserted == 7, size
        urls.append(url)
    assert records(urls[0]) == records(urls[1]) == records(urls[2])


def test_a_group_that_cannot_be_written_leaves_nothing_of_itself(tmp_path, monkeypatch):
    source = tmp_path / "news.jsonl"
    write_jsonl(source, 5)
    url = str(tmp_path / "l.db")
    with open_store(url) as store:
        from letopis.store import write

        calls = []
        real = write.write_article

        def fails_on_the_fourth(tx, *args, **kw):
            calls.append(1)
            if len(calls) == 4:
                raise StoreError("cannot write: invented failure")
            return real(tx, *args, **kw)

        monkeypatch.setattr("letopis.store.sql_store.write_article", fails_on_the_fourth)
        with pytest.raises(StoreError):
            ingest(store, [str(source)], IngestOptions(commit_every=2))
        assert store.stats().articles == 2  # the first group; the second (3rd and 4th articles) rolled back
        monkeypatch.undo()
        rerun = ingest(store, [str(source)])
        assert (rerun.inserted, rerun.skipped) == (3, 2)


def test_ctrl_c_stores_the_group_already_analysed(tmp_path, monkeypatch):
    source = tmp_path / "news.jsonl"
    write_jsonl(source, 4)
    url = str(tmp_path / "l.db")
    from letopis.run import serial

    real = serial.analyse_one
    seen = []

    def interrupted_at_the_fourth(raw):
        seen.append(raw)
        if len(seen) == 4:
            raise KeyboardInterrupt
        return real(raw)

    monkeypatch.setattr(serial, "analyse_one", interrupted_at_the_fourth)
    with open_store(url) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest(store, [str(source)], IngestOptions(commit_every=50))
        assert store.stats().articles == 3
        assert store.runs()[0].status == "interrupted"
