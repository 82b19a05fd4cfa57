"""Titles that name a person of the article without a name: `встретился с президентом Франции` means the
person the article calls `президент Франции` elsewhere (the entities stage keeps each person's roles, and
the posts it knows people held: `public_figures`);
`встреча президентов России и США` means two of them.

A title with a complement names the one person whose role has that title and that complement (a head-of
title, any head-of title of just that complement: `лидер Германии` is the `канцлер Германии`); a bare title
(`премьер`) names the one person of the article with that title; two candidates or none name nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from letopis.analysis import lexicon
from letopis.analysis.document import Doc
from letopis.analysis.entities import FORMER, heads_fit
from letopis.analysis.nationality import fits_country
from letopis.model import Entity


@dataclass(frozen=True, slots=True)
class Role:
    words: tuple[str, ...]  # the role in lower case, ё as е: ('президент', 'франции')
    person: Entity
    background: bool = False  # known from public_figures, not said by the article


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


def role_index(doc: Doc) -> list[Role]:
    """Each person's roles: the ones the article gives, and the background roles the entities stage found
    for people it names without them (`public_figures`)."""
    background = doc.layers.get("background_roles", {})
    return [Role(tuple(fold(r).split()), e, known) for e in doc.entities if e.type == "PER"
            for r, known in [*((r, False) for r in e.roles), *((r, True) for r in background.get(e.id, []))]]


def head_titles() -> set[str]:
    """The titles of one who heads something (`президент`, `глава`, `лидер`: `*` in lexicon/titles.txt)."""
    return {k for k, v in lexicon.table("titles").items() if v.startswith("*")}


def holders(roles: list[Role], title: str, complements: list[str], before: int | None = None) -> list[Entity]:
    """The people a title (its lemma) with the given complements (as written) names, one per complement. A
    bare title names someone mentioned before offset `before` (when given): `премьер` does not mean a
    premier the article comes to only later."""
    title = fold(title)
    with_title = [r for r in roles if title in r.words and not former(r.words)]
    if not complements:
        people = {r.person.id: r.person for r in with_title
                  if before is None or any(m.start < before for m in r.person.mentions)}
        return list(people.values()) if len(people) == 1 else []
    heads = head_titles()
    out = []
    for complement in complements:
        words = fold(complement).split()
        people = {r.person.id: r.person for r in with_title if all(w in r.words for w in words)}
        if not people and title in heads:  # `лидеров России и Германии`: the президент России, the канцлер
            people = {r.person.id: r.person for r in roles  # Германии (a head-of title of just that country)
                      if r.words and heads_fit(title, r.words[0]) and list(r.words[1:]) == words}
        if len(people) == 1:
            out.extend(p for p in people.values() if p not in out)
    return out


def former(words: tuple[str, ...]) -> bool:
    """A role held once (`бывший губернатор`, `экс-президент`): a title without `бывший` does not mean its holder."""
    return any(w in FORMER or w.startswith("экс-") for w in words)


NATIONAL_NOUNS = frozenset({"коллега", "гость", "гостья", "собеседник", "собеседница"})  # words for a person
# of any post, which an adjective of nationality ties to one (`с французским коллегой`, `китайский гость`)


def fits(person: Entity, title: str) -> bool:
    """Whether a person may bear a title (its lemma): they have no role, or one with that title, or a
    head-of title when the title is one (`глава` fits the `президент Татарстана`); `коллега`, `гость` and the
    other NATIONAL_NOUNS fit anyone."""
    if not person.roles or title in NATIONAL_NOUNS:
        return True
    title = fold(title)
    firsts = {fold(r).split()[0] for r in person.roles if r.strip()}
    return any(title in fold(r).split() for r in person.roles) or any(heads_fit(title, w) for w in firsts)


def all_holders(roles: list[Role], title: str, most: int = 4) -> list[Entity]:
    """The people of the article with a title (its lemma), for a plural title without a complement
    (`президенты встретились`): two to `most` of them; more, or fewer, name nobody."""
    title = fold(title)  # the article's own roles: everyone the reader knows to be a minister is too many
    people = {r.person.id: r.person for r in roles if title in r.words and not former(r.words) and not r.background}
    return list(people.values()) if 2 <= len(people) <= most else []


def of_nationality(roles: list[Role], title: str, adjective: str, avoid: set[str],
                   before: int | None = None) -> list[Entity]:
    """The one person of the article whose role is of the country an adjective names and whose title fits:
    `с британским премьером` → the `премьер-министр Великобритании`, `российский лидер` → the `президент
    России` (a head-of title fits any head-of title), `израильский лидер` → the `израильский
    премьер-министр`, `с французским коллегой` or `китайский гость` → the one person with a French or
    Chinese role besides those already in the event. Of two or more, the one named before offset `before`
    (when given), as the title points back (`американский гость` is the госсекретарь США of the paragraph
    before, not the посол США the next sentence names). Two candidates or none name nobody."""
    title = fold(title)

    def fits_title(word: str) -> bool:
        if title in NATIONAL_NOUNS:
            return True
        if word == title or word.startswith(title + "-"):
            return True
        return heads_fit(title, word) or heads_fit(title, word.split("-")[0])

    def role_fits(words: tuple[str, ...]) -> bool:
        """The role's title (its first word that is one: `израильский премьер-министр`) fits, and so does the
        country of its other words."""
        titles = lexicon.table("titles")
        at = next((k for k, w in enumerate(words) if w in titles or w.split("-")[0] in titles), 0)
        return fits_title(words[at]) and fits_country(adjective, words[:at] + words[at + 1:])

    people = {r.person.id: r.person for r in roles if r.words and r.person.id not in avoid and role_fits(r.words)}
    if len(people) > 1 and before is not None:
        people = {k: p for k, p in people.items() if any(m.start < before for m in p.mentions)}
    return list(people.values()) if len(people) == 1 else []


RUSSIAN_SURNAME = re.compile(r"(?:ов|ев|ин|ын|ский|цкий|ова|ева|ина|ына|ская|цкая)$")


def russian_surname(person: Entity) -> bool:
    """Whether a person's name ends in a Russian surname (`Дмитрий Медведев`, `Валентина Матвиенко` not)."""
    words = person.name.split()
    return bool(words) and bool(RUSSIAN_SURNAME.search(fold(words[-1])))


