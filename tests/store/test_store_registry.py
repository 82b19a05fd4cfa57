"""The entity registry: the same person across articles, people kept apart, roles as dated aliases.

Every test runs on SQLite and on PostgreSQL (see conftest.py)."""

from __future__ import annotations

from letopis.store.registry import role_key
from tests.store.records import entity, mention, person_article


def ids(store, name: str) -> list[str]:
    return [e.id for e in store.find_entities(name)]


def test_a_surname_and_a_full_name_in_different_articles_are_one_person(store):
    store.put_article(person_article("a", "Токаев прибыл в Астану.", [("Токаев", "Токаев")], date="2025-01-01"))
    store.put_article(person_article("b", "Касым-Жомарт Токаев подписал указ.",
                                     [("Касым-Жомарт Токаев", "Касым-Жомарт Токаев")], date="2025-01-02"))
    store.put_article(person_article("c", "Указ подписал К. Токаев.", [("К. Токаев", "К. Токаев")]))
    (tokayev,) = store.find_entities("Токаев")
    assert tokayev.name == "Касым-Жомарт Токаев"
    assert (tokayev.n_articles, tokayev.first_seen, tokayev.last_seen) == (3, "2025-01-01", "2025-01-02")
    assert ids(store, "Касым-Жомарт Токаев") == ids(store, "Токаева") == [tokayev.id]
    assert store.stats().entities == 1


def test_people_with_the_same_surname_and_other_given_names_stay_apart(store):
    store.put_article(person_article("a", "Иван Петров открыл выставку.", [("Иван Петров", "Иван Петров")]))
    store.put_article(person_article("b", "Сергей Петров выиграл турнир.", [("Сергей Петров", "Сергей Петров")]))
    ivan, sergey = ids(store, "Иван Петров"), ids(store, "Сергей Петров")
    assert len(ivan) == len(sergey) == 1 and ivan != sergey
    # a lone surname now fits both: it is kept apart from either, in an entity of its own
    store.put_article(person_article("c", "Петров не ответил на звонок.", [("Петров", "Петров")]))
    store.put_article(person_article("d", "Петров позже перезвонил.", [("Петров", "Петров")]))
    lone = [e for e in store.find_entities("Петров") if e.name == "Петров"]
    assert len(lone) == 1 and lone[0].n_articles == 2
    assert lone[0].id not in ivan + sergey
    assert store.stats().entities == 3


def test_a_shared_role_decides_between_people_with_one_surname(store):
    store.put_article(person_article("a", "Мэр Зареченска Ольга Кравец открыла мост.",
                                     [("Ольга Кравец", "Ольга Кравец")], date="2026-03-12",
                                     roles={"Ольга Кравец": ["мэр Зареченска"]}))
    store.put_article(person_article("b", "Тренер Игорь Кравец покинул клуб.", [("Игорь Кравец", "Игорь Кравец")],
                                     date="2026-03-13", roles={"Игорь Кравец": ["тренер"]}))
    store.put_article(person_article("c", "Глава Зареченска Кравец подписала смету.", [("Кравец", "Кравец")],
                                     date="2026-04-01", roles={"Кравец": ["глава Зареченска"]}))
    olga = store.find_entities("Ольга Кравец")[0]
    assert olga.n_articles == 2


def test_organisations_and_places_match_by_name_in_any_case(store):
    text_a = "Делегация прибыла в Казахстан. МИД России выступил с заявлением."
    text_b = "В Казахстане прошли выборы. МИД России прокомментировал их итоги."
    a = person_article("a", text_a, [])
    a.entities = [entity("e1", "LOC", "Казахстан", [mention(text_a, "Казахстан")]),
                  entity("e2", "ORG", "МИД России", [mention(text_a, "МИД России")])]
    b = person_article("b", text_b, [])
    b.entities = [entity("e1", "ORG", "Казахстан", [mention(text_b, "Казахстане")]),
                  entity("e2", "ORG", "МИД России", [mention(text_b, "МИД России")])]
    store.put_article(a)
    store.put_article(b)
    assert store.stats().entities == 2
    (kz,) = store.find_entities("Казахстане")
    assert (kz.type, kz.n_articles) == ("LOC", 2)


def test_ids_are_stable_while_names_grow(store):
    store.put_article(person_article("a", "Белов провёл совещание.", [("Белов", "Белов")]))
    first = ids(store, "Белов")
    store.put_article(person_article("b", "Аркадий Белов открыл форум.", [("Аркадий Белов", "Аркадий Белов")]))
    assert ids(store, "Аркадий Белов") == first
    assert store.entity(first[0]).entity.name == "Аркадий Белов"


def test_entities_are_listed_most_written_about_first_with_pages(store):
    for i in range(4):
        people = [("Аркадий Белов", "Аркадий Белов")] + ([("Марина Соколова", "Марина Соколова")] if i < 2 else [])
        store.put_article(person_article(f"a{i}", f"Аркадий Белов и Марина Соколова, встреча {i}.", people))
    store.put_article(person_article("x", "Игорь Лаптев выступил.", [("Игорь Лаптев", "Игорь Лаптев")]))
    first = store.entities(limit=2)
    assert [(e.name, e.n_articles) for e in first.items] == [("Аркадий Белов", 4), ("Марина Соколова", 2)]
    rest = store.entities(limit=2, cursor=first.next_cursor)
    assert [e.name for e in rest.items] == ["Игорь Лаптев"] and rest.next_cursor is None
    assert [e.name for e in store.entities(query="соколовой").items] == ["Марина Соколова"]
    assert store.entities(type="ORG").items == []


def test_role_keys_treat_head_titles_alike_and_refuse_vague_roles():
    assert role_key("президент Казахстана") == role_key("глава Казахстана") == role_key("Президента Казахстана")
    assert role_key("губернатор Озёрной области") == role_key("глава Озерной области")
    assert role_key("министр экономики") != role_key("глава экономики")
    assert role_key("пресс-секретарь Путина") is not None
    for vague in ("глава государства", "президент страны", "министр", "просто человек", ""):
        assert role_key(vague) is None, vague


def test_a_lone_surname_goes_to_the_person_whose_surname_is_written_so(store):
    store.put_article(person_article("a", "Владимир Путин провёл совещание.", [("Владимир Путин", "Владимир Путин")]))
    store.put_article(person_article("b", "Людмила Путина посетила школу.", [("Людмила Путина", "Людмила Путина")]))
    store.put_article(person_article("c", "Путин заявил о важном.", [("Путин", "Путин")]))
    store.put_article(person_article("d", "Путина открыла выставку.", [("Путина", "Путина")]))
    counts = {e.name: e.n_articles for e in store.entities().items}
    assert counts == {"Владимир Путин": 2, "Людмила Путина": 2}


def test_whole_given_names_are_preferred_to_initials(store):
    store.put_article(person_article("a", "В. В. Путин провёл совещание.", [("В. В. Путин", "В. В. Путин")]))
    store.put_article(person_article("b", "Владимир Путин открыл форум.", [("Владимир Путин", "Владимир Путин")]))
    store.put_article(person_article("c", "В.В. Путин выступил.", [("В.В. Путин", "В.В. Путин")]))
    (putin,) = store.entities().items
    assert (putin.name, putin.n_articles) == ("Владимир Путин", 3)
