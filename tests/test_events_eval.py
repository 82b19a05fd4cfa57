"""`letopis eval events` on a tiny factRuEval-shaped folder written here: reading Meeting facts and names,
and how found, matched and precision are counted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.evaluation.events import (
    evaluate,
    fact_records,
    format_report,
    nerel_meetings,
    nerel_surname,
    read_meetings,
)
from tests.conftest import SHARED, need_shared

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


# --- NEREL ----------------------------------------------------------------------------------------------

NEREL_TEXT = ("Дмитрий Медведев встретился с Александром Лукашенко. Позже Медведев позвонил Ангеле Меркель. "
              "Встреча на Эльбе.")
NEREL_ANN = """T1\tPERSON 0 16\tДмитрий Медведев
T2\tEVENT 17 28\tвстретился
T3\tPERSON 31 51\tАлександром Лукашенко
T4\tPERSON 59 67\tМедведев
T5\tEVENT 68 76\tпозвонил
T6\tPROFESSION 200 210\tканцлеру
T7\tPERSON 77 91\tАнгеле Меркель
T8\tEVENT 93 109\tВстреча на Эльбе
T9\tPERSON 220 227\tМедведева
R1\tAGENT Arg1:T1 Arg2:T2
R2\tPARTICIPANT_IN Arg1:T3 Arg2:T2
R3\tAGENT Arg1:T4 Arg2:T5
R4\tPARTICIPANT_IN Arg1:T6 Arg2:T5
R5\tWORKS_AS Arg1:T7 Arg2:T6
R6\tPARTICIPANT_IN Arg1:T9 Arg2:T8
R7\tPARTICIPANT_IN Arg1:T1 Arg2:T8
"""


def nerel_folder(root: Path) -> Path:
    for split in ("train", "dev", "test"):
        folder = root / split
        folder.mkdir(parents=True)
        (folder / "1_text.txt").write_text(NEREL_TEXT, encoding="utf-8")
        (folder / "1_text.ann").write_text(NEREL_ANN, encoding="utf-8")
        (folder / "2_text.txt").write_text("Без встреч.", encoding="utf-8")
        (folder / "2_text.ann").write_text("T1\tPERSON 0 3\tБез\n", encoding="utf-8")
    return root


def test_nerel_meetings():
    meetings = nerel_meetings(NEREL_ANN, "1_text")
    # the meeting, and the call whose other side is a profession a person WORKS_AS; `Встреча на Эльбе`
    # names one person twice (Медведев, Медведева) and is left out
    assert [m.fact for m in meetings] == ["1_text:T2", "1_text:T5"]
    first, second = (m.participants for m in meetings)
    assert first[0].split("|")[0] == "медведев" and "лукашенко" in first[1].split("|")
    assert "меркель" in second[1].split("|")


def test_nerel_surname():
    assert "канель" in nerel_surname("Мигеля Диас-Канеля").split("|")
    assert nerel_surname("А.Меркель").split("|")[0] == "меркель"
    assert nerel_surname("Елизаветы II").split("|")[0] == "елизавета"
    assert "зыкина" in nerel_surname("Людмилы Зыкиной").split("|")


def test_nerel_counts_and_command(tmp_path):
    root = nerel_folder(tmp_path)
    report = evaluate(root, "train", source="nerel")
    assert len(report.articles) == 1 and report.gold == 2
    assert report.found == 2 and report.precision == 1.0
    result = CliRunner().invoke(app, ["eval", "events", "--data", str(root), "--split", "dev"])
    assert result.exit_code == 0, result.output
    assert "NEREL-v1.1 meetings, dev" in result.output and "(2 of 2 gold Meetings found)" in result.output
    bad = CliRunner().invoke(app, ["eval", "events", "--data", str(root), "--split", "both"])
    assert bad.exit_code != 0


CORPUS_GOLD = [
    {"id": "a1", "meetings": [{"participants": ["Путин", "Лукашенко"], "modality": "past", "text": "встретился"}]},
    {"id": "a2", "meetings": [{"participants": ["Стросс-Кан", "Меркель"], "modality": "future", "text": "встреча"},
                              {"participants": ["Путин"], "modality": "past", "text": "встреча"}]},
    {"id": "a3", "meetings": []},
]


def corpus_files(root: Path) -> tuple[Path, Path]:
    import json

    news = root / "news.jsonl"
    texts = {"a1": TEXT, "a2": "Встреча Стросс-Кана с Ангелой Меркель назначена на воскресенье.", "a3": "Без встреч."}
    news.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in texts.items()),
                    encoding="utf-8")
    gold = root / "gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CORPUS_GOLD), encoding="utf-8")
    return news, gold


def test_corpus_gold_halves_and_names(tmp_path):
    from letopis.evaluation.events import corpus_articles, corpus_half

    news, gold = corpus_files(tmp_path)
    assert {corpus_half(i) for i in ("a1", "a2", "a3", "b", "c", "d")} == {"tune", "check"}
    assert corpus_half("a1") == corpus_half("a1")
    articles = corpus_articles(news, ("tune", "check"), gold)
    # a3 holds no meeting; a one-person meeting is left out; a hyphenated surname is its last part
    assert [a.id for a in articles] == ["a1", "a2"]
    assert [len(a.meetings) for a in articles] == [1, 1]
    assert "кан" in articles[1].meetings[0].participants[0].split("|")
    for half in ("tune", "check"):
        assert [a.id for a in corpus_articles(news, (half,), gold)] == \
            [i for i in ("a1", "a2") if corpus_half(i) == half]


def test_corpus_gold_missing_article_is_a_clear_error(tmp_path):
    from letopis.evaluation.events import corpus_articles

    news, gold = corpus_files(tmp_path)
    news.write_text('{"id": "a1", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="lacks 1 annotated articles, e.g. a2"):
        corpus_articles(news, ("tune", "check"), gold)


def test_shipped_corpus_gold_is_well_formed():
    """Every row of the shipped annotation names an id and meetings of two or more people."""
    import json

    from letopis.evaluation.events import CORPUS_GOLD

    rows = [json.loads(r) for r in CORPUS_GOLD.read_text(encoding="utf-8").splitlines() if r.strip()]
    assert len(rows) == len({r["id"] for r in rows}) == 849
    for r in rows:
        for m in r["meetings"]:
            assert len(m["participants"]) >= 2 and all(p.strip() for p in m["participants"]), r["id"]


def test_shipped_written_set_is_well_formed():
    """Every article of the written set has an id of its batch, a date, a text, and meetings of two or more
    people whose surnames the text writes (up to an ending), first told by a sentence the text holds."""
    import json

    from letopis.evaluation.events import DEFAULT_WRITTEN, WRITTEN_SPLITS

    rows = [json.loads(r) for r in DEFAULT_WRITTEN.read_text(encoding="utf-8").splitlines() if r.strip()]
    assert len(rows) == len({r["id"] for r in rows}) == 504
    assert {r["id"].split("-")[0] for r in rows} == set(WRITTEN_SPLITS["all"])
    for r in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) and len(r["text"]) > 500, r["id"]
        for m in r["meetings"]:
            assert len(set(m["participants"])) >= 2, r["id"]
            assert m["mention"] in r["text"], (r["id"], m["mention"])
            for p in m["participants"]:  # by the word the scorer compares (`Хамад бен Джасим` → `Джасим`,
                word = p.split()[-1].split("-")[-1]  # `Бутрос-Гали` → `Гали`)
                assert word[:max(2, len(word) - 2)].lower() in r["text"].lower(), (r["id"], p)


def test_written_set_halves(tmp_path):
    import json

    from letopis.evaluation.events import written_articles

    path = tmp_path / "w.jsonl"
    rows = [{"id": "wa-01", "text": TEXT, "meetings": [{"participants": ["Путин", "Лукашенко"]}]},
            {"id": "wc-01", "text": "Без встреч.", "meetings": []}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert [a.id for a in written_articles(path, ("wa", "wb"))] == ["wa-01"]
    assert [len(a.meetings) for a in written_articles(path, ("wa", "wb", "wc"))] == [1, 0]
    with pytest.raises(FileNotFoundError, match="written set"):
        written_articles(tmp_path / "missing.jsonl", ("wa",))


def test_shipped_devset_annotation_is_well_formed():
    """letopis's annotation of factRuEval's devset: one row per devset text, meetings of two or more people."""
    import json

    from letopis.evaluation.events import DEVSET_GOLD

    rows = [json.loads(r) for r in DEVSET_GOLD.read_text(encoding="utf-8").splitlines() if r.strip()]
    assert len(rows) == len({r["id"] for r in rows}) == 122
    assert all(re.fullmatch(r"devset/book_\d+", r["id"]) for r in rows)
    assert sum(len(r["meetings"]) for r in rows) == 11
    for r in rows:
        for m in r["meetings"]:
            assert len(m["participants"]) >= 2 and all(p.strip() for p in m["participants"]), r["id"]


def test_devset_annotation_names_people_of_the_texts():
    """Each annotated participant's surname (up to an ending) is written in its factRuEval devset text."""
    from letopis.evaluation.events import CORPUS_SPLITS, DEVSET_GOLD, devset_articles, own_meetings

    root = need_shared(SHARED / "data" / "factRuEval-2016")
    articles = devset_articles(root, CORPUS_SPLITS["all"])
    assert {a.id for a in articles} == set(own_meetings(DEVSET_GOLD, CORPUS_SPLITS["all"]))
    for a in articles:
        for m in a.meetings:
            for p in m.participants:
                forms = p.split("|")
                assert any(f[:max(2, len(f) - 2)] in a.text.lower().replace("ё", "е") for f in forms), (a.id, p)


