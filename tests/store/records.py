"""Small hand-made records for store tests: offsets computed from the text, so each one reads as Russian."""

from __future__ import annotations

from letopis.model import Article, Attribution, Cue, Entity, Event, Mention, Quote, Span, Speaker


def find(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of `part` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def mention(text: str, part: str, kind: str = "name", nth: int = 0) -> Mention:
    return Mention(*find(text, part, nth), part, kind)


def entity(local_id: str, type: str, name: str, mentions: list[Mention], roles: list[str] | None = None) -> Entity:
    return Entity(local_id, type, name, list(roles or []), mentions)


def quote(text: str, local_id: str, content: str, cue: str, lemma: str, who: Speaker | None,
          kind: str = "direct") -> Quote:
    return Quote(local_id, kind, Span(*find(text, content), content), Cue(*find(text, cue), cue, lemma), who)


def speaker(text: str, name: str, type: str, said: str, entity_id: str | None, nth: int = 0) -> Speaker:
    s, e = find(text, said, nth)
    return Speaker(name, type, entity_id, s, e, said)


def tokayev_article(id: str = "kz-1", date: str = "2025-09-24", outlet: str = "NUR.KZ",
                    url: str | None = "https://example.kz/news/1") -> Article:
    """Токаев on negotiations: two statements, his role in an apposition, a meeting, a cited source."""
    text = ("Президент Казахстана Касым-Жомарт Токаев высказался о переговорах между Россией и Украиной, "
            "передает NUR.KZ со ссылкой на Акорду. «Казахстан готов предоставить площадку для переговоров», "
            "— заявил Токаев. Он также встретился с Владимиром Зеленским. «Россия и Украина должны говорить "
            "напрямую», — считает Токаев.")
    ents = [
        entity("e1", "PER", "Касым-Жомарт Токаев",
               [mention(text, "Президент Казахстана", "role"), mention(text, "Касым-Жомарт Токаев"),
                mention(text, "Токаев", nth=1), mention(text, "Он", "pronoun"), mention(text, "Токаев", nth=2)],
               roles=["президент Казахстана"]),
        entity("e2", "LOC", "Россия", [mention(text, "Россией"), mention(text, "Россия")]),
        entity("e3", "LOC", "Украина", [mention(text, "Украиной"), mention(text, "Украина")]),
        entity("e4", "ORG", "Акорда", [mention(text, "Акорду")]),
        entity("e5", "LOC", "Казахстан", [mention(text, "Казахстан", nth=1)]),
        entity("e6", "PER", "Владимир Зеленский", [mention(text, "Владимиром Зеленским")]),
    ]
    q1 = quote(text, "q1", "Казахстан готов предоставить площадку для переговоров", "заявил", "заявить",
               speaker(text, "Касым-Жомарт Токаев", "PER", "Токаев", "e1", nth=1))
    q2 = quote(text, "q2", "Россия и Украина должны говорить напрямую", "считает", "считать",
               speaker(text, "Касым-Жомарт Токаев", "PER", "Токаев", "e1", nth=2), kind="direct")
    meeting = Event("v1", "meeting", Cue(*find(text, "встретился"), "встретился", "встретиться"),
                    find(text, "Он также встретился с Владимиром Зеленским."), actors=["e1"], targets=["e6"],
                    date=date)
    return Article(text=text, id=id, date=date, outlet=outlet, url=url, title="Токаев о переговорах",
                   entities=ents, quotes=[q1, q2], events=[meeting], attribution=Attribution(outlet, ["Акорда"]))


def person_article(id: str, text: str, people: list[tuple[str, str]], date: str | None = None,
                   outlet: str | None = None, roles: dict[str, list[str]] | None = None) -> Article:
    """An article whose people are (canonical name, text of their one mention)."""
    ents = [entity(f"e{i}", "PER", name, [mention(text, said)], (roles or {}).get(name))
            for i, (name, said) in enumerate(people, 1)]
    return Article(text=text, id=id, date=date, outlet=outlet, entities=ents, attribution=Attribution(outlet, []))


def plain_article(id: str, text: str, date: str | None = None, outlet: str | None = None, url: str | None = None,
                  via: list[str] | None = None) -> Article:
    """An article with no analysis in it beyond its sources."""
    return Article(text=text, id=id, date=date, outlet=outlet, url=url, attribution=Attribution(outlet, via or []))
