# ruff: noqa: F811  (the fixtures imported from test_api are arguments of the tests)
"""The server-rendered pages, read as HTML (the browser tests are in test_web_e2e.py): each page answers,
quotes and entities are highlighted from the record's offsets, everything from articles is escaped.
On SQLite and PostgreSQL."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from letopis.api import create_app
from tests.store.conftest import store_url  # noqa: F401  (SQLite and PostgreSQL)
from tests.test_api import TOKEN, XSS, client, filled_store, ok  # noqa: F401  (fixtures)

HTML = {"accept": "text/html"}


def page(client, path: str, status: int = 200, **params) -> str:
    response = client.get(path, params=params, headers=HTML)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def tokayev_id(client) -> str:
    return ok(client.get("/api/entities", params={"q": "Токаев"}))["items"][0]["id"]


@pytest.mark.parametrize("path", ["/", "/articles", "/entities", "/quotes", "/stories", "/events", "/analyze",
                                  "/docs", "/articles/kz-1", "/?q=переговорах"])
def test_every_page_answers_with_html_and_no_outside_resources(client, path):
    html = page(client, path)
    assert "<title>" in html and 'href="/static/style.css"' in html
    assert not re.search(r"""(src|href)=["'](https?:)?//""", html.replace('href="https://example.kz', "")), \
        "a page loads something from another host"


def test_the_article_page_highlights_quotes_and_entities_and_links_the_speaker(client):
    html = page(client, "/articles/kz-1")
    tokayev = tokayev_id(client)
    quote = re.search(r'<span class="quote quote-direct" id="q1"[^>]*>(.*?)</span>', html, re.S)
    assert quote and re.sub(r"<[^>]+>", "", quote.group(1)).startswith("Казахстан готов предоставить площадку")
    assert f'<a class="speaker" href="/entities/{tokayev}">Касым-Жомарт Токаев</a>' in html
    names = re.findall(r'<a class="ent ent-PER" href="/entities/([^"]+)"[^>]*>([^<]+)</a>', html)
    assert (tokayev, "Касым-Жомарт Токаев") in names and (tokayev, "Токаев") in names
    assert re.search(r'<span class="cue"[^>]*>заявил</span>', html)
    text = unescape(re.sub(r"<[^>]+>", "", html.split('class="article-text">', 1)[1].split("</div>", 1)[0]))
    assert text == ok(client.get("/api/articles/kz-1"))["text"]  # highlighting neither adds nor loses text


def test_the_entity_page_has_names_roles_a_chart_a_timeline_and_company(client):
    html = page(client, f"/entities/{tokayev_id(client)}")
    assert "Касым-Жомарт Токаев" in html and "президент Казахстана" in html
    chart = html.split('<svg class="chart"', 1)[1].split("</svg>", 1)[0]
    assert chart.count('class="bar-quotes"') == 2 and "2025-10: 2 statement(s)" in chart
    timeline = html.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    assert timeline.count('class="tl-quote"') == 4 and timeline.count('class="tl-event"') == 2
    dates = re.findall(r'<span class="tl-date">([^<]+)</span>', timeline)
    assert dates == sorted(dates, reverse=True) and dates[0] == "2025-10-03"
    company = html.split('id="co-occurring"', 1)[1]
    assert "Владимир Зеленский" in company and "Акорда" in company


def test_the_quotes_page_filters_and_counts_facets(client):
    html = page(client, "/quotes")
    facets = html.split('class="facets"', 1)[1].split("</aside>", 1)[0]
    assert re.search(r"Касым-Жомарт Токаев</a> <span class=\"meta\">4</span>", facets)
    assert re.search(r">Tengri</a> <span class=\"meta\">2</span>", facets)
    assert 'since=2025-10-01&amp;until=2025-10-31' in facets
    only_tengri = page(client, "/quotes", outlet="Tengri", speaker="", since="")  # empty fields mean no filter
    assert only_tengri.count('<li class="quote-row">') == 2
    october = page(client, "/quotes", since="2025-10-01", until="2025-10-31")
    assert october.count('<li class="quote-row">') == 2 and "2025-09-24" not in october


def test_search_page_finds_articles_and_quotes_by_an_inflected_form(client):
    html = page(client, "/", q="переговорах")
    articles = html.split('id="articles"', 1)[1].split("</section>", 1)[0]
    assert 'href="/articles/kz-1"' in articles and "<mark>" in articles
    quotes = page(client, "/", q="площадки").split('id="quotes"', 1)[1]
    assert "Казахстан готов предоставить <mark>площадку</mark>" in quotes


def test_everything_from_an_article_is_escaped(client):
    html = page(client, "/articles/xss-1")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Жёлтая</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html  # the article's url is not a link
    for path, params in [("/", {"q": "заметка"}), ("/articles", {}), ("/quotes", {"q": "<script>"}),
                         ("/entities", {"q": '"><img src=x>'})]:
        assert "<script>alert" not in page(client, path, **params) and "<img src=x" not in page(client, path, **params)
    response = client.get("/articles/xss-1", headers=HTML)
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_errors_on_pages_are_html_pages_with_the_message(client):
    assert "no article" in page(client, "/articles/nothing-here", 404)
    assert "month value is outside" in page(client, "/quotes", 400, since="2025-13-45")
    assert "no entity &#39;&lt;b&gt;bold&#39;" in page(client, "/entities/<b>bold", 404)


def test_the_analyze_page_shows_the_record_and_saves_only_with_the_token(client):
    text = "Губернатор Марина Соколова заявила, что мост откроют в мае. <script>alert(1)</script>"
    shown = client.post("/analyze", data={"text": text, "date": "2026-04-01"}, headers=HTML)
    assert shown.status_code == 200 and "Марина Соколова" in shown.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown.text and "<script>alert" not in shown.text
    before = ok(client.get("/api/stats"))["articles"]
    refused = client.post("/analyze", data={"text": text, "save": "1", "token": "wrong"}, headers=HTML)
    assert refused.status_code == 403 and 'id="save-error"' in refused.text
    saved = client.post("/analyze", data={"text": text, "save": "1", "token": TOKEN}, headers=HTML)
    assert saved.status_code == 200 and 'id="saved"' in saved.text
    assert ok(client.get("/api/stats"))["articles"] == before + 1
    assert client.post("/analyze", data={"text": ""}, headers=HTML).status_code == 400


def test_a_read_only_server_offers_no_saving(filled_store):
    with TestClient(create_app(filled_store), raise_server_exceptions=False) as c:
        html = c.get("/analyze", headers=HTML).text
        assert 'name="token"' not in html and "без токена" in html
        refused = c.post("/analyze", data={"text": "Текст.", "save": "1", "token": TOKEN}, headers=HTML)
        assert refused.status_code == 403


def test_the_docs_page_lists_every_endpoint_from_openapi(client):
    html = page(client, "/docs")
    for path in ok(client.get("/openapi.json"))["paths"]:
        assert f"{path}</code>" in html, path
