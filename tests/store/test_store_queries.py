"""Questions to the store: full-text search, statements with filters, pagination, stories, events, sources.

Every test runs on SQLite and on PostgreSQL (see conftest.py)."""

from __future__ import annotations

import pytest

from letopis.errors import StoreError
from letopis.store import QuoteFilter
from tests.store.records import entity, mention, plain_article, quote, speaker, tokayev_article

INJECTIONS = ["' OR '1'='1", "\"; DROP TABLE articles; --", "переговоры) OR (1=1", "NEAR(a b)", "*", "%", "_",
              "токаев:*", "a & !b | c", "\\", "''", "ё'--"]


def test_search_matches_inflected_forms_and_folds_yo(store):
    store.put_article(tokayev_article())
    store.put_article(plain_article("tree", "В Новогорске поставили главную ёлку города.", date="2025-12-20"))
    for query in ("переговоры", "переговорах", "ПЕРЕГОВОРОВ", "Токаева", "Токаев", "токаеву", "Акорда"):
        assert [a.id for a in store.search(query).items] == ["kz-1"], query
    for query in ("елка", "ёлки", "Елкой"):
        assert [a.id for a in store.search(query).items] == ["tree"], query
    assert store.search("переговоры ёлка").items == []  # every word must occur
    store.put_article(plain_article("ivanov", "Сегодня Олег Иванов возглавил комиссию в Казахстане."))
    assert {a.id for a in store.search("Казахстан").items} == {"kz-1", "ivanov"}
    assert {a.id for a in store.search("Казахстане").items} == {"kz-1", "ivanov"}
    assert [a.id for a in store.search("Иванова").items] == ["ivanov"]
    assert store.search("Иван").items == []  # a first name does not find the surname built on it
    assert store.search("  ...  ").items == []


def test_search_gives_a_snippet_with_the_matches_highlighted(store):
    store.put_article(tokayev_article())
    (hit,) = store.search("переговорах Зеленский").items
    marked = [hit.snippet[h.start:h.stop] for h in hit.highlights]
    assert "Зеленским" in marked and any(m.startswith("переговор") for m in marked)
    assert all(hit.snippet[h.start:h.stop].lower().startswith(("переговор", "зеленск")) for h in hit.highlights)
    assert hit.title == "Токаев о переговорах"


@pytest.mark.parametrize("query", INJECTIONS)
def test_search_and_filters_take_any_string_safely(store, query):
    store.put_article(tokayev_article())
    store.search(query)
    store.quotes(QuoteFilter(speaker=query, about=[query], outlet=query, kind=query, query=query))
    store.list_articles(outlet=query, entity=query)
    store.entities(query=query)
    store.find_entities(query)
    store.entity(query)
    store.events(type=query, entity=query)
    store.citations(query)
    assert store.stats().articles == 1


def test_quotes_by_speaker_in_any_form_and_by_what_they_are_about(store):
    store.put_article(tokayev_article())
    for name in ("Токаев", "Токаева", "Касым-Жомарт Токаев"):
        hits = store.quotes(QuoteFilter(speaker=name)).items
        assert {q.quote_id for q in hits} == {"q1", "q2"}, name
        assert {q.speaker_name for q in hits} == {"Касым-Жомарт Токаев"}
    assert store.quotes(QuoteFilter(speaker="Зеленский")).items == []
    about_ukraine = store.quotes(QuoteFilter(about=["Украина"])).items
    assert [q.quote_id for q in about_ukraine] == ["q2"]
    both = store.quotes(QuoteFilter(about=["Россия", "Украине"])).items
    assert [q.quote_id for q in both] == ["q2"]
    assert store.quotes(QuoteFilter(about=["Казахстан"])).items[0].quote_id == "q1"
    assert store.quotes(QuoteFilter(about=["Никто Неизвестный"])).items == []


def test_quotes_filtered_by_outlet_kind_dates_and_text(store):
    store.put_article(tokayev_article())
    store.put_article(tokayev_article(id="kz-2", date="2025-10-02", outlet="Tengrinews", url=None)
                      , skip_same_text=False)
    everything = store.quotes().items
    assert [(q.article_id, q.quote_id) for q in everything] == [("kz-2", "q2"), ("kz-2", "q1"),
                                                              ("kz-1", "q2"), ("kz-1", "q1")]
    assert {q.article_id for q in store.quotes(QuoteFilter(outlet="tengrinews")).items} == {"kz-2"}
    assert {q.article_id for q in store.quotes(QuoteFilter(since="2025-10-01")).items} == {"kz-2"}
    assert {q.article_id for q in store.quotes(QuoteFilter(until="2025-09-30")).items} == {"kz-1"}
    assert store.quotes(QuoteFilter(kind="indirect")).items == []
    hits = store.quotes(QuoteFilter(query="площадкой", speaker="Токаев")).items
    assert {(q.article_id, q.quote_id) for q in hits} == {("kz-1", "q1"), ("kz-2", "q1")}
    assert hits[0].text[hits[0].highlights[0].start:hits[0].highlights[0].stop] == "площадку"