def surname_fits(person: Entity, russia: bool) -> bool:
    """Whether a person's surname agrees with a title's country: Russian for Russia, not Russian for any other."""
    return russian_surname(person) == russia


PLACE_ADJECTIVE = re.compile(r"(ск|цк)(ий|ая|ое|ие|ого|ой|ому|ом|им|их|ую|ими)$")


def placeless(role: str) -> bool:
    """Whether a role names no country, place or body: no word of it after the first is capitalised
    (`России`, `МИД`, `«Газпрома»`) or an adjective of a place (`российского`)."""
    return not any(w[:1].isupper() or not w[:1].isalpha() or PLACE_ADJECTIVE.search(fold(w)) for w in role.split()[1:])


def russian_without_role(entities: list[Entity], adjective: str, before: int, avoid: set[str]) -> list[Entity]:
    """`российский лидер`, `российский коллега` when the article gives no one a Russian role: the person named
    before with a given name and a Russian surname (`Дмитрий Медведев`) and no role of a place (none, or
    only ones like `заместитель министра иностранных дел`), the one such person or the one named most often;
    none when two are named as often."""
    if fold(adjective) != "российский":
        return []
    counts = []
    for e in entities:
        if e.type != "PER" or not all(placeless(r) for r in e.roles) or e.id in avoid or not russian_surname(e):
            continue
        earlier = sum(m.start < before for m in e.mentions)
        if earlier:
            counts.append((earlier, e))
    counts.sort(key=lambda c: -c[0])
    if len(counts) == 1 or len(counts) > 1 and counts[0][0] > counts[1][0]:
        return [counts[0][1]]
    return []
