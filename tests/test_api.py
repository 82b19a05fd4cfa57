"""The JSON API's reading endpoints, on SQLite and on PostgreSQL (the store tests' parametrised fixture).

The database holds small hand-made records (tests/store/records.py and below), so every expected value is
visible in the test. The write endpoints are in test_api_write.py, the pages in test_api_pages.py.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from letopis.api import create_app
from letopis.model import Article, Attribution
from letopis.store import open_store
from tests.store.conftest import store_url  # noqa: F401  (SQLite and PostgreSQL, a fresh store each)
from tests.store.records import plain_article, tokayev_article

TOKEN = "a-test-token-for-writing"
XSS = '<script>alert(1)</script> и "><img src=x onerror=alert(1)>'

WIRE = ("Министр экономики Северной Республики Аркадий Белов провёл переговоры с губернатором Озёрной области "
        "Мариной Соколовой на полях инвестиционного форума. Стороны обсудили строительство завода и дорог, "
        "а также условия для инвесторов из соседних регионов.")


def xss_article() -> Article:
    text = f"Странная заметка: {XSS} — конец заметки о переговорах."
    return Article(text=text, id="xss-1", date="2026-01-15", outlet="<b>Жёлтая</b> газета",
                   title='Заголовок <script>alert("t")</script>', url="javascript:alert(1)",
                   attribution=Attribution("<b>Жёлтая</b> газета", []))


def corpus() -> list[Article]:
    """Six articles: Токаев twice (September and October, one story), a wire story in two outlets, a bridge,
    and one full of markup."""
    later = tokayev_article(id="kz-2", date="2025-10-03", outlet="Tengri", url="https://example.kz/news/2")
    later.text += " Позже это повторил Tengri."  # another text (offsets before the end stay right)
    return [
        tokayev_article(),
        later,
        plain_article("w1", "НОВОГОРСК, 20 мая. " + WIRE, date="2026-05-20", outlet="Северный репортёр"),
        plain_article("w2", WIRE + " Следующий форум пройдёт в Озёрске.", date="2026-05-21", outlet="Озёрные новости"),
        plain_article("bridge", "В Зареченске открыли новый мост через реку Вязьму, строительство которого "
                                "обошлось городу в миллиард рублей.", date="2026-03-12", outlet="Заречный вестник"),
        xss_article(),
    ]


@pytest.fixture
def filled_store(store_url):  # noqa: F811
    store = open_store(store_url)
    for article in corpus():
        store.put_article(article)
    yield store
    store.close()


@pytest.fixture
def client(filled_store):
    app = create_app(filled_store, token=TOKEN)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def ok(response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


def error_of(response, status: int) -> dict:
    """The `error` object of a response that must have `status` and the one error shape."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"], body
    return body["error"]


def test_articles_page_through_everything_once_by_the_next_link(client):
    seen, path = [], "/api/articles?limit=2"
    while path:
        body = ok(client.get(path))
        assert len(body["items"]) <= 2
        seen += [a["id"] for a in body["items"]]
        path = body["next"]
        assert (path is None) == (body["next_cursor"] is None)
        if path:
            assert "limit=2" in path and "cursor=" in path
    assert sorted(seen) == sorted(a.id for a in corpus())
    assert seen[0] == "w2"  # newest first


def test_articles_filtered_by_outlet_dates_and_entity(client):
    assert [a["id"] for a in ok(client.get("/api/articles", params={"outlet": "Tengri"}))["items"]] == ["kz-2"]
    got = ok(client.get("/api/articles", params={"since": "2026-03-01", "until": "2026-05-20"}))["items"]
    assert sorted(a["id"] for a in got) == ["bridge", "w1"]
    about = ok(client.get("/api/articles", params={"entity": "Токаева"}))["items"]
    assert sorted(a["id"] for a in about) == ["kz-1", "kz-2"]


def test_one_article_is_the_stored_record(client):
    assert ok(client.get("/api/articles/kz-1")) == tokayev_article().to_json()
    assert error_of(client.get("/api/articles/no-such-article"), 404)["code"] == "not_found"


