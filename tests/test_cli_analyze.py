"""`letopis analyze`: JSON Lines out, --pretty, -o, stdin, bad items reported with exit status 3."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from letopis.cli import app
from tests.conftest import EXAMPLES, SEED, need_shared

runner = CliRunner()


def test_seed_record_from_the_command_line():
    result = runner.invoke(app, ["analyze", str(need_shared(SEED))])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().splitlines()
    record = json.loads(line)
    assert record["schema"] == "letopis.article/1" and record["date"] == "2025-09-24"
    names = {e["name"] for e in record["entities"]}
    assert {"Касым-Жомарт Токаев", "Владимир Зеленский", "Путин", "Песков", "Акорда"} <= names


def test_examples_pretty_and_output_file(tmp_path):
    result = runner.invoke(app, ["analyze", str(EXAMPLES), "--pretty"])
    assert result.exit_code == 0, result.output
    assert "Ольга Кравец" in result.stdout and "Entities" in result.stdout
    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["analyze", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 0
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert "example-lake-1" in ids and "example-school-2" in ids and len(ids) == 4


def test_stdin_and_bad_lines_report(tmp_path):
    data = json.dumps({"id": "ok", "text": "Иван Петров заявил, что всё готово."}, ensure_ascii=False) + "\n{oops\n"
    report = tmp_path / "failed.jsonl"
    result = runner.invoke(app, ["analyze", "-", "--report", str(report)], input=data)
    assert result.exit_code == 3
    assert json.loads(result.stdout.splitlines()[0])["id"] == "ok"
    assert "<stdin>:2" in result.stderr and "not valid JSON" in result.stderr
    failed = [json.loads(x) for x in report.read_text(encoding="utf-8").splitlines()]
    assert failed == [{"item": "<stdin>:2", "problem": failed[0]["problem"]}]
