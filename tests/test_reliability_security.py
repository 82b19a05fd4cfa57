# ruff: noqa: F811  (the fixtures imported from test_api are arguments of the tests)
"""Hostile requests: injection strings through every filter of the CLI and of the API, the write token,
size limits, path traversal against a real server, and URLs that must not be fetched. On SQLite and PostgreSQL
where a store is involved (the store tests' fixture)."""

from __future__ import annotations

import http.client
import json
import threading
import time
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from typer.testing import CliRunner

from letopis.api import create_app
from letopis.cli import app as cli_app
from letopis.store import open_store
from tests.store.conftest import store_url  # noqa: F401  (SQLite and PostgreSQL)
from tests.store.webserver import Site
from tests.test_api import TOKEN, client, corpus, filled_store, ok  # noqa: F401  (fixtures)

runner = CliRunner()

EVIL = ["' OR 1=1 --", "\"; DROP TABLE articles; --", "'); DROP TABLE quotes; --", "1 UNION SELECT * FROM articles",
        "' || (SELECT sqlite_version()) || '", "%", "_", "%_%", "\\", "\\'", "\x00", "a\x00b", "NEAR(", "NEAR(a b, 2)",
        "\"unbalanced", "terms:мост", "мост*", "^мост", "a AND OR NOT b", "-мост", "(((", "?", "%s", "$1",
        "\u202e\u0000\ufeff", "😀", "Токаев" * 1000, "я" * 5000, "x" * 60_000]


def intact(store_url: str) -> tuple[int, int, int, int]:
    """Counts of every table a query could have harmed, and a search that must still find its articles."""
    with open_store(store_url) as s:
        stats = s.stats()
        found = len(s.search("переговоры", limit=50).items)
        return stats.articles, stats.quotes, stats.entities, found


# -- the command line ----------------------------------------------------------------------------------------

CLI_SLOTS: list[tuple[str, ...]] = [
    ("search", "{}"), ("search", "мост", "--outlet", "{}"), ("search", "мост", "--since", "{}"),
    ("search", "мост", "--until", "{}"), ("search", "мост", "--limit", "{}"),
    ("quotes", "{}"), ("quotes", "--speaker", "{}"), ("quotes", "--about", "{}"), ("quotes", "--about", "Токаев",
                                                                                    "--about", "{}"),
    ("quotes", "--outlet", "{}"), ("quotes", "--kind", "{}"), ("quotes", "--since", "{}"), ("quotes", "--until", "{}"),
    ("entity", "{}"), ("entities", "{}"), ("entities", "--type", "{}"), ("citations", "{}"),
    ("stories", "--min-articles", "{}"), ("events", "--type", "{}"), ("events", "--entity", "{}"),
    ("events", "--since", "{}"), ("events", "--until", "{}"),
    ("export", "--format", "{}", "-o", "-", "--what", "quotes"), ("export", "--what", "{}", "-o", "-"),
]


@pytest.fixture
def cli_store(store_url):
    with open_store(store_url) as s:
        for article in corpus():
            s.put_article(article)
    return store_url


@pytest.mark.parametrize("slot", CLI_SLOTS, ids=lambda slot: " ".join(slot))
def test_injection_strings_through_every_cli_filter(cli_store, slot):
    before = intact(cli_store)
    formats = [[], ["--json"], ["--csv"]] if slot[0] not in ("entity", "export") else [[]]
    for i, evil in enumerate(EVIL):
        args = [evil if a == "{}" else a for a in slot]
        out = formats[i % len(formats)]  # the table, JSON Lines and CSV in turn
        result = runner.invoke(cli_app, [*args, *out, "--db", cli_store])
        where = f"letopis {' '.join(args)[:80]!r} {out}"
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            f"{where}: {type(result.exception).__name__}: {result.exception}"
        assert result.exit_code in (0, 1, 2), where
        assert "Traceback" not in result.output, where
        if result.exit_code:  # one line saying what is wrong (or click's usage message for a bad option value)
            assert result.stderr.startswith("letopis: ") or "Usage:" in result.stderr, (where, result.stderr)
    assert intact(cli_store) == before


# -- the API: every parameter of every GET route, pages included ----------------------------------------------

BENIGN = {"q": "переговоры"}


def api_routes(routes) -> list[APIRoute]:
    """The APIRoutes among `routes`, looking into included routers (FastAPI wraps them in newer versions)."""
    out = []
    for route in routes:
        if isinstance(route, APIRoute):
            out.append(route)
        elif hasattr(route, "original_router"):
            out += api_routes(route.original_router.routes)
    return out


def get_routes() -> list[tuple[str, list[str], list[str]]]:
    """(path, path parameters, query parameters) of every GET route of the app, JSON and pages."""
    app = create_app(None)  # type: ignore[arg-type]  (the routes do not depend on the store)
    return [(r.path, [p.name for p in r.dependant.path_params], [p.alias for p in r.dependant.query_params])
            for r in api_routes(app.routes) if "GET" in r.methods]


