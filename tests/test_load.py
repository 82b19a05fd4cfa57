"""`letopis load`: shards of records go into the store once, bad lines are named, nothing is analysed again."""

from __future__ import annotations

import gzip
import json

from typer.testing import CliRunner

import letopis
from letopis.cli import app
from letopis.store import open_store

runner = CliRunner()


def test_load_is_idempotent_and_reports_bad_lines(tmp_path):
    records = [letopis.analyze("Мэр Ольга Кравец открыла мост. «Мы ждали его двадцать лет», — сказала она.",
                               "2026-03-12", id="a1"),
               letopis.analyze("Депутат Игорь Лаптев заявил, что смета завышена.", "2026-03-13", id="a2")]
    shard = tmp_path / "part-0.jsonl.gz"
    with gzip.open(shard, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
        f.write('{"schema": "letopis.article/1", "id": "broken"}\n{oops\n')
    db = tmp_path / "l.db"
    first = runner.invoke(app, ["load", str(shard), "--db", str(db)])
    assert first.exit_code == 3
    assert "part-0.jsonl.gz:3" in first.stderr and "not a letopis.article/1 record" in first.stderr
    assert "part-0.jsonl.gz:4" in first.stderr and "not valid JSON" in first.stderr
    again = runner.invoke(app, ["load", str(shard), "--db", str(db)])
    assert "0 inserted" in again.stderr and "2 already stored" in again.stderr
    store = open_store(str(db))
    try:
        assert store.get_article("a1") == records[0]
        assert store.get_article("a2") == records[1]
    finally:
        store.close()
