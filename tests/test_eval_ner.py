"""`letopis eval ner`: reading factRuEval's gold, exact-span scores, B-cubed, the command.

The gold here is a tiny factRuEval-format folder written by the tests (invented sentences), so every
expected figure can be worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.evaluation import factru
from letopis.evaluation.ner import Score, bcubed, canonical_names, span_scores
from letopis.model import Article, Entity, Mention

TEXT = "Министр Иван Петров посетил мэрию Москвы. Петров обсудил с МИД России визит в Казань."


def at(phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def write_book(folder: Path, name: str = "book_1") -> None:
    """One document: spans, objects and coreference as factRuEval writes them."""
    spans = {  # id: (kind, phrase, nth occurrence)
        "1": ("name", "Иван", 0), "2": ("surname", "Петров", 0), "3": ("org_descr", "мэрию", 0),
        "4": ("loc_name", "Москвы", 0), "5": ("surname", "Петров", 1), "6": ("org_name", "МИД", 0),
        "7": ("loc_name", "России", 0), "8": ("loc_name", "Казань", 0), "9": ("loc_descr", "мэрию Москвы", 0),
    }
    lines = []
    for sid, (kind, phrase, nth) in spans.items():
        start, stop = at(phrase, nth)
        lines.append(f"{sid} {kind} {start} {stop - start} 0 1  # 0 {phrase}")
    objects = [
        "10 Person 1 2 # Иван Петров", "11 Org 3 4 # мэрию Москвы", "12 LocOrg 4 # Москвы",
        "13 Person 5 # Петров", "14 Org 6 7 # МИД России", "15 LocOrg 7 # России", "16 Location 8 # Казань",
        "17 Location 9 # мэрию Москвы",
    ]
    coref = ["1 10 13", "firstname Иван", "lastname Петров", "", "2 12", "name Москва", "", "3 14", "name МИД России",
             "", "4 15", "name Россия", "", "5 16", "name Казань", "", "6 11", "name мэрия Москвы", "", "7 17", ""]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (folder / f"{name}.spans").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / f"{name}.objects").write_text("\n".join(objects) + "\n", encoding="utf-8")
    (folder / f"{name}.coref").write_text("\n".join(coref) + "\n", encoding="utf-8")


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    write_book(tmp_path / "devset")
    (tmp_path / "testset").mkdir()
    return tmp_path


def test_gold_spans_follow_naeval(gold_dir):
    (doc,) = factru.load(gold_dir)
    got = {(TEXT[s.start:s.stop], s.type) for s in doc.spans}
    # a Person spans all its parts; an Org only its org_name (МИД of МИД России); places their loc_name;
    # the Location `мэрию Москвы` has no loc_name of its own, and `мэрию` is only a descriptor
    assert got == {("Иван Петров", "PER"), ("Москвы", "LOC"), ("Петров", "PER"), ("МИД", "ORG"),
                   ("России", "LOC"), ("Казань", "LOC")}


def test_gold_chains_join_coreferent_objects(gold_dir):
    (doc,) = factru.load(gold_dir)
    chain = {TEXT[s.start:s.stop]: s.chain for s in doc.spans}
    assert chain["Иван Петров"] == chain["Петров"]
    assert len({chain["Иван Петров"], chain["Москвы"], chain["МИД"], chain["России"]}) == 4


def test_overlapping_gold_spans_keep_the_outer_one():
    spans = [factru.GoldSpan(0, 11, "PER", "a"), factru.GoldSpan(5, 11, "LOC", "b"), factru.GoldSpan(12, 15, "LOC", "c")]
    assert factru.without_overlaps(spans) == [spans[0], spans[2]]


def test_data_hash_changes_with_the_gold(gold_dir):
    before = factru.data_hash(gold_dir)
    spans = gold_dir / "devset" / "book_1.spans"
    spans.write_text(spans.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert factru.data_hash(gold_dir) != before


def test_missing_set_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="devset"):
        factru.load(tmp_path)


def test_exact_span_scores(gold_dir):
    (doc,) = factru.load(gold_dir)
    predicted = [(*at("Иван Петров"), "PER"), (*at("Петров", 1), "PER"), (*at("МИД России"), "ORG"),
                 (*at("Москвы"), "ORG"), (*at("Казань"), "LOC")]
    scores = span_scores([doc], [predicted])
    assert (scores["PER"].tp, scores["PER"].fp, scores["PER"].fn) == (2, 0, 0)
    assert (scores["ORG"].tp, scores["ORG"].fp, scores["ORG"].fn) == (0, 2, 1)  # a longer span and a wrong type
    assert (scores["LOC"].tp, scores["LOC"].fp, scores["LOC"].fn) == (1, 0, 2)
    assert scores["LOC"].precision == 1.0 and scores["LOC"].recall == pytest.approx(1 / 3)
    assert scores["LOC"].f1 == pytest.approx(0.5)


def test_score_of_nothing_is_zero():
    assert Score().f1 == 0.0 and Score(fp=3).precision == 0.0


def entity(eid: str, kind: str, *phrases: tuple[str, int]) -> Entity:
    mentions = [Mention(*at(p, n), p, "name") for p, n in phrases]
    return Entity(eid, kind, phrases[0][0], [], mentions)


def test_bcubed_over_shared_mentions(gold_dir):
    (doc,) = factru.load(gold_dir)
    # gold chains: {Иван Петров, Петров}, {Москвы}, {МИД}, {России}, {Казань}
    split = Article(text=TEXT, entities=[entity("e1", "PER", ("Иван Петров", 0)), entity("e2", "PER", ("Петров", 1)),
                                         entity("e3", "LOC", ("Москвы", 0), ("Казань", 0)),
                                         entity("e4", "LOC", ("России", 0))])
    b = bcubed([doc], [split])
    assert b.mentions == 5 and b.gold_mentions == 6  # МИД is not among our mentions
    # precision: Иван Петров 1, Петров 1, Москвы 1/2, Казань 1/2, России 1 → 4/5
    # recall: Иван Петров 1/2, Петров 1/2, Москвы 1, Казань 1, России 1 → 4/5
    assert b.precision == pytest.approx(0.8) and b.recall == pytest.approx(0.8) and b.f1 == pytest.approx(0.8)


def test_bcubed_of_perfect_grouping_is_one(gold_dir):
    (doc,) = factru.load(gold_dir)
    perfect = Article(text=TEXT, entities=[entity("e1", "PER", ("Иван Петров", 0), ("Петров", 1)),
                                           entity("e2", "LOC", ("Москвы", 0))])
    b = bcubed([doc], [perfect])
    assert (b.precision, b.recall, b.mentions) == (1.0, 1.0, 3)


def test_gold_surnames_come_from_the_chains_lastname(gold_dir):
    (doc,) = factru.load(gold_dir)
    chain = {TEXT[s.start:s.stop]: s.chain for s in doc.spans}
    assert doc.surnames == {chain["Петров"]: "Петров"}


def test_a_canonical_name_is_right_when_a_word_of_it_is_the_gold_surname(gold_dir):
    (doc,) = factru.load(gold_dir)
    def named(name: str) -> Article:  # the person's entity, named `name`, holding both of its mentions
        person = entity("e1", "PER", ("Иван Петров", 0), ("Петров", 1))
        person.name = name
        return Article(text=TEXT, entities=[person])
    assert canonical_names([doc], [named("Иван Петров")]).accuracy == 1.0
    assert canonical_names([doc], [named("Иван Водкин-Петров")]).right == 1  # a word after a hyphen
    wrong = canonical_names([doc], [named("Ивана Петрова")])
    assert (wrong.right, wrong.people, wrong.unmatched) == (0, 1, 0)
    nobody = canonical_names([doc], [Article(text=TEXT, entities=[entity("e2", "LOC", ("Москвы", 0))])])
    assert (nobody.people, nobody.unmatched) == (0, 1)


def test_eval_ner_command_prints_both_systems(gold_dir):
    result = CliRunner().invoke(app, ["eval", "ner", "--data", str(gold_dir)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "natasha" in out and "letopis" in out and "B-cubed" in out and "canonical names" in out
    for kind in ("PER", "ORG", "LOC"):
        assert any(line.startswith(kind) for line in out.splitlines())
    assert "1 documents" in out


def test_eval_ner_command_refuses_an_unknown_set(gold_dir):
    result = CliRunner().invoke(app, ["eval", "ner", "--data", str(gold_dir), "--set", "trainset"])
    assert result.exit_code != 0
    assert "trainset" in result.output


def test_eval_ner_command_says_where_the_data_is_missing(tmp_path):
    result = CliRunner().invoke(app, ["eval", "ner", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "--data" in result.output
