"""Bad input through `letopis ingest`, end to end: one run over every kind of bad item issue 8 lists, beside
readable but odd ones. Each bad item is named with its problem on stderr and in the `--report`, the run goes on,
the exit status is 3, and the database holds the good items and nothing of the bad.

The run happens once for the module (`run` below); each case is its own parametrised test reading its outcome.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.model import Article
from letopis.store import open_store
from tests.store.webserver import Site

runner = CliRunner()

SOKOLOVA = ("Губернатор Озёрной области Марина Соколова заявила, что дороги отремонтируют к осени. "
            "По её словам, на ремонт выделено два миллиарда рублей.")
PAGE = f"""<!doctype html><html><head><title>Дороги отремонтируют к осени</title>
<script>document.write('<p>alert-from-script</p>')</script></head>
<body><nav>Главная | Новости</nav><div class="article"><h1>Дороги отремонтируют к осени</h1>
<p>{SOKOLOVA}<b>Работы начнутся в мае,<i> сообщили в правительстве области.</p>
<iframe src="https://evil.example/frame">iframe-text</iframe><p>Подрядчика выберут на открытом конкурсе
в ближайший месяц, уточнили в министерстве транспорта.</div></div></span>
<script>alert('xss')</script><div <p>ещё < сломанная > разметка</body></html>"""
LONG_SENTENCE = "Мэр Новогорска Ольга Кравец заявила, что " + ", ".join(
    [f"в районе номер {i} откроют новую школу и детский сад" for i in range(150)]) + "."


@dataclass(slots=True)
class Case:
    name: str
    source: str  # the argument of `letopis ingest`, or the file holding the line
    item: str  # how the item is named in messages and the report
    problem: str | None = None  # expected in the message; None for an item that must be stored
    text: str | None = None  # the text a stored item must have


BAD = ["empty file", "blank file", "binary file with NUL bytes", "binary file without NUL bytes",
       "20 MB article in a .txt", "20 MB article in a JSONL line", "impossible date header", "only punctuation",
       "JSONL malformed line", "JSONL missing text", "JSONL text is a number", "JSONL text is a list",
       "JSONL title is an object", "JSONL line is an array", "JSONL impossible date", "JSONL truncated last line",
       "HTML page without an article", "feed file that is not a feed", "URL that times out",
       "URL that redirects in a loop", "URL that returns 404", "URL that returns 500", "feed URL that is not a feed"]
GOOD = ["cp1251", "koi8-r", "UTF-16 with a byte-order mark", "UTF-16 without a byte-order mark", "only Latin",
        "mixed scripts", "an extremely long sentence", "a quotation never closed", "a quotation never opened",
        "HTML with scripts, iframes and broken markup", "JSONL good line", "JSONL line after a 20 MB line",
        "URL of a good page"]


def write(folder: Path, name: str, data: bytes | str) -> str:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def file_cases(folder: Path) -> list[Case]:
    """Whole files, each one item."""
    noise = bytes(b for b in random.Random(8).randbytes(6000) if b)
    huge = "date 2025-05-05 " + "Очень длинная статья о городском бюджете. " * 500_000  # 21 MB
    cases = [
        Case("empty file", write(folder, "empty.txt", b""), "", "the file is empty"),
        Case("blank file", write(folder, "blank.txt", b"  \n\t \r\n"), "", "the file is empty"),
        Case("binary file with NUL bytes", write(folder, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50),
             "", "binary file"),
        Case("binary file without NUL bytes", write(folder, "noise.txt", noise), "", "cannot tell the text encoding"),
        Case("20 MB article in a .txt", write(folder, "huge.txt", huge), "", "over the limit"),
        Case("impossible date header", write(folder, "bad-date.txt", "date 2025-13-45 " + SOKOLOVA), "",
             "date '2025-13-45' is not a valid YYYY-MM-DD date"),
        Case("only punctuation", write(folder, "punct.txt", "!!! ??? ... ,,, --- «» — 2025 %%% ###"), "",
             "no letters"),
        Case("HTML page without an article", write(folder, "nav.html", "<html><body><nav>Главная</nav><div><p>"), "",
             "no article text found in the HTML page"),
        Case("feed file that is not a feed", write(folder, "not-a-feed.rss", "это не лента, а просто текст"), "",
             "not an RSS or Atom feed"),
    ]
    text = ("Губернатор области Марина Соколова заявила, что дороги отремонтируют к осени. "
            "По её словам, на ремонт выделено два миллиарда рублей. ") * 3
    for name, file, encoding in [("cp1251", "cp1251.txt", "cp1251"), ("koi8-r", "koi8r.txt", "koi8-r"),
                                 ("UTF-16 with a byte-order mark", "utf16.txt", "utf-16"),
                                 ("UTF-16 without a byte-order mark", "utf16le.txt", "utf-16-le")]:
        cases.append(Case(name, write(folder, file, text.replace("Соколова", f"Соколова ({name})").encode(encoding)),
                          "", text=text.replace("Соколова", f"Соколова ({name})").strip()))
    for name, file, body in [
        ("only Latin", "latin.txt", "Apple said on Monday that it would ship the new phones in May, Tim Cook told "
                                    "reporters in Cupertino."),
        ("mixed scripts", "mixed.txt", "Глава Apple Тим Кук (Tim Cook) заявил, что iPhone 17 появится в России "
                                       "в мае; «We are ready», — сказал он. 中文 и العربية тоже здесь."),
        ("an extremely long sentence", "long.txt", LONG_SENTENCE),
        ("a quotation never closed", "open-quote.txt", "«Мы закончим мост к маю, — сказал мэр Иван Петров. "
                                                       "И дальше идёт текст без закрывающей кавычки."),
        ("a quotation never opened", "close-quote.txt", "Мы закончим мост к маю», — сказал мэр Иван Петров. "
                                                        "«Денег хватит, — добавил он."),
    ]:
        cases.append(Case(name, write(folder, file, body), "", text=body))
    cases.append(Case("HTML with scripts, iframes and broken markup", write(folder, "page.html", PAGE), ""))
    for case in cases:
        case.item = case.source
    return cases


def jsonl_cases(folder: Path) -> list[Case]:
    """Lines of two JSON Lines files, each line one item named `file:line`."""
    good = {"id": "good-1", "date": "2026-04-01", "text": SOKOLOVA}
    lines = [
        ("JSONL good line", json.dumps(good, ensure_ascii=False), None),
        ("JSONL malformed line", "{not json at all", "not valid JSON"),
        ("JSONL missing text", json.dumps({"id": "no-text", "title": "Без текста"}), "missing the required field 'text'"),
        ("JSONL text is a number", json.dumps({"id": "t-num", "text": 42}), "field 'text' must be a string, got int"),
        ("JSONL text is a list", json.dumps({"id": "t-list", "text": ["a"]}), "field 'text' must be a string, got list"),
        ("JSONL title is an object", json.dumps({"id": "t-obj", "text": "Новость дня.", "title": {"a": 1}}),
         "field 'title' must be a string, got dict"),
        ("JSONL line is an array", json.dumps(["not", "an", "object"]), "expected a JSON object, got list"),
        ("JSONL impossible date", json.dumps({"id": "bad-date", "text": "Новость дня.", "date": "2025-13-45"}),
         "'2025-13-45' is not a valid YYYY-MM-DD date"),
        ("JSONL truncated last line", '{"id": "cut", "text": "Обрыв стро', "not valid JSON"),
    ]
    path = write(folder, "news.jsonl", "\n".join(line for _, line, _ in lines))  # no newline after the last line
    cases = [Case(name, path, f"{path}:{n}", problem) for n, (name, _, problem) in enumerate(lines, 1)]
    cases[0].text = SOKOLOVA
    after = "Мэр Новогорска Ольга Кравец открыла новый мост через реку."
    huge = write(folder, "huge.jsonl", json.dumps({"id": "huge", "text": "Очень длинная статья. " * 1_000_000})
                 + "\n" + json.dumps({"id": "after-huge", "text": after}, ensure_ascii=False) + "\n")
    cases.append(Case("20 MB article in a JSONL line", huge, f"{huge}:1", "over the limit"))
    cases.append(Case("JSONL line after a 20 MB line", huge, f"{huge}:2", text=after))
    return cases


def url_cases(site: Site) -> list[Case]:
    """URLs on a local server: a good page and every way fetching fails."""
    site.add("/news/ok", PAGE.replace("Дороги отремонтируют к осени", "Дороги отремонтируют к зиме")
             .replace("в ближайший месяц", "за две недели"))  # another text: not a duplicate of page.html
    site.add("/slow", "поздно")  # the server sleeps 3 s before answering
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    site.add("/boom", "ошибка сервера", status=500)
    site.add("/feed.rss", "<html><body>это не лента</body></html>", "application/rss+xml")
    cases = [Case("URL of a good page", f"{site.base}/news/ok", ""),
             Case("URL that times out", f"{site.base}/slow", "", "timed out"),
             Case("URL that redirects in a loop", f"{site.base}/loop-a", "", "redirect loop"),
             Case("URL that returns 404", f"{site.base}/missing", "", "HTTP 404"),
             Case("URL that returns 500", f"{site.base}/boom", "", "HTTP 500"),
             Case("feed URL that is not a feed", f"{site.base}/feed.rss", "", "not an RSS or Atom feed")]
    for case in cases:
        case.item = case.source
    return cases


@dataclass(slots=True)
class Run:
    cases: dict[str, Case]
    exit_code: int
    stderr: str
    report: list[dict[str, str]]
    stored: list[Article]
    failed_in_runs: int


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    folder = tmp_path_factory.mktemp("bad-input")
    site = Site().start()
    try:
        cases = file_cases(folder) + jsonl_cases(folder) + url_cases(site)
        sources = list(dict.fromkeys(c.source for c in cases))
        db, report = str(folder / "l.db"), folder / "failed.jsonl"
        result = runner.invoke(app, ["ingest", *sources, "--db", db, "--report", str(report), "--allow-private",
                                     "--timeout", "1", "-q"], catch_exceptions=False)
    finally:
        site.stop()
    with open_store(db) as store:
        stored = list(store.iter_articles())
        failed = store.runs()[0].failed
    assert {c.name for c in cases} == set(BAD) | set(GOOD)
    return Run({c.name: c for c in cases}, result.exit_code, result.stderr,
               [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()], stored, failed)


def test_the_run_goes_on_and_exits_3_saying_how_many_failed(run):
    assert run.exit_code == 3, run.stderr
    assert "Traceback" not in run.stderr
    assert f"{len(BAD)} failed" in run.stderr and f"{len(GOOD)} stored" in run.stderr
    assert run.failed_in_runs == len(BAD)


def test_the_report_lists_exactly_the_failed_items(run):
    assert sorted(x["item"] for x in run.report) == sorted(run.cases[name].item for name in BAD)
    assert all(set(x) == {"item", "problem"} and x["problem"] for x in run.report)


@pytest.mark.parametrize("name", BAD)
def test_a_bad_item_is_named_with_its_problem(run, name):
    case = run.cases[name]
    (entry,) = [x for x in run.report if x["item"] == case.item]
    assert case.problem in entry["problem"], entry
    assert f"letopis: skipped {case.item}: {entry['problem']}" in run.stderr


def test_the_database_holds_the_good_items_and_nothing_of_the_bad(run):
    assert len(run.stored) == len(GOOD)
    for a in run.stored:  # the bad items' texts
        assert all(part not in a.text for part in ("Очень длинная статья", "Обрыв", "Новость дня", "!!! ???")), a.id
    assert {a.id for a in run.stored} >= {"good-1", "after-huge"}


def stored_with(run: Run, name: str) -> Article:
    case = run.cases[name]
    if case.text is not None:
        (article,) = [a for a in run.stored if a.text == case.text]
        return article
    marker = "к зиме" if name.startswith("URL") else "к осени"
    (article,) = [a for a in run.stored if a.title == f"Дороги отремонтируют {marker}"]
    return article


@pytest.mark.parametrize("name", GOOD)
def test_an_odd_but_readable_item_is_stored_whole(run, name):
    article = stored_with(run, name)
    assert not [x for x in run.report if x["item"] == run.cases[name].item]
    for e in article.entities:
        for m in e.mentions:
            assert article.text[m.start:m.stop] == m.text
    for q in article.quotes:
        assert article.text[q.content.start:q.content.stop] == q.content.text


def test_html_scripts_and_iframes_leave_nothing_in_the_text(run):
    for name in ("HTML with scripts, iframes and broken markup", "URL of a good page"):
        article = stored_with(run, name)
        assert "Марина Соколова" in article.text and "открытом конкурсе" in article.text
        for junk in ("alert", "iframe", "evil.example", "<", "document.write"):
            assert junk not in article.text, (name, junk)
    assert stored_with(run, "URL of a good page").url == run.cases["URL of a good page"].source


def test_legacy_encodings_keep_the_cyrillic(run):
    for name in ("cp1251", "koi8-r", "UTF-16 with a byte-order mark", "UTF-16 without a byte-order mark"):
        article = stored_with(run, name)
        assert "Марина Соколова" in {e.name for e in article.entities}, name


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_read_and_binary_with_nuls_is_not(tmp_path, encoding):
    from letopis.read import read_paths

    text = "Мэр Новогорска Ольга Кравец открыла мост (длина 120 м) и школу №5. "
    (tmp_path / "a.txt").write_bytes((text * 3).encode(encoding))
    (raw,) = list(read_paths([str(tmp_path / "a.txt")]))
    assert raw.text == (text * 3).strip()
    for data in (b"\x00\x01\x02garbage", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, bytes(range(256)) * 8,
                 b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x03\x00>\x00" * 100):
        (tmp_path / "b.txt").write_bytes(data)
        (item,) = list(read_paths([str(tmp_path / "b.txt")]))
        assert "binary file" in item.problem, data[:20]