ROUTES = get_routes()
PARAMS = [(path, "path", name) for path, names, _ in ROUTES for name in names] + \
         [(path, "query", name) for path, _, names in ROUTES for name in names]


def url_for(path: str, kind: str, name: str, evil: str) -> tuple[str, dict[str, str]]:
    """The URL with `evil` in the parameter `name` (every other path parameter made valid)."""
    fill = {"article_id": "kz-1", "entity_id": "Токаев", "story_id": "1"}
    for param in (p for p in fill if "{" + p in path):
        value = quote(evil, safe="") if (kind == "path" and param == name) else fill[param]
        path = path.replace("{" + param + ":path}", value).replace("{" + param + "}", value)
    params = dict(BENIGN) if path.endswith("/search") and name != "q" else {}
    if kind == "query":
        params[name] = evil
    return path, params


def test_every_get_parameter_is_covered():
    names = {(p, n) for p, _, n in PARAMS}
    assert ("/api/quotes", "about") in names and ("/api/articles/{article_id:path}", "article_id") in names
    assert ("/quotes", "speaker") in names and ("/entities/{entity_id:path}", "entity_id") in names
    assert len(PARAMS) >= 60, len(PARAMS)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r[0])
def test_injection_strings_through_every_api_parameter(client, store_url, route):
    path, path_params, query_params = route
    before = intact(store_url)
    for kind, name in [("path", n) for n in path_params] + [("query", n) for n in query_params]:
        for evil in EVIL:
            url, params = url_for(path, kind, name, evil)
            response = client.get(url, params=params)
            where = f"{kind} parameter {name}: GET {url[:80]} {str(params)[:80]}"
            assert response.status_code < 500, (where, response.text[:300])
            assert "Traceback" not in response.text, where
            if url.startswith("/api/") and response.status_code != 200:
                assert set(response.json()) == {"error"}, where
    assert intact(store_url) == before


# -- the write token -------------------------------------------------------------------------------------------

ARTICLE = {"articles": [{"id": "by-token", "text": "Мэр Новогорска Ольга Кравец открыла новый мост через реку."}]}
WRONG_TOKENS = [
    ("no header", {}, 401), ("empty bearer", {"Authorization": "Bearer "}, 401),
    ("bare scheme", {"Authorization": "Bearer"}, 401), ("basic scheme", {"Authorization": f"Basic {TOKEN}"}, 401),
    ("token without scheme", {"Authorization": TOKEN}, 401),
    ("all but the last character", {"Authorization": f"Bearer {TOKEN[:-1]}"}, 403),
    ("the first character", {"Authorization": f"Bearer {TOKEN[0]}"}, 403),
    ("one character more", {"Authorization": f"Bearer {TOKEN}x"}, 403),
    ("twice", {"Authorization": f"Bearer {TOKEN}{TOKEN}"}, 403),
    ("upper case", {"Authorization": f"Bearer {TOKEN.upper()}"}, 403),
    ("last character changed", {"Authorization": f"Bearer {TOKEN[:-1]}X"}, 403),
    ("a space inside", {"Authorization": f"Bearer {TOKEN[:5]} {TOKEN[5:]}"}, 403),
    ("another token", {"Authorization": "Bearer " + "a" * len(TOKEN)}, 403),
    ("NUL appended", {"Authorization": f"Bearer {TOKEN}\x00"}, 403),
    ("not ASCII", {"Authorization": "Bearer токен-токен".encode()}, 403),
    ("in a cookie", {"Cookie": f"token={TOKEN}"}, 401), ("in another header", {"X-Token": TOKEN}, 401),
]


@pytest.mark.parametrize("what,headers,status", WRONG_TOKENS, ids=[w[0] for w in WRONG_TOKENS])
def test_wrong_empty_and_partial_tokens_are_refused(client, what, headers, status):
    response = client.post("/api/ingest", json=ARTICLE, headers=headers, params={"token": TOKEN})
    assert response.status_code == status, (what, response.text)
    assert response.json()["error"]["code"] == ("token_required" if status == 401 else "token_invalid")
    assert client.get("/api/articles/by-token").status_code == 404


@pytest.mark.parametrize("token", ["", TOKEN[:-1], TOKEN + " ", TOKEN.upper(), "x"])
def test_the_analyze_page_saves_nothing_with_a_wrong_token(client, token):
    form = {"text": ARTICLE["articles"][0]["text"], "save": "1", "token": token}
    response = client.post("/analyze", data=form)
    assert response.status_code in (401, 403) and "Traceback" not in response.text
    assert ok(client.get("/api/stats"))["articles"] == 6


def test_the_right_token_is_taken_so_the_refusals_above_mean_something(client):
    stored = ok(client.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}))
    assert stored["stored"] == 1 and ok(client.get("/api/articles/by-token"))["id"] == "by-token"


# -- size limits at the defaults -------------------------------------------------------------------------------


