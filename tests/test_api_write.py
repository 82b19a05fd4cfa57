# ruff: noqa: F811  (the fixtures imported from test_api are arguments of the tests)
"""The JSON API's writing side: analysis without storing, ingestion behind the token, size limits, and
fetching pages by URL without reaching what the server should not. On SQLite and PostgreSQL."""

from __future__ import annotations

import http.server
import threading

import pytest
from fastapi.testclient import TestClient

from letopis.api import create_app
from tests.store.conftest import store_url  # noqa: F401  (SQLite and PostgreSQL)
from tests.test_api import TOKEN, client, error_of, filled_store, ok  # noqa: F401  (fixtures)

ARTICLE = ("Губернатор Озёрной области Марина Соколова заявила, что мост через Вязьму откроют в мае. "
           "«Мы успеем до паводка», — сказала Соколова журналистам.")
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_analyze_returns_the_record_and_stores_nothing(client):
    before = ok(client.get("/api/stats"))["articles"]
    record = ok(client.post("/api/analyze", json={"text": ARTICLE, "date": "2026-04-01", "outlet": "Озёрные новости"}))
    assert record["schema"] == "letopis.article/1" and record["text"] == ARTICLE
    assert record["date"] == "2026-04-01" and record["outlet"] == "Озёрные новости"
    names = {e["name"] for e in record["entities"]}
    assert "Марина Соколова" in names
    for e in record["entities"]:
        for m in e["mentions"]:
            assert ARTICLE[m["start"]:m["stop"]] == m["text"]
    assert ok(client.get("/api/stats"))["articles"] == before


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": 5}, {"text": "x", "date": "2025-13-45"},
                                  {"text": "x", "colour": "red"}, [], "text"])
def test_analyze_refuses_bad_bodies_with_400(client, body):
    error = error_of(client.post("/api/analyze", json=body), 400)
    assert error["code"] == "invalid_request" and error["details"]


@pytest.mark.parametrize("body,ctype", [(b"\xff\xfe not json", "application/json"), (b"text", "text/plain"),
                                        (b"[" * 10000 + b"]" * 10000, "application/json"),
                                        (b'{"text": "\\ud800"}', "application/json")])
def test_analyze_refuses_what_is_not_a_json_article(client, body, ctype):
    response = client.post("/api/analyze", content=body, headers={"content-type": ctype})
    assert error_of(response, 400)["code"] == "invalid_request"


