"""Storing records: round trip, idempotence, updates, duplicates, deletion, atomic writes, runs, migrations.

Every test runs on SQLite and on PostgreSQL (see conftest.py)."""

from __future__ import annotations

import dataclasses

import pytest

from letopis.errors import StoreError
from letopis.model import Article
from letopis.store import QuoteFilter, open_store
from letopis.store import write as write_module
from tests.store.records import plain_article, tokayev_article


def test_a_stored_record_comes_back_equal(store):
    article = tokayev_article()
    result = store.put_article(article)
    assert result.status == "inserted" and result.article_id == "kz-1"
    back = store.get_article("kz-1")
    assert back == article
    assert back.to_json() == article.to_json()
    assert store.get_article("nope") is None
    assert [a.id for a in store.iter_articles()] == ["kz-1"]


def test_the_same_article_twice_is_stored_once(store):
    article = tokayev_article()
    store.put_article(article)
    again = store.put_article(article)
    assert again.status == "unchanged"
    stats = store.stats()
    assert (stats.articles, stats.quotes, stats.events) == (1, 2, 1)
    tokayev = store.find_entities("Токаев")[0]
    assert (tokayev.n_articles, tokayev.n_quotes) == (1, 2)


def test_check_tells_new_same_and_changed(store):
    article = tokayev_article()
    assert store.check(article.text, article.url, article.id).status == "new"
    store.put_article(article)
    assert store.check(article.text).status == "same"
    assert store.check(article.text, url="https://elsewhere.example/2").status == "same"
    changed = store.check(article.text + " Дополнено.", url=article.url)
    assert (changed.status, changed.article_id) == ("changed", "kz-1")
    assert store.check("Совсем другой текст.", id="kz-1").status == "changed"
    assert store.check("Совсем другой текст.").status == "new"


def test_changed_text_at_the_same_url_replaces_the_article(store):
    store.put_article(tokayev_article())
    newer = tokayev_article(id="kz-1-v2")
    newer = dataclasses.replace(newer, text=newer.text + " Материал дополнен.", quotes=newer.quotes[:1])
    result = store.put_article(newer)
    assert result.status == "updated"
    assert store.get_article("kz-1") is None
    assert store.get_article("kz-1-v2") == newer
    stats = store.stats()
    assert (stats.articles, stats.quotes) == (1, 1)
    tokayev = store.find_entities("Токаев")[0]
    assert (tokayev.n_articles, tokayev.n_quotes) == (1, 1)


def test_the_same_text_under_another_id_is_a_duplicate_unless_asked(store):
    article = tokayev_article()
    store.put_article(article)
    copy = dataclasses.replace(tokayev_article(id="kz-copy", url=None))
    assert store.put_article(copy).status == "duplicate"
    assert store.stats().articles == 1
    assert store.put_article(copy, skip_same_text=False).status == "inserted"
    assert store.stats().articles == 2
    assert store.find_entities("Токаев")[0].n_articles == 2


def test_deleting_an_article_undoes_everything_it_brought(store):
    store.put_article(tokayev_article())
    store.put_article(plain_article("other", "Погода в Москве будет тёплой всю неделю.", date="2025-09-25"))
    assert store.delete_article("kz-1") is True
    assert store.delete_article("kz-1") is False
    stats = store.stats()
    assert (stats.articles, stats.quotes, stats.events, stats.entities) == (1, 0, 0, 0)
    assert store.find_entities("Токаев") == []
    assert store.search("переговоры").items == []
    assert store.quotes().items == []