def test_search_finds_inflected_forms_with_highlighted_snippets(client):
    for q in ("переговоры", "переговорах"):
        ids = {a["id"] for a in ok(client.get("/api/search", params={"q": q}))["items"]}
        assert {"kz-1", "kz-2", "w1", "w2"} <= ids, q
    hits = ok(client.get("/api/search", params={"q": "Токаева"}))["items"]
    assert {a["id"] for a in hits} == {"kz-1", "kz-2"}
    snippet, marks = hits[0]["snippet"], hits[0]["highlights"]
    assert marks and all(snippet[m["start"]:m["stop"]].startswith("Токаев") for m in marks)
    only_tengri = ok(client.get("/api/search", params={"q": "Токаев", "outlet": "Tengri"}))["items"]
    assert [a["id"] for a in only_tengri] == ["kz-2"]


def test_quotes_by_speaker_outlet_kind_dates_and_words(client):
    def ids(**params) -> set[tuple[str, str]]:
        return {(q["article_id"], q["quote_id"]) for q in ok(client.get("/api/quotes", params=params))["items"]}

    everything = {("kz-1", "q1"), ("kz-1", "q2"), ("kz-2", "q1"), ("kz-2", "q2")}
    assert ids(speaker="Токаева") == everything
    assert ids(outlet="Tengri") == {("kz-2", "q1"), ("kz-2", "q2")}
    assert ids(kind="direct") == everything and ids(kind="indirect") == set()
    assert ids(since="2025-10-01") == {("kz-2", "q1"), ("kz-2", "q2")}
    assert ids(until="2025-09-30") == {("kz-1", "q1"), ("kz-1", "q2")}
    assert ids(q="напрямую") == {("kz-1", "q2"), ("kz-2", "q2")}
    assert ids(about="Украина") == {("kz-1", "q2"), ("kz-2", "q2")}
    assert ids(speaker="Белов") == set()
    hit = ok(client.get("/api/quotes", params={"q": "площадку", "outlet": "NUR.KZ"}))["items"][0]
    assert hit["text"] == "Казахстан готов предоставить площадку для переговоров"
    assert hit["speaker_name"] == "Касым-Жомарт Токаев" and hit["speaker_entity"]


def test_entities_list_and_one_entity_in_detail(client):
    people = ok(client.get("/api/entities", params={"type": "PER"}))["items"]
    assert {e["name"] for e in people} >= {"Касым-Жомарт Токаев", "Владимир Зеленский"}
    assert all(e["type"] == "PER" for e in people)
    (tokayev,) = ok(client.get("/api/entities", params={"q": "Токаев"}))["items"]
    detail = ok(client.get(f"/api/entities/{tokayev['id']}"))
    assert detail["entity"]["n_quotes"] == 4 and detail["entity"]["n_articles"] == 2
    assert "Касым-Жомарт Токаев" in {n["name"] for n in detail["names"]}
    assert [r["role"] for r in detail["roles"]] == ["президент Казахстана"]
    assert {(t["period"], t["n_quotes"]) for t in detail["timeline"]} == {("2025-09", 2), ("2025-10", 2)}
    assert len(detail["quotes"]) == 4 and detail["quotes"][0]["date"] == "2025-10-03"
    assert "Владимир Зеленский" in {c["entity"]["name"] for c in detail["co_occurring"]}
    by_name = ok(client.get("/api/entities/Токаева"))
    assert by_name["entity"]["id"] == tokayev["id"]
    assert error_of(client.get("/api/entities/Никтоневедомов"), 404)["code"] == "not_found"


def test_stories_group_near_duplicates(client):
    stories = ok(client.get("/api/stories"))["items"]
    assert sorted(s["outlets"] for s in stories) == [["NUR.KZ", "Tengri"], ["Озёрные новости", "Северный репортёр"]]
    wire = next(s for s in stories if "Озёрные новости" in s["outlets"])
    full = ok(client.get(f"/api/stories/{wire['id']}"))
    assert [a["id"] for a in full["articles"]] == ["w1", "w2"] and full["n_articles"] == 2
    assert len(ok(client.get("/api/stories", params={"min_articles": 1}))["items"]) == 4
    assert error_of(client.get("/api/stories/987654"), 404)["code"] == "not_found"


def test_events_by_type_and_participant(client):
    meetings = ok(client.get("/api/events", params={"type": "meeting"}))["items"]
    assert {(e["article_id"], e["trigger"]) for e in meetings} == {("kz-1", "встретился"), ("kz-2", "встретился")}
    assert ok(client.get("/api/events", params={"type": "protest"}))["items"] == []
    assert len(ok(client.get("/api/events", params={"entity": "Зеленский"}))["items"]) == 2
    assert ok(client.get("/api/event-types")) == [{"name": "meeting", "n": 2}]


