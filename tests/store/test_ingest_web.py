"""Ingesting HTML pages and RSS feeds, from files and from a local HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.ingest.html import parse_html, url_id
from letopis.ingest.sources import read_sources
from letopis.store import QuoteFilter, open_store
from tests.store.webserver import Site

PAGES = Path(__file__).parent / "pages"
runner = CliRunner()


def letopis(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def site():
    s = Site().start()
    yield s
    s.stop()


def feed(site: Site, paths: list[str]) -> str:
    items = "".join(f"<item><title>Новость {i}</title><link>{site.base}{p}</link>"
                    f"<pubDate>Tue, 12 May 2026 08:00:00 +0300</pubDate></item>" for i, p in enumerate(paths, 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Лента региона</title>'
            f"<link>{site.base}/</link><description>Новости</description>{items}</channel></rss>")


def test_an_html_page_gives_its_text_title_date_outlet_and_canonical_url():
    raw = parse_html((PAGES / "bridge.html").read_bytes(), "bridge.html")
    assert raw.title == "Мэр Зареченска открыла новый мост"
    assert raw.date == "2026-03-12"
    assert raw.outlet == "Заречный вестник"
    assert raw.url == "https://zarvestnik.example/news/2026/03/12/most" and raw.id == url_id(raw.url)
    assert raw.text.startswith("Мэр Зареченска Ольга Кравец открыла новый мост")
    for boilerplate in ("Главная", "Читайте также", "Все права защищены", "analytics", "<p>"):
        assert boilerplate not in raw.text


def test_html_and_feed_files_are_ingested(tmp_path):
    db = str(tmp_path / "l.db")
    result = letopis("ingest", str(PAGES), "--db", db)
    assert result.exit_code == 0, result.output
    with open_store(db) as s:
        stored = {a.title: a for a in s.iter_articles()}
        assert set(stored) == {"Мэр Зареченска открыла новый мост", "Белов и Соколова договорились о заводе",
                               "Рыбаки Тихого озера требуют запретить сброс стоков"}
        lake = stored["Рыбаки Тихого озера требуют запретить сброс стоков"]
        assert (lake.date, lake.outlet, lake.url) == ("2026-07-02", "Озёрные новости",
                                                      "https://ozernye.example/news/lake-2")
        assert "Рыба в озере гибнет" in lake.text
        assert stored["Белов и Соколова договорились о заводе"].date == "2026-05-20"
        assert s.quotes(QuoteFilter(speaker="Кравец")).items


def test_a_feed_url_brings_its_pages_and_reports_the_missing_one(tmp_path, site):
    site.add("/news/most", (PAGES / "bridge.html").read_bytes())
    site.add("/news/forum", (PAGES / "forum.html").read_bytes())
    site.add("/rss.xml", feed(site, ["/news/most", "/news/forum", "/news/gone"]), "application/rss+xml")
    db = str(tmp_path / "l.db")
    result = letopis("ingest", f"{site.base}/rss.xml", "--db", db, "--allow-private")
    assert result.exit_code == 3
    assert f"{site.base}/news/gone: HTTP 404" in result.stderr
    with open_store(db) as s:
        urls = {a.url: a for a in s.iter_articles()}
        assert set(urls) == {f"{site.base}/news/most", f"{site.base}/news/forum"}
        assert urls[f"{site.base}/news/most"].outlet == "Заречный вестник"
        assert urls[f"{site.base}/news/forum"].title == "Новость 2"  # the feed's title for the entry
    again = letopis("ingest", f"{site.base}/rss.xml", "--db", db, "--allow-private")
    assert "2 already stored" in again.stderr and "0 stored" in again.stderr


def test_a_changed_page_at_the_same_url_is_updated(tmp_path, site):
    page = (PAGES / "forum.html").read_text(encoding="utf-8")
    site.add("/forum", page)
    db = str(tmp_path / "l.db")
    assert letopis("ingest", f"{site.base}/forum", "--db", db, "--allow-private").exit_code == 0
    site.add("/forum", page.replace("подписано в июне", "подписано в июле, уточнили в министерстве"))
    result = letopis("ingest", f"{site.base}/forum", "--db", db, "--allow-private")
    assert "1 updated" in result.stderr
    with open_store(db) as s:
        (article,) = list(s.iter_articles())
        assert article.id == url_id(f"{site.base}/forum")
        assert "в июле" in article.text


def test_loopback_urls_are_refused_unless_allowed(tmp_path, site):
    site.add("/forum", (PAGES / "forum.html").read_bytes())
    db = str(tmp_path / "l.db")
    result = letopis("ingest", f"{site.base}/forum", "--db", db)
    assert result.exit_code == 3
    assert "private, loopback or reserved address" in result.stderr and "--allow-private" in result.stderr
    assert site.hits == []  # nothing was even requested


def test_a_file_that_is_neither_page_nor_feed_nor_article_is_reported(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><nav>меню</nav></body></html>", encoding="utf-8")
    (tmp_path / "bad.rss").write_text("это не лента", encoding="utf-8")
    problems = {x.item: x.problem for x in read_sources([str(tmp_path)]) if isinstance(x, Exception)}
    assert problems == {str(tmp_path / "bad.rss"): "not an RSS or Atom feed",
                        str(tmp_path / "empty.html"): "no article text found in the HTML page"}