def test_devset_articles_need_the_texts(tmp_path):
    import json

    from letopis.evaluation.events import devset_articles

    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "devset/book_1", "meetings": [{"participants": ["Путин", "Лукашенко"]}]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "devset").mkdir()
    with pytest.raises(FileNotFoundError, match="devset text"):
        devset_articles(tmp_path, ("tune", "check"), gold)
    (tmp_path / "devset" / "book_1.txt").write_text(TEXT, encoding="utf-8")
    [article] = devset_articles(tmp_path, ("tune", "check"), gold)
    assert article.text == TEXT and article.meetings[0].participants == ("путин", "лукашенко")


def test_exact_recall_and_people_precision(tmp_path):
    """An event naming a third person still covers a Meeting, but is not exact and lowers people precision."""
    root = gold_folder(tmp_path)
    text = ("Новости дня. Президент России Владимир Путин встретился с Александром Лукашенко и Си Цзиньпином "
            "в Минске. Позже Путин провел переговоры с Реджепом Эрдоганом.")
    (root / "devset" / "book_10.txt").write_text(text, encoding="utf-8")
    report = evaluate(root, "dev")
    assert (report.found, report.gold) == (2, 2)
    assert report.exact == 1 and report.exact_recall == 0.5  # Путин–Эрдоган alone is exact
    # matching events name 3 + 2 people, of whom 2 + 2 took part
    assert report.people_precision == pytest.approx(4 / 5)
    assert "exact recall 0.500  (1 of 2 found by an event naming no one else)" in format_report(report)


def test_a_name_the_article_spells_two_ways_is_compared_by_both(tmp_path):
    """An entity named `Дэвид Кэмерон` that the text also spells `Дэвида Камерона` takes part in a gold
    Meeting whose participant is Камерон: the comparison is by the person's surname as the article writes it."""
    root = gold_folder(tmp_path)
    text = ("Новости дня. Премьер Великобритании Дэвид Кэмерон прибыл в Вашингтон. Вечером Дэвида Камерона "
            "принял Барак Обама.")
    facts = "10-0 Meeting\nParticipant obj1 Камерон Дэвид\nParticipant obj2 Обама Барак\n"
    coref = "1 11\nfirstname Дэвид\nlastname Камерон\n\n2 12\nfirstname Барак\nlastname Обама\n"
    (root / "devset" / "book_10.txt").write_text(text, encoding="utf-8")
    (root / "devset" / "book_10.facts").write_text(facts, encoding="utf-8")
    (root / "devset" / "book_10.coref").write_text(coref, encoding="utf-8")
    report = evaluate(root, "dev")
    assert (report.found, report.gold) == (1, 1)