def test_stats_say_what_the_database_holds(client):
    stats = ok(client.get("/api/stats"))
    assert stats["articles"] == 6 and stats["quotes"] == 4 and stats["stories"] == 2


BAD_READS = [
    ("/api/articles?limit=0", 400), ("/api/articles?limit=100000", 400), ("/api/articles?limit=abc", 400),
    ("/api/articles?cursor=not-a-cursor", 400), ("/api/articles?since=2025-13-45", 400),
    ("/api/articles?until=yesterday", 400), ("/api/articles?story=-1", 400), ("/api/articles?outlet=", 400),
    ("/api/search", 400), ("/api/search?q=", 400), ("/api/search?q=" + "я" * 400, 400),
    ("/api/quotes?kind=shouted", 400), ("/api/quotes?since=2025-02-30", 400), ("/api/entities?type=ANIMAL", 400),
    ("/api/stories/abc", 400), ("/api/stories?min_articles=0", 400), ("/api/entities/x?quotes=-1", 400),
    ("/api/quotes?cursor=" + "A" * 600, 400), ("/api/stories/99999999999999999999999", 400),
    ("/api/articles?story=99999999999999999999999", 400), ("/api/quotes?about=&about=x", 400),
    ("/api/quotes?" + "&".join(["about=x"] * 11), 400), ("/api/search?q=%00", 400), ("/api/articles/a%00b", 400),
    ("/api/quotes?speaker=%00", 400), ("/api/quotes?about=%00", 400), ("/api/events?entity=a%00", 400), ("/api/no-such-endpoint", 404), ("/api/articles/" + "x" * 300, 400),
]


@pytest.mark.parametrize("path,status", BAD_READS)
def test_bad_reads_get_a_clear_4xx_in_the_one_error_shape(client, path, status):
    error = error_of(client.get(path), status)
    assert len(error["message"]) < 500


def test_wrong_method_is_405_in_the_error_shape(client):
    assert error_of(client.delete("/api/articles/kz-1"), 405)["code"] == "method_not_allowed"
    assert error_of(client.get("/api/ingest"), 405)["code"] == "method_not_allowed"


INJECTIONS = ["' OR '1'='1", "\"; DROP TABLE articles; --", "переговоры) OR (1=1", "NEAR(a b)", "*", "%", "_",
              "токаев:*", "a & !b | c", "\\", "''", "ё'--", "<script>"]


@pytest.mark.parametrize("evil", INJECTIONS)
def test_injection_strings_in_every_filter_are_only_strings(client, evil):
    for path, params in [("/api/search", {"q": evil}), ("/api/articles", {"outlet": evil, "entity": evil}),
                         ("/api/quotes", {"speaker": evil, "about": evil, "outlet": evil, "q": evil}),
                         ("/api/entities", {"q": evil}), ("/api/events", {"type": evil[:50], "entity": evil})]:
        assert client.get(path, params=params).status_code == 200, (path, evil)
    for path in (f"/api/entities/{evil}", f"/api/articles/{evil}"):
        assert client.get(path).status_code in (200, 404)
    assert ok(client.get("/api/stats"))["articles"] == 6


def test_openapi_describes_every_endpoint(client):
    spec = ok(client.get("/openapi.json"))
    paths = set(spec["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/search", "/api/quotes", "/api/entities",
            "/api/entities/{entity_id}", "/api/stories", "/api/stories/{story_id}", "/api/events",
            "/api/event-types", "/api/stats", "/api/analyze", "/api/ingest"} <= paths
    quote_params = {p["name"] for p in spec["paths"]["/api/quotes"]["get"]["parameters"]}
    assert {"speaker", "about", "outlet", "kind", "since", "until", "q", "limit", "cursor"} <= quote_params


def test_article_ids_with_slashes_have_their_pages(client, filled_store):
    filled_store.put_article(plain_article("nur.kz/news/1", "В Астане открыли новую библиотеку для детей.",
                                           date="2026-06-01"))
    assert ok(client.get("/api/articles/nur.kz/news/1"))["id"] == "nur.kz/news/1"
    assert ok(client.get("/api/articles/nur.kz%2Fnews%2F1"))["id"] == "nur.kz/news/1"
    assert client.get("/articles/nur.kz%2Fnews%2F1", headers={"accept": "text/html"}).status_code == 200