def test_ingest_needs_the_token(client):
    body = {"articles": [{"text": ARTICLE, "id": "bridge-may"}]}
    assert error_of(client.post("/api/ingest", json=body), 401)["code"] == "token_required"
    wrong = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer not-the-token"})
    assert error_of(wrong, 403)["code"] == "token_invalid"
    basic = client.post("/api/ingest", json=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert error_of(basic, 401)["code"] == "token_required"
    assert client.get("/api/articles/bridge-may").status_code == 404


def test_ingest_with_the_token_stores_and_is_idempotent(client):
    body = {"articles": [{"text": ARTICLE, "id": "bridge-may", "date": "2026-04-01", "outlet": "Озёрные новости"}]}
    result = ok(client.post("/api/ingest", json=body, headers=AUTH))
    assert result["stored"] == 1 and result["failed"] == 0
    assert result["items"] == [{"source": "bridge-may", "status": "inserted", "article_id": "bridge-may",
                                "story_id": result["items"][0]["story_id"], "problem": None}]
    stored = ok(client.get("/api/articles/bridge-may"))
    assert stored["text"] == ARTICLE and stored["date"] == "2026-04-01"
    again = ok(client.post("/api/ingest", json=body, headers=AUTH))
    assert again["stored"] == 0 and again["items"][0]["status"] == "unchanged"
    hits = ok(client.get("/api/search", params={"q": "паводком"}))["items"]  # stored text is searchable
    assert [a["id"] for a in hits] == ["bridge-may"]


@pytest.mark.parametrize("body", [{"articles": [{"text": "x"}] * 101}, {"urls": ["https://example.org/"] * 21},
                                  {"articles": [{"id": "no text"}]}, {"urls": "https://example.org/"},
                                  {"articles": [], "feeds": []}, {"articles": [{"text": "NUL \u0000 inside"}]},
                                  {"urls": ["https://example.org/\u0000"]}])
def test_ingest_refuses_bad_batches(client, body):
    assert error_of(client.post("/api/ingest", json=body, headers=AUTH), 400)["code"] == "invalid_request"


def test_a_server_without_token_is_read_only(filled_store):
    with TestClient(create_app(filled_store), raise_server_exceptions=False) as c:
        error = error_of(c.post("/api/ingest", json={"articles": [{"text": ARTICLE}]}, headers=AUTH), 403)
        assert error["code"] == "read_only" and "--token" in error["message"]
        assert ok(c.get("/api/stats"))["articles"] == 6


def test_bodies_over_the_limit_get_413_declared_or_streamed(filled_store):
    app = create_app(filled_store, token=TOKEN, max_body_bytes=2000)
    with TestClient(app, raise_server_exceptions=False) as c:
        big = {"text": "Слово " * 1000}
        assert error_of(c.post("/api/analyze", json=big), 413)["code"] == "too_large"

        def chunks():
            for _ in range(10):
                yield b'{"text": "' + b"a" * 500

        streamed = c.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert error_of(streamed, 413)["code"] == "too_large"
        assert ok(c.post("/api/analyze", json={"text": "Короткая заметка."}))["text"] == "Короткая заметка."


@pytest.mark.parametrize("url,problem", [
    ("file:///etc/passwd", "only http and https"), ("ftp://example.org/a", "only http and https"),
    ("/etc/passwd", "only http and https"), ("examples/", "only http and https"), ("not a url", "only http and https"),
    ("http://127.0.0.1:5432/", "private, loopback"), ("http://localhost/", "private, loopback"),
    ("http://169.254.169.254/latest/meta-data/", "private, loopback"), ("http://10.1.2.3/", "private, loopback"),
    ("http://[::1]/", "private, loopback"), ("http://user:pw@example.org/", "credentials"),
])
def test_ingest_by_url_refuses_other_schemes_and_private_addresses(client, url, problem):
    result = ok(client.post("/api/ingest", json={"urls": [url]}, headers=AUTH))
    (item,) = result["items"]
    assert item["status"] == "failed" and problem in item["problem"], item
    assert result["failed"] == 1


PAGE = f"""<!doctype html><html><head><title>Мост откроют в мае</title>
<meta property="og:site_name" content="Озёрные новости"><meta name="date" content="2026-04-02"></head>
<body><nav>Главная | Новости</nav><article><h1>Мост откроют в мае</h1><p>{ARTICLE}</p>
<p>Строительство моста через Вязьму началось три года назад и обошлось области в миллиард рублей.</p>
</article><script>alert(1)</script></body></html>"""


@pytest.fixture
def local_site():
    """A web server on 127.0.0.1 with one article page; every other path is a 404."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = PAGE.encode("utf-8") if self.path == "/news/bridge" else b"missing"
            self.send_response(200 if self.path == "/news/bridge" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_ingest_by_url_fetches_extracts_and_stores_when_allowed(filled_store, local_site):
    app = create_app(filled_store, token=TOKEN, allow_private_urls=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        urls = [f"{local_site}/news/bridge", f"{local_site}/gone"]
        result = ok(c.post("/api/ingest", json={"urls": urls}, headers=AUTH))
        page, gone = result["items"]
        assert page["status"] == "inserted", page
        assert gone["status"] == "failed" and "404" in gone["problem"]
        record = ok(c.get(f"/api/articles/{page['article_id']}"))
        assert "Мы успеем до паводка" in record["text"] and "alert" not in record["text"]
        assert record["url"] == urls[0] and record["title"] == "Мост откроют в мае"
    with TestClient(create_app(filled_store, token=TOKEN), raise_server_exceptions=False) as c:
        refused = ok(c.post("/api/ingest", json={"urls": urls[:1]}, headers=AUTH))["items"][0]
        assert refused["status"] == "failed" and "--allow-private" in refused["problem"]