def test_a_failing_write_leaves_nothing_behind(store, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(write_module, "write_events", broken)
    with pytest.raises(RuntimeError):
        store.put_article(tokayev_article())
    stats = store.stats()
    assert (stats.articles, stats.entities, stats.quotes) == (0, 0, 0)
    assert store.search("переговоры").items == []
    monkeypatch.undo()
    assert store.put_article(tokayev_article()).status == "inserted"


def test_runs_are_recorded_and_a_dead_process_run_is_marked_interrupted(store):
    run = store.start_run(["news.jsonl"])
    store.finish_run(run, "running", read=5, inserted=3, updated=0, skipped=1, failed=1)
    (info,) = store.runs()
    assert (info.status, info.sources, info.read, info.inserted, info.failed) == ("running", ["news.jsonl"], 5, 3, 1)
    with store._write() as tx:  # pretend the run belonged to a process that was killed
        tx.run("UPDATE runs SET pid = ? WHERE id = ?", (2**22 + 12345, run))
    second = store.start_run(["again.jsonl"])
    statuses = {r.id: r.status for r in store.runs()}
    assert statuses == {run: "interrupted", second: "running"}
    store.finish_run(second, "done", read=1, inserted=1, updated=0, skipped=0, failed=0)
    assert store.runs()[0].finished_at is not None
    with pytest.raises(StoreError):
        store.finish_run(second, "exploded", read=0, inserted=0, updated=0, skipped=0, failed=0)


def test_reopening_keeps_the_data_and_the_schema_version(store_url):
    with open_store(store_url) as s:
        s.put_article(tokayev_article())
    with open_store(store_url) as s:
        assert s.get_article("kz-1") is not None
        with s._read() as tx:
            assert tx.value("SELECT max(version) AS v FROM schema_version") == 3


def test_a_version_1_database_is_migrated_with_its_data(store_url):
    from letopis.store import postgres, sqlite
    from tests.store.records import quote, speaker

    text = "«Мост откроем в срок», — сказал мэр Семён Дорохов."
    article = plain_article("v1", text, date="2026-01-10")
    article.quotes = [quote(text, "q1", "Мост откроем в срок", "сказал", "сказать",
                            speaker(text, "Семён Дорохов", "PER", "Семён Дорохов", None))]
    backend = postgres if store_url.startswith("postgresql") else sqlite
    full = backend.MIGRATIONS
    try:
        backend.MIGRATIONS = full[:1]  # an older letopis: schema version 1, no speaker_last column
        with open_store(store_url) as old:
            with old._write() as tx:  # what version 1 wrote: no speaker_last
                tx.run("INSERT INTO articles (id, sort_date, text, text_hash, record, n_entities, n_quotes, "
                       "n_events, stored_at) VALUES ('x', '', 'x', 'x', '{}', 0, 0, 0, '')")
                seq = tx.value("SELECT seq FROM articles WHERE id = 'x'")
                tx.run("INSERT INTO quotes (article_seq, local_id, kind, text, start, stop, speaker_name, "
                       "speaker_key, sort_date) VALUES (?, 'q1', 'direct', 'x', 0, 1, 'Семён Дорохов', ?, '')",
                       (seq, "семен дорохов"))
    finally:
        backend.MIGRATIONS = full
    with open_store(store_url) as s:
        with s._read() as tx:
            assert tx.value("SELECT max(version) AS v FROM schema_version") == 3
            assert tx.value("SELECT speaker_last FROM quotes") == "дорохов"
        s.put_article(article)
        assert len(s.quotes(QuoteFilter(speaker="Дорохова")).items) == 2


def test_a_newer_schema_is_refused(store_url):
    with open_store(store_url) as s, s._write() as tx:
        tx.run("INSERT INTO schema_version (version) VALUES (?)", (99,))
    with pytest.raises(StoreError, match="upgrade letopis"):
        open_store(store_url)


def test_an_empty_record_and_odd_metadata_round_trip(store):
    bare = Article(text="Короткая заметка без имён.")
    assert store.put_article(bare).status == "inserted"
    assert store.get_article(bare.id) == bare
    odd = plain_article("odd'; DROP TABLE articles; --", "Текст с «кавычками» и 'апострофами'.",
                        outlet="Радио \"Эхо\" % _")
    store.put_article(odd)
    assert store.get_article(odd.id) == odd
    assert store.stats().articles == 2


def test_monthly_counts_kept_by_writes_equal_the_migration_backfill(store):
    from letopis.store.schema import ENTITY_MONTHS

    store.put_article(tokayev_article())
    store.put_article(tokayev_article(id="kz-2", date="2025-10-02", url=None), skip_same_text=False)
    store.put_article(tokayev_article(id="kz-3", date="2025-10-09", url=None), skip_same_text=False)
    store.put_article(plain_article("w", "Погода в Москве будет тёплой.", date="2025-10-09"))
    newer = tokayev_article(id="kz-3", date="2025-10-09", url=None)
    store.put_article(dataclasses.replace(newer, text=newer.text + " Дополнено.", quotes=newer.quotes[:1]))
    store.delete_article("kz-2")

    def months():
        with store._read() as tx:
            return sorted((r["entity_id"], r["period"], r["n_articles"], r["n_quotes"]) for r in tx.rows(
                "SELECT * FROM entity_months WHERE n_articles > 0 OR n_quotes > 0"))

    kept = months()
    tokayev = store.find_entities("Токаев")[0].id
    assert [(p, a, q) for e, p, a, q in kept if e == tokayev] == [("2025-09", 1, 2), ("2025-10", 1, 1)]
    with store._write() as tx:
        tx.run("DELETE FROM entity_months")
        for statement in ENTITY_MONTHS[1:]:
            tx.run(statement)
    assert months() == kept
    assert [(t.period, t.n_articles, t.n_quotes) for t in store.entity(tokayev).timeline] == [
        ("2025-09", 1, 2), ("2025-10", 1, 1)]
