"""`letopis export`: articles, quotes, entities and events as JSON Lines, CSV and Parquet, on both backends."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
from typer.testing import CliRunner

from letopis.cli import app
from letopis.model import Article
from letopis.store import open_store
from tests.store.records import plain_article, tokayev_article

runner = CliRunner()


def filled(store_url: str) -> list[Article]:
    articles = [tokayev_article(), plain_article("w", "Погода в Москве будет тёплой.", date="2025-09-01")]
    with open_store(store_url) as s:
        for a in articles:
            s.put_article(a)
    return articles


def test_jsonl_export_gives_back_the_whole_records(store_url, tmp_path):
    articles = filled(store_url)
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(tmp_path), "--db", store_url])
    assert result.exit_code == 0, result.output
    back = [Article.from_json(json.loads(x)) for x in (tmp_path / "articles.jsonl").read_text().splitlines()]
    assert sorted(back, key=lambda a: a.id) == sorted(articles, key=lambda a: a.id)
    quotes = [json.loads(x) for x in (tmp_path / "quotes.jsonl").read_text().splitlines()]
    assert {(q["article_id"], q["quote_id"], q["speaker_name"]) for q in quotes} == {
        ("kz-1", "q1", "Касым-Жомарт Токаев"), ("kz-1", "q2", "Касым-Жомарт Токаев")}
    entities = [json.loads(x) for x in (tmp_path / "entities.jsonl").read_text().splitlines()]
    assert len(entities) == 6 and {"id", "type", "name", "n_articles"} <= set(entities[0])
    (event,) = [json.loads(x) for x in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert event["type"] == "meeting" and event["actors"] == "Касым-Жомарт Токаев"


def test_csv_and_parquet_have_the_same_rows(store_url, tmp_path):
    filled(store_url)
    for fmt in ("csv", "parquet"):
        result = runner.invoke(app, ["export", "-f", fmt, "-o", str(tmp_path / fmt), "--db", store_url])
        assert result.exit_code == 0, result.output
    for table, n, key in (("articles", 2, "id"), ("quotes", 2, "quote_id"), ("entities", 6, "id"),
                          ("events", 1, "event_id")):
        with (tmp_path / "csv" / f"{table}.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        parquet = pq.read_table(tmp_path / "parquet" / f"{table}.parquet").to_pylist()
        assert len(rows) == len(parquet) == n, table
        assert [r[key] for r in rows] == [p[key] for p in parquet]
        assert list(rows[0]) == list(parquet[0])
    articles = pq.read_table(tmp_path / "parquet" / "articles.parquet").to_pylist()
    assert {a["id"]: a["via"] for a in articles} == {"kz-1": "Акорда", "w": ""}


def test_one_table_to_standard_output_and_bad_requests(store_url, tmp_path):
    filled(store_url)
    out = runner.invoke(app, ["export", "--what", "quotes", "-f", "csv", "-o", "-", "--db", store_url])
    assert out.exit_code == 0 and out.stdout.splitlines()[0].startswith("article_id,quote_id")
    assert len(out.stdout.splitlines()) == 3
    assert runner.invoke(app, ["export", "-f", "xml", "--db", store_url]).exit_code == 2
    assert runner.invoke(app, ["export", "--what", "people", "--db", store_url]).exit_code == 2
    assert runner.invoke(app, ["export", "-f", "parquet", "-o", "-", "--db", store_url]).exit_code == 2


def test_an_empty_store_exports_empty_files(store_url, tmp_path):
    result = runner.invoke(app, ["export", "-f", "parquet", "-o", str(tmp_path), "--db", store_url])
    assert result.exit_code == 0
    assert pq.read_table(tmp_path / "quotes.parquet").num_rows == 0