def test_pages_follow_the_cursor_through_everything_once(store):
    for i in range(7):
        store.put_article(plain_article(f"a{i}", f"Заметка номер {i} о строительстве моста через реку {i}.",
                                        date=f"2025-01-0{i % 3 + 1}", outlet="Вестник"))
    store.put_article(plain_article("undated", "Заметка без даты о строительстве моста через реку."))
    seen, cursor = [], None
    while True:
        page = store.list_articles(limit=3, cursor=cursor)
        seen += [a.id for a in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == sorted([f"a{i}" for i in range(7)] + ["undated"])
    assert seen[-1] == "undated" and seen[0] in ("a2", "a5")
    found, cursor = [], None
    while True:
        page = store.search("мостом", limit=2, cursor=cursor)
        found += [a.id for a in page.items]
        if not (cursor := page.next_cursor):
            break
    assert sorted(found) == sorted(seen)
    with pytest.raises(StoreError, match="cursor"):
        store.list_articles(cursor="garbage!")
    with pytest.raises(StoreError, match="limit"):
        store.list_articles(limit=0)


def test_list_articles_by_outlet_dates_story_and_entity(store):
    store.put_article(tokayev_article())
    store.put_article(plain_article("w", "Погода в Москве будет тёплой всю неделю.", date="2025-09-01",
                                    outlet="Погода.ру"))
    assert [a.id for a in store.list_articles(outlet="погода.ру").items] == ["w"]
    assert [a.id for a in store.list_articles(since="2025-09-10").items] == ["kz-1"]
    assert [a.id for a in store.list_articles(entity="Зеленский").items] == ["kz-1"]
    story = store.list_articles(outlet="NUR.KZ").items[0].story_id
    assert [a.id for a in store.list_articles(story_id=story).items] == ["kz-1"]


def test_near_duplicates_form_one_story(store):
    wire = ("Министр экономики Северной Республики Аркадий Белов провёл переговоры с губернатором Озёрной области "
            "Мариной Соколовой на полях инвестиционного форума. Стороны обсудили строительство завода и дорог, "
            "а также условия для инвесторов из соседних регионов.")
    store.put_article(plain_article("w1", "НОВОГОРСК, 20 мая. " + wire, date="2026-05-20", outlet="Северный репортёр"))
    store.put_article(plain_article("w2", wire + " Следующий форум пройдёт в Озёрске.", date="2026-05-21",
                                    outlet="Озёрные новости"))
    store.put_article(plain_article("x", "В Зареченске открыли новый мост через реку Вязьму, строительство "
                                         "которого обошлось городу в миллиард рублей и заняло три года.",
                                    date="2026-03-12", outlet="Заречный вестник"))
    (story,) = store.stories().items
    assert story.n_articles == 2
    assert story.outlets == ["Озёрные новости", "Северный репортёр"]
    assert (story.first_date, story.last_date) == ("2026-05-20", "2026-05-21")
    full = store.story(story.id)
    assert [a.id for a in full.articles] == ["w1", "w2"]
    assert len(store.stories(min_articles=1).items) == 2
    assert store.story(987654) is None


def test_events_by_type_and_participant(store):
    store.put_article(tokayev_article())
    (ev,) = store.events(type="meeting").items
    assert (ev.actors, ev.targets, ev.article_id, ev.trigger) == (["Касым-Жомарт Токаев"], ["Владимир Зеленский"],
                                                                  "kz-1", "встретился")
    assert len(ev.entity_ids) == 2
    assert [e.event_id for e in store.events(entity="Зеленского").items] == ["v1"]
    assert store.events(type="election").items == []
    assert [(t.name, t.n) for t in store.event_types()] == [("meeting", 1)]


def test_which_outlets_cite_a_source(store):
    store.put_article(tokayev_article())
    store.put_article(tokayev_article(id="kz-2", outlet="Tengrinews", url=None), skip_same_text=False)
    store.put_article(plain_article("m", "Минобороны сообщило об учениях.", outlet="ТАСС", via=["Минобороны"]))
    cites = store.citations("Акорды")
    assert sorted((c.outlet, c.via, c.n_articles) for c in cites) == [("NUR.KZ", "Акорда", 1),
                                                                       ("Tengrinews", "Акорда", 1)]
    assert len(store.citations()) == 3


def test_a_role_only_speaker_is_the_person_who_held_the_role(store):
    store.put_article(tokayev_article())
    text = "«Мы открыты для диалога», — заявил глава Казахстана на брифинге."
    later = plain_article("kz-later", text, date="2025-11-01", outlet="Казинформ")
    later.quotes = [quote(text, "q1", "Мы открыты для диалога", "заявил", "заявить",
                          speaker(text, "глава Казахстана", "PER", "глава Казахстана", None))]
    store.put_article(later)
    (hit,) = store.quotes(QuoteFilter(speaker="Токаев", since="2025-10-01")).items
    assert hit.article_id == "kz-later"
    assert hit.speaker_entity == store.find_entities("Токаев")[0].id
    earlier = plain_article("kz-earlier", text.replace("диалога", "переговоров"), date="2025-01-01")
    earlier.quotes = [quote(earlier.text, "q1", "Мы открыты для переговоров", "заявил", "заявить",
                            speaker(earlier.text, "глава Казахстана", "PER", "глава Казахстана", None))]
    store.put_article(earlier)  # before the role was ever seen: not resolved
    assert store.quotes(QuoteFilter(speaker="Токаев", until="2025-06-01")).items == []


def test_entity_detail_has_names_roles_timeline_statements_and_company(store):
    store.put_article(tokayev_article())
    text = "Токаев провёл переговоры с Зеленским в Нью-Йорке."
    second = plain_article("kz-ny", text, date="2025-10-05", outlet="Tengrinews")
    second.entities = [entity("e1", "PER", "Токаев", [mention(text, "Токаев")]),
                       entity("e2", "PER", "Зеленский", [mention(text, "Зеленским")]),
                       entity("e3", "LOC", "Нью-Йорк", [mention(text, "Нью-Йорке")])]
    store.put_article(second)
    detail = store.entity("Токаева")
    assert detail.entity.name == "Касым-Жомарт Токаев"
    assert (detail.entity.n_articles, detail.entity.n_quotes) == (2, 2)
    assert {n.name for n in detail.names} == {"Касым-Жомарт Токаев", "Токаев"}
    assert [(r.role, r.first_seen) for r in detail.roles] == [("президент Казахстана", "2025-09-24")]
    assert [(t.period, t.n_articles, t.n_quotes) for t in detail.timeline] == [("2025-09", 1, 2), ("2025-10", 1, 0)]
    assert [q.quote_id for q in detail.quotes] == ["q2", "q1"]
    company = {c.entity.name: c.n_articles for c in detail.co_occurring}
    assert company["Владимир Зеленский"] == 2 and company["Нью-Йорк"] == 1
    assert store.entity(detail.entity.id).entity == detail.entity
    assert store.entity("Никто") is None


def test_quote_facets_count_all_matches(store):
    store.put_article(tokayev_article())
    store.put_article(tokayev_article(id="kz-2", date="2025-10-02", outlet="Tengrinews", url=None),
                      skip_same_text=False)
    facets = store.quote_facets()
    assert [(x.name, x.n) for x in facets.speakers] == [("Касым-Жомарт Токаев", 4)]
    assert [(x.name, x.n) for x in facets.outlets] == [("NUR.KZ", 2), ("Tengrinews", 2)]
    assert [(x.name, x.n) for x in facets.months] == [("2025-09", 2), ("2025-10", 2)]
    assert [(x.name, x.n) for x in facets.kinds] == [("direct", 4)]
    narrow = store.quote_facets(QuoteFilter(query="площадку", outlet="Tengrinews"))
    assert [(x.name, x.n) for x in narrow.outlets] == [("Tengrinews", 1)]
    assert store.quote_facets(QuoteFilter(query="...")).speakers == []


def test_article_entities_map_local_ids_to_corpus_ids_and_lists_have_a_lead(store):
    store.put_article(tokayev_article())
    links = store.article_entities("kz-1")
    assert set(links) == {"e1", "e2", "e3", "e4", "e5", "e6"}
    assert links["e1"] == store.find_entities("Токаев")[0].id
    assert store.article_entities("nope") == {}
    (item,) = store.list_articles().items
    assert item.snippet.startswith("Президент Казахстана Касым-Жомарт Токаев") and len(item.snippet) <= 160


def test_malformed_questions_raise_query_errors(store):
    from letopis.errors import QueryError

    with pytest.raises(QueryError):
        store.quotes(cursor="bm90IGEgY3Vyc29y")
    with pytest.raises(QueryError):
        store.entities(limit=-1)


def test_one_store_answers_many_threads_at_once(store):
    from concurrent.futures import ThreadPoolExecutor

    from letopis.store import text

    store.put_article(tokayev_article())
    text.stem.cache_clear()
    text.word_terms.cache_clear()
    text.lemmas.cache_clear()
    words = ["переговорах", "Токаева", "Украиной", "площадкой", "напрямую", "Зеленским", "Казахстане", "Акорду"]

    def ask(i: int) -> tuple[int, int]:
        w = words[i % len(words)]
        return len(store.search(w).items), len(store.quotes(QuoteFilter(query=w)).items)

    with ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(ask, range(200)))
    assert all(n_articles == 1 for n_articles, _ in answers)
    assert answers[:len(words)] == answers[len(words):2 * len(words)]
