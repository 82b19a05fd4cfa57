"""The web pages in a real browser: Debian's chromium, headless, driven by playwright, against `letopis serve`'s
app on a free 127.0.0.1 port. The database holds the seed article, the examples and an article full of markup,
all analysed by the real pipeline. Each test saves screenshots under artifacts/screenshots/."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, SEED, need_shared

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "artifacts" / "screenshots"
TOKEN = "browser-test-token"
XSS_TEXT = ('Редакция получила странное письмо. <script>alert(1)</script> Его автор написал: '
            '"><img src=x onerror=alert(1)> и больше ничего не сообщил, заявил главный редактор Иван Петров.')


def need_browser() -> str:
    """The chromium binary, or skip off CI when the machine has none (CI installs it, see .ci/run)."""
    pytest.importorskip("playwright", reason="the browser tests need the playwright package (the dev extra)")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing on CI: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is absent: apt-get install chromium to run the browser tests")
    return CHROMIUM


def fill_store(path: Path):
    """A SQLite store with the seed, the examples and the markup article, analysed by the real pipeline."""
    from letopis.analysis import analyze, analyze_raw
    from letopis.read import read_paths
    from letopis.store import open_store

    store = open_store(path)
    for raw in read_paths([str(need_shared(SEED)), str(EXAMPLES)]):
        store.put_article(analyze_raw(raw))
    store.put_article(analyze(XSS_TEXT, "2026-02-01", id="xss", title="<script>alert(2)</script>",
                              outlet="<b>Жёлтая</b> газета"))
    return store


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The app served by uvicorn in a thread, on a port the OS chose; yields its base URL."""
    need_browser()
    import uvicorn

    from letopis.api import create_app

    store = fill_store(tmp_path_factory.mktemp("web") / "letopis.db")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(store, token=TOKEN), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", store
    server.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=need_browser(), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.set_default_timeout(10_000)
    pg = context.new_page()
    pg.dialogs = []  # any alert() would land here
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def seed_id(store) -> str:
    (hit,) = [a for a in store.search("Токаев").items if a.date == "2025-09-24"]
    return hit.id


def test_seed_article_highlights_tokayevs_quotes_and_leads_to_his_timeline(site, page):
    base, store = site
    page.goto(f"{base}/articles/{seed_id(store)}")
    quotes = page.locator(".article-text .quote")
    assert quotes.count() >= 3, "Токаев's statements are highlighted in the text"
    speakers = page.locator("aside.record ol.quotes .speaker")
    assert "Касым-Жомарт Токаев" in speakers.all_inner_texts()
    first = quotes.first
    assert first.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.locator(".article-text a.ent-PER", has_text="Токаев").count() >= 1
    shot(page, "article-seed")
    page.locator("aside.record a.speaker", has_text="Касым-Жомарт Токаев").first.click()
    page.wait_for_load_state()
    assert "/entities/" in page.url
    assert page.locator("h1").inner_text() == "Касым-Жомарт Токаев"
    assert page.locator("#timeline li.tl-quote").count() >= 3
    assert page.locator("svg.chart rect.bar-quotes").count() >= 1
    assert page.locator("#co-occurring a.ent").count() >= 1
    shot(page, "entity-tokayev")


def test_search_in_russian_with_an_inflected_form(site, page):
    base, store = site
    page.goto(base + "/")
    shot(page, "home")
    page.fill("form.search input[name=q]", "переговорах")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_load_state()
    assert "q=" in page.url
    results = page.locator("#articles a.title")
    assert any(href == f"/articles/{seed_id(store)}" for href in
               [results.nth(i).get_attribute("href") for i in range(results.count())])
    assert page.locator("#articles mark").count() >= 1
    shot(page, "search-peregovorah")
    page.goto(base + "/?q=" + "Токаева")
    assert page.locator("#articles a.title").count() >= 1


def test_quotes_page_with_facets(site, page):
    base, _ = site
    page.goto(base + "/quotes")
    assert page.locator(".facets").count() == 1
    speaker = page.locator(".facets a", has_text="Касым-Жомарт Токаев").first
    speaker.click()
    page.wait_for_load_state()
    assert "speaker=" in page.url
    rows = page.locator("li.quote-row")
    assert rows.count() >= 3
    assert set(page.locator("li.quote-row .speaker").all_inner_texts()) == {"Касым-Жомарт Токаев"}
    shot(page, "quotes-facets")


def test_paste_the_seed_into_the_analyze_page_and_save_it(site, page):
    base, store = site
    from letopis.read import read_paths

    (raw,) = list(read_paths([str(need_shared(SEED))]))  # the text without its `date ...` line
    text = raw.text
    page.goto(base + "/analyze")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=date]", "2025-09-24")
    page.fill("input[name=outlet]", "NUR.KZ (вставлено)")
    page.click("form.analyze button[type=submit]")
    page.wait_for_load_state()
    analysis = page.locator("section.analysis")
    assert analysis.locator(".ent-PER", has_text="Касым-Жомарт Токаев").count() >= 1
    assert analysis.locator(".article-text .quote").count() >= 3
    shot(page, "analyze-seed")
    page.check("input[name=save]")
    page.fill("input[name=token]", TOKEN)
    page.click("form.analyze button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#saved").count() == 1
    page.locator("#saved a").click()
    page.wait_for_load_state()
    assert page.locator(".article-text .quote").count() >= 3


def test_an_article_full_of_markup_renders_as_text(site, page):
    base, _ = site
    page.goto(base + "/articles/xss")
    body = page.locator(".article-text").inner_text()
    assert "<script>alert(1)</script>" in body and '"><img src=x onerror=alert(1)>' in body
    assert page.locator("h1").inner_text() == "<script>alert(2)</script>"
    assert page.evaluate("document.querySelectorAll('main img, main script').length") == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []
    shot(page, "article-xss")
    page.goto(base + "/?q=" + "письмо")
    assert page.dialogs == [] and page.locator("#articles a.title").count() == 1
    shot(page, "search-xss")


def test_entities_stories_events_and_docs_pages_render(site, page):
    base, _ = site
    for path, name in [("/entities", "entities"), ("/stories", "stories"), ("/events", "events"),
                       ("/articles", "articles"), ("/docs", "api-docs")]:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("h1").count() >= 1
        shot(page, name)
