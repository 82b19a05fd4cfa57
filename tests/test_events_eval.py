"""`letopis eval events` on a tiny factRuEval-shaped folder written here: reading Meeting facts and names,
and how found, matched and precision are counted."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from letopis.cli import app
from letopis.evaluation.events import evaluate, fact_records, format_report, read_meetings

TEXT = ("Новости дня. Президент России Владимир Путин встретился с Александром Лукашенко в Минске. "
        "Позже Путин провел переговоры с Си Цзиньпином.")
FACTS = """10-0 Meeting
Participant obj1 Путин Владимир
Participant obj2 Лукашенко Александр

10-1 Occupation
Who obj1 Путин Владимир
Position span1 президент

10-2 Meeting
Participant obj1 Путин Владимир
Participant obj3 Эрдоган Реджеп
Модальность будущее
"""
COREF = """1 11 12
firstname Владимир
lastname Путин

2 13
firstname Александр
lastname Лукашенко

3 14
firstname Реджеп
lastname Эрдоган
"""


def gold_folder(root: Path) -> Path:
    for split in ("devset", "testset"):
        folder = root / split
        folder.mkdir(parents=True)
        (folder / "book_10.txt").write_text(TEXT, encoding="utf-8")
        (folder / "book_10.facts").write_text(FACTS, encoding="utf-8")
        (folder / "book_10.coref").write_text(COREF, encoding="utf-8")
        (folder / "book_11.txt").write_text("Без встреч.", encoding="utf-8")
        (folder / "book_11.facts").write_text("", encoding="utf-8")
        (folder / "book_11.coref").write_text("", encoding="utf-8")
    return root


def test_fact_records_and_meetings(tmp_path):
    root = gold_folder(tmp_path)
    assert [(f, k) for f, k, _ in fact_records(FACTS)] == [("10-0", "Meeting"), ("10-1", "Occupation"),
                                                            ("10-2", "Meeting")]
    meetings = read_meetings(root / "devset" / "book_10.facts")
    assert [(m.fact, m.participants) for m in meetings] == [("10-0", ("путин", "лукашенко")),
                                                            ("10-2", ("путин", "эрдоган"))]


def test_counts(tmp_path):
    report = evaluate(gold_folder(tmp_path), "dev")
    assert len(report.articles) == 1  # book_11 holds no Meeting
    assert (report.found, report.gold) == (1, 2)  # Путин–Лукашенко found, Путин–Эрдоган not
    # two events: Путин–Лукашенко matches; Путин–Си names two people and matches nothing
    assert (report.matched, report.predicted, report.all_events) == (1, 2, 2)
    assert report.recall == 0.5 and report.precision == 0.5
    text = format_report(report, details=True)
    assert "MISSED devset/book_10 10-2: путин, эрдоган" in text and "found  devset/book_10 10-0" in text


def test_command(tmp_path):
    result = CliRunner().invoke(app, ["eval", "events", "--data", str(gold_folder(tmp_path)), "--split", "both"])
    assert result.exit_code == 0, result.output
    assert "recall     0.500  (2 of 4 gold Meetings found)" in result.output


def test_missing_data_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "events", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "pass --data DIR" in result.output
