"""Readers: text with the seed's date header, JSON Lines, gzip, directories, stdin, and bad input."""

from __future__ import annotations

import gzip
import json

import pytest

from letopis.errors import InputError
from letopis.read import RawArticle, read_paths
from letopis.read.text import parse_text_article


def articles(paths):
    return [x for x in read_paths([str(p) for p in paths])]


def test_text_with_date_header_and_leading_space():
    raw = parse_text_article(" date 2025-09-24 Глава государства высказался.\n\nВторой абзац.", "a.txt")
    assert raw.date == "2025-09-24"
    assert raw.text == "Глава государства высказался.\n\nВторой абзац."


def test_text_without_header_is_all_text():
    raw = parse_text_article("Просто новость без даты.", "a.txt")
    assert raw.date is None and raw.text == "Просто новость без даты."


@pytest.mark.parametrize("content, problem", [
    ("date 2025-13-45 Текст.", "not a valid YYYY-MM-DD"),
    ("   \n  ", "no article text"),
    ("date 2025-01-01   ", "no article text"),
])
def test_text_bad_input_names_the_problem(content, problem):
    with pytest.raises(InputError) as exc:
        parse_text_article(content, "bad.txt")
    assert "bad.txt" in str(exc.value) and problem in str(exc.value)


def test_jsonl_keeps_metadata_and_reports_bad_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": "x1", "date": "2020-01-02", "title": "T", "url": "u", "outlet": "O", "text": "Текст один."}),
        "{not json",
        json.dumps({"id": "x2"}),
        json.dumps({"id": "x3", "text": 5}),
        json.dumps(["a list"]),
        json.dumps({"id": "x4", "text": "Текст четыре."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = articles([path])
    assert [type(x).__name__ for x in got] == ["RawArticle", "InputError", "InputError", "InputError",
                                               "InputError", "RawArticle"]
    first = got[0]
    assert (first.id, first.date, first.title, first.url, first.outlet) == ("x1", "2020-01-02", "T", "u", "O")
    assert got[1].item.endswith("a.jsonl:2") and "not valid JSON" in got[1].problem
    assert "missing the required field 'text'" in got[2].problem
    assert "must be a string" in got[3].problem
    assert "expected a JSON object" in got[4].problem
    assert got[5].id == "x4"


def test_gzip_and_directories_are_read_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt.gz").write_bytes(gzip.compress("date 2021-05-06 Сжатая новость.".encode()))
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "j", "text": "Из JSONL."}).encode()))
    (tmp_path / "notes.md").write_text("не статья", encoding="utf-8")
    got = articles([tmp_path])
    assert all(isinstance(x, RawArticle) for x in got)
    assert sorted((x.id or x.date) for x in got) == ["2021-05-06", "j"]


def test_missing_path_and_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    got = articles([tmp_path / "nope.txt", tmp_path / "empty"])
    assert [x.problem for x in got] == ["no such file or directory",
                                       "directory holds no article files (.txt, .jsonl, optionally .gz)"]


def test_binary_and_empty_files_are_refused(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "empty.txt").write_bytes(b"")
    got = articles([tmp_path / "bin.txt", tmp_path / "empty.txt"])
    assert "binary" in got[0].problem and "empty" in got[1].problem


def test_cp1251_text_is_decoded(tmp_path):
    text = "Министр финансов заявил, что бюджет будет исполнен в срок. " * 5
    (tmp_path / "win.txt").write_bytes(text.encode("cp1251"))
    (raw,) = articles([tmp_path / "win.txt"])
    assert raw.text == text.strip()


def test_seed_file_reads_date_and_text(seed_text):
    from tests.conftest import SEED

    (raw,) = articles([SEED])
    assert raw.date == "2025-09-24"
    assert raw.text.startswith("Глава государства Касым-Жомарт Токаев")
    assert raw.text.endswith("Владимиром Зеленским.")