def test_default_size_limits(client):
    big = b'{"text": "' + b"a" * (4 * 1024 * 1024) + b'"}'
    assert client.post("/api/analyze", content=big, headers={"content-type": "application/json"}).status_code == 413
    huge = client.post("/api/analyze", content=b"{}", headers={"content-type": "application/json",
                                                                 "content-length": str(10**12)})
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "too_large"
    long_text = client.post("/api/analyze", json={"text": "слово " * 90_000})  # 540,000 characters, 1 MB
    assert long_text.status_code == 400 and "500000" in long_text.text.replace(",", "").replace(" ", "")
    assert client.get("/api/search", params={"q": "я" * 301}).status_code == 400
    assert client.get("/api/quotes", params={"speaker": "я" * 201}).status_code == 400
    too_many = {"articles": [{"text": f"Новость номер {i}."} for i in range(101)]}
    assert client.post("/api/ingest", json=too_many, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 400
    assert ok(client.get("/api/stats"))["articles"] == 6


# -- path traversal against a real server (raw paths, nothing normalised by a client library) ---------------

TRAVERSALS = [
    "/static/../../../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%252f..%252f..%252fetc%252fpasswd",
    "/static/....//....//....//etc/passwd", "/static/..\\..\\..\\..\\etc\\passwd", "/static//etc/passwd",
    "/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/access.py", "/static/../templates/base.html",
    "/static/%2e%2e%2f%2e%2e%2fapi%2fapp.py", "/static/..%5c..%5capp.py", "/static/%c0%ae%c0%ae/app.py",
    "/api/articles/../../../../etc/passwd", "/api/articles/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/articles/..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/entities/../../../etc/passwd", "/entities/..%2f..%2f..%2fetc%2fpasswd", "/api/stories/..%2f..%2fetc",
    "/stories/../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/docs/../../../etc/passwd",
    "/api/../../../etc/passwd", "/static/app.js/../../app.py", "/static/%00../app.py", "/static/app.js%00.css",
]
SECRETS = ["root:x:0:0", "def create_app", "hmac.compare_digest", "{% block", "{% extends", "from letopis"]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app served by uvicorn on a free 127.0.0.1 port, in a thread."""
    import uvicorn

    db = str(tmp_path_factory.mktemp("live") / "l.db")
    store = open_store(db)
    for article in corpus():
        store.put_article(article)
    config = uvicorn.Config(create_app(store, token=TOKEN), host="127.0.0.1", port=0, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield port
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def raw_get(port: int, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def test_the_static_files_are_served_so_the_traversals_reach_the_handler(live_server):
    status, body = raw_get(live_server, "/static/style.css")
    assert status == 200 and "{" in body
    assert raw_get(live_server, "/api/articles/kz-1")[0] == 200


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_leads_outside_the_served_files(live_server, path):
    status, body = raw_get(live_server, path)
    assert status < 500, (path, body[:200])
    assert not [s for s in SECRETS if s in body], (path, status, body[:300])


# -- fetching URLs from the command line -----------------------------------------------------------------------


@pytest.fixture
def site():
    s = Site().start()
    yield s
    s.stop()


PAGE = ("<html><head><title>Мост открыт</title></head><body><article><p>Мэр Новогорска Ольга Кравец открыла новый "
        "мост через реку Вязьму, строительство которого заняло три года.</p></article></body></html>")


def test_ingest_refuses_other_schemes_and_private_addresses_unless_allowed(site, tmp_path):
    site.add("/news/most", PAGE)
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Лента</title><item><title>Мост</title>'
            f"<link>{site.base}/news/from-feed</link></item></channel></rss>")
    (tmp_path / "local.rss").write_text(feed, encoding="utf-8")
    db, report = str(tmp_path / "l.db"), tmp_path / "failed.jsonl"
    refused = {"file:///etc/passwd": "only http and https", "ftp://example.org/news.txt": "only http and https",
               "gopher://example.org/1": "only http and https", "FILE:///etc/hostname": "only http and https",
               f"{site.base}/news/most": "private, loopback or reserved address",
               "http://localhost:9/": "private, loopback or reserved address",
               "http://10.0.0.1/": "private, loopback or reserved address",
               "http://[::1]:9/": "private, loopback or reserved address",
               "http://169.254.169.254/latest/meta-data/": "private, loopback or reserved address",
               "http://0.0.0.0:9/": "private, loopback or reserved address"}
    result = runner.invoke(cli_app, ["ingest", *refused, str(tmp_path / "local.rss"), "--db", db,
                                     "--report", str(report), "--timeout", "2"])
    assert result.exit_code == 3 and "Traceback" not in result.output
    problems = {x["item"]: x["problem"] for x in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    for url, problem in refused.items():
        assert problem in problems[url], (url, problems.get(url))
    assert problems[f"{site.base}/news/most"].endswith("pass --allow-private to allow it")
    assert "private, loopback or reserved address" in problems[f"{site.base}/news/from-feed"]
    assert len(problems) == len(refused) + 1
    assert site.hits == [] and "root:" not in result.output
    with open_store(db) as s:
        assert s.stats().articles == 0
    allowed = runner.invoke(cli_app, ["ingest", f"{site.base}/news/most", "--db", db, "--allow-private"])
    assert allowed.exit_code == 0 and site.hits == ["/news/most"]
