"""`letopis eval quotes` prints the figures of the reference scorer (../shared/tools/quote_score.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache

from typer.testing import CliRunner

from letopis.cli import app
from letopis.evaluation.quotes import analyse, format_report, load_gold, read_jsonl, same_speaker, score
from tests.conftest import GOLD_DIR, SHARED, need_shared

ARTICLES = GOLD_DIR / "quotes-dev.articles.jsonl"
GOLD = GOLD_DIR / "quotes-dev.jsonl"
REFERENCE = SHARED / "tools" / "quote_score.py"
FIGURES = ("articles", "gold_quotes", "predicted_quotes", "unlocated", "content", "end_to_end", "speaker_accuracy",
           "recall_by_kind")


@cache
def dev_records() -> dict[str, dict]:
    """The development articles analysed once per test session."""
    gold = load_gold(need_shared(GOLD))
    return analyse(a for a in read_jsonl(need_shared(ARTICLES)) if a["id"] in gold)


def reference(articles, gold, predicted, *extra: str) -> str:
    out = subprocess.run([sys.executable, str(need_shared(REFERENCE)), str(articles), str(gold), str(predicted), *extra],
                         capture_output=True, text=True, check=True)
    return out.stdout


def test_figures_agree_with_the_reference_scorer_on_the_dev_set(tmp_path):
    records = dev_records()
    predicted = tmp_path / "predicted.jsonl"
    predicted.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()), encoding="utf-8")
    theirs = json.loads(reference(ARTICLES, GOLD, predicted, "--json"))
    gold = load_gold(GOLD)
    texts = {a["id"]: a["text"] for a in read_jsonl(ARTICLES) if a["id"] in gold}
    mine = score(texts, gold, records)
    assert {k: mine[k] for k in FIGURES} == {k: theirs[k] for k in FIGURES}
    # the printed lines too
    assert format_report(mine).splitlines() == reference(ARTICLES, GOLD, predicted).splitlines()


def test_cli_analyses_and_prints_the_same_lines(tmp_path):
    """`letopis eval quotes` on the seed article, against the reference on the same records."""
    gold = load_gold(need_shared(GOLD))
    seed = [a for a in read_jsonl(ARTICLES) if a["id"].startswith("seed")]
    articles, gold_file, predicted = tmp_path / "a.jsonl", tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    articles.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in seed), encoding="utf-8")
    gold_file.write_text("".join(json.dumps({"id": a["id"], "quotes": gold[a["id"]]}, ensure_ascii=False) + "\n"
                                 for a in seed), encoding="utf-8")
    predicted.write_text("".join(json.dumps(dev_records()[a["id"]], ensure_ascii=False) + "\n" for a in seed),
                         encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "quotes", str(articles), str(gold_file)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == reference(articles, gold_file, predicted).splitlines()
    listed = CliRunner().invoke(app, ["eval", "quotes", str(articles), str(gold_file), "--errors", "5", "--json"])
    assert listed.exit_code == 0
    assert {"misses", "false_alarms", "content", "end_to_end"} <= set(json.loads(listed.output))


def test_errors_list_misses_and_false_alarms():
    text = "Иван Петров заявил, что цены вырастут. Анна Белова сказала, что нет."
    gold = {"a": [{"kind": "indirect", "content": "цены вырастут", "speaker": "Иван Петров", "speaker_type": "PER"}]}
    predicted = {"a": {"id": "a", "text": text, "quotes": [
        {"kind": "indirect", "content": {"start": 24, "stop": 37, "text": "цены вырастут"}, "speaker": {"name": "Анна Белова"}},
        {"kind": "indirect", "content": {"start": 66, "stop": 69, "text": "нет"}, "speaker": {"name": "Анна Белова"}},
    ]}}
    result = score({"a": text}, gold, predicted, errors=5)
    assert result["content"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert result["end_to_end"]["recall"] == 0.0 and result["speaker_accuracy"] == 0.0
    assert [m["gold_speaker"] for m in result["misses"]] == ["Иван Петров"]
    assert len(result["false_alarms"]) == 2
    report = format_report(result)
    assert "wrong speaker" in report and "not a gold quote" in report


def test_speaker_matching_rules():
    per = {"speaker": "Касым-Жомарт Токаев", "speaker_type": "PER", "speaker_text": "президента"}
    assert same_speaker(per, "Касым-Жомарт Токаев") and same_speaker(per, "Токаев") and not same_speaker(per, "Путин")
    org = {"speaker": "пресс-служба Министерства экологии", "speaker_type": "ORG"}
    assert same_speaker(org, "Министерство экологии")
    anon = {"speaker": "источник в правительстве", "speaker_type": "ANON", "speaker_text": "собеседник агентства"}
    assert same_speaker(anon, "собеседник агентства")
    assert same_speaker({"speaker": None, "speaker_text": None}, None)
    assert not same_speaker(per, None)
