"""`letopis ingest` and the question commands, end to end through the CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from letopis.cli import app
from letopis.store import open_store
from tests.conftest import EXAMPLES, SEED, need_shared
from tests.store.invented import write_jsonl

runner = CliRunner()


def letopis(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_seed_ingested_answers_who_said_what(store_url):
    result = letopis("ingest", str(need_shared(SEED)), "--db", store_url)
    assert result.exit_code == 0, result.output
    said = letopis("quotes", "--speaker", "Токаев", "--db", store_url, "--json")
    statements = [json.loads(line) for line in said.stdout.splitlines()]
    assert len(statements) == 6
    assert {s["speaker_name"] for s in statements} == {"Касым-Жомарт Токаев"}
    text = need_shared(SEED).read_text(encoding="utf-8")
    assert all(s["text"] in text for s in statements)
    assert any("обе стороны в состоянии вести диалог" in s["text"] for s in statements)
    found = letopis("search", "переговорах", "--db", store_url, "--json")
    (hit,) = [json.loads(line) for line in found.stdout.splitlines()]
    assert hit["date"] == "2025-09-24" and "переговор" in hit["snippet"]
    cites = letopis("citations", "Акорда", "--db", store_url, "--csv")
    rows = list(csv.DictReader(io.StringIO(cites.stdout)))
    assert [(r["outlet"], r["articles"]) for r in rows] == [("NUR.KZ", "1")]
    person = letopis("entity", "Токаева", "--db", store_url)
    assert "Касым-Жомарт Токаев" in person.stdout and "президент Казахстана" in person.stdout


def test_ingesting_twice_stores_once_and_the_second_run_says_so(store_url):
    first = letopis("ingest", str(EXAMPLES), "--db", store_url)
    assert first.exit_code == 0 and "stored" in first.stderr
    with open_store(store_url) as s:
        before = s.stats()
    second = letopis("ingest", str(EXAMPLES), "--db", store_url)
    assert second.exit_code == 0
    assert "nothing to do" in second.stderr and f"all {before.articles} article(s) are already stored" in second.stderr
    with open_store(store_url) as s:
        after = s.stats()
        runs = s.runs()
    assert (after.articles, after.quotes, after.entities) == (before.articles, before.quotes, before.entities)
    assert [(r.inserted, r.skipped, r.status) for r in runs] == [(0, before.articles, "done"),
                                                                 (before.articles, 0, "done")]


def test_a_changed_article_at_the_same_url_is_updated_under_the_same_id(store_url, tmp_path):
    items = write_jsonl(tmp_path / "a.jsonl", 3)
    assert letopis("ingest", str(tmp_path / "a.jsonl"), "--db", store_url).exit_code == 0
    items[1]["text"] += " Позже мэрия уточнила сумму."
    items[1]["id"] = None
    (tmp_path / "b.jsonl").write_text(json.dumps(items[1], ensure_ascii=False) + "\n", encoding="utf-8")
    result = letopis("ingest", str(tmp_path / "b.jsonl"), "--db", store_url)
    assert "1 updated" in result.stderr
    with open_store(store_url) as s:
        assert s.stats().articles == 3
        assert s.get_article("inv-001").text.endswith("уточнила сумму.")


def test_bad_items_are_reported_and_the_rest_is_stored(store_url, tmp_path):
    good = write_jsonl(tmp_path / "news.jsonl", 2)
    with (tmp_path / "news.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": \n')
        f.write('{"id": "no-text"}\n')
    report = tmp_path / "failed.jsonl"
    result = letopis("ingest", str(tmp_path / "news.jsonl"), str(tmp_path / "missing.txt"), "--db", store_url,
                     "--report", str(report))
    assert result.exit_code == 3
    assert "news.jsonl:3" in result.stderr and "missing the required field 'text'" in result.stderr
    problems = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert len(problems) == 3 and problems[-1]["item"].endswith("missing.txt")
    with open_store(store_url) as s:
        assert sorted(a.id for a in s.iter_articles()) == sorted(x["id"] for x in good)
        assert s.runs()[0].failed == 3


def test_quotes_filters_and_outputs_from_the_command_line(store_url):
    letopis("ingest", str(EXAMPLES), "--db", store_url)
    table = letopis("quotes", "--speaker", "Кравец", "--db", store_url)
    assert table.exit_code == 0 and "Кравец" in table.stdout
    rows = list(csv.DictReader(io.StringIO(letopis("quotes", "--speaker", "Кравец", "--db", store_url,
                                                   "--csv").stdout)))
    assert rows and all("Кравец" in r["speaker"] for r in rows)
    assert all(r["date"] == "2026-03-12" for r in rows)
    later = letopis("quotes", "--speaker", "Кравец", "--since", "2026-04-01", "--db", store_url, "--json")
    assert later.stdout == ""
    bad = letopis("quotes", "--since", "вчера", "--db", store_url)
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr
    injected = letopis("quotes", "--speaker", "'; DROP TABLE quotes; --", "--about", "\" OR 1=1", "--db", store_url)
    assert injected.exit_code == 0
    everyone = [json.loads(x) for x in letopis("quotes", "--db", store_url, "--json").stdout.splitlines()]
    assert len(everyone) > len(rows)
    assert sum("Кравец" in (q["speaker_name"] or "") for q in everyone) == len(rows)


def test_entities_stories_events_and_stats_commands_answer(store_url):
    letopis("ingest", str(EXAMPLES), "--db", store_url)
    listed = [json.loads(x) for x in letopis("entities", "--type", "PER", "--db", store_url, "--json").stdout.splitlines()]
    assert listed and all(e["type"] == "PER" for e in listed)
    assert letopis("entity", "Никтоневедомов", "--db", store_url).exit_code == 1
    assert letopis("stories", "--min-articles", "1", "--db", store_url).exit_code == 0
    assert letopis("events", "--db", store_url).exit_code == 0
    stats = letopis("stats", "--db", store_url)
    assert stats.exit_code == 0 and "articles" in stats.stdout


def test_two_worker_processes_store_what_one_does(tmp_path):
    source = tmp_path / "news.jsonl"
    write_jsonl(source, 8)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    assert letopis("ingest", str(source), "--db", one).exit_code == 0
    result = letopis("ingest", str(source), "--db", two, "--workers", "2")
    assert result.exit_code == 0 and "8 stored" in result.stderr
    with open_store(one) as a, open_store(two) as b:
        assert [x.to_json() for x in a.iter_articles()] == [x.to_json() for x in b.iter_articles()]
