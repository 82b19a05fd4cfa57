"""Which person a name in an article belongs to, among the people already named in it.

Used by the entities stage (`entities.group_names`) while it groups name mentions. A name joins a person
when its surname is theirs and no given name clashes; `Токаева` joins `Касым-Жомарт Токаев`, `В. Путин`
joins `Владимир Путин`. See `find_person` for the finer points. The gender a name shows (`shown_gender`)
serves the events' and the quotes' pronouns too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from letopis.analysis import lexicon
from letopis.analysis.morph_guard import morph_vocab
from letopis.model import Mention

if TYPE_CHECKING:
    from letopis.analysis.document import Doc

WOMAN_A_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын")  # `Иванов` → `Иванова`, `Путин` → `Путина`
PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична)$")


class Person(Protocol):
    """What this module needs of a person being built (`entities.Group`)."""

    type: str
    mentions: list[Mention]

    @property
    def name(self) -> str: ...

    @property
    def surname(self) -> str: ...


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def find_person(groups: Sequence[Person], name: str, start: int = -1,
                alone: frozenset[str] = frozenset()) -> Person | None:
    """The person group that `name` (mentioned at `start`) belongs to: same surname and no clash of given
    names; a lone surname two people share goes to the one named most often before it, then the one mentioned
    last. Between two full names, words agree up to a case ending (`Йенса Лемана` and `Йенс Леман`: the
    model's nominative is sometimes wrong for foreign names); a lone surname that agrees with no one exactly
    does so with the one full name whose surname it matches up to a case ending, unless the two are a woman's
    and a man's form (`Спейся` joins `Кевин Спейси`; `Иванова` does not join `Пётр Иванов`). A name of two
    words or more that agrees with no one's surname belongs to the one longer name that starts with its words
    (`Ахмад Шах` and `Ахмад Шах Масуд`). Given names alone
    (`Егор`, `Борис Николаевич`, `Юра` for `Юрий`: lexicon/given_name_diminutives.txt) belong to the one
    person whose name starts with them, if there is one, or of several, to the one named more often than any
    other before them; a given name and a patronymic (`Дмитрий Анатольевич`)
    to the one person of that given name whose full name shows no other patronymic, unless the article names
    someone by that word alone (`alone`, folded lone names): `Юрий Григорович` is a full name where `Сам
    Григорович` follows, for no one is called by a patronymic alone."""
    words = name.split()
    if not words:
        return None
    people = [g for g in groups if g.type == "PER"]
    surname = fold(words[-1])
    given = words[:-1]
    if not is_patronymic(surname) or surname in alone:
        matches = [g for g in people if surname_agrees(surname, g, bool(given)) and given_names_agree(given, g.name)]
        if len(matches) == 1 or matches and given:
            return matches[0]
        if matches:
            return last_mentioned(matches, start)
        if len(words) > 1:  # `Ахмад Шахом` after `Ахмад Шах Масуд`: the leading words of one longer name
            longer = [g for g in people if len(g.name.split()) > len(words)
                      and all(same_given(fold(a), fold(b)) for a, b in zip(words, g.name.split(), strict=False))]
            return longer[0] if len(longer) == 1 else None
        near = [g for g in people if len(g.name.split()) > 1 and same_word(surname, g.surname)
                and not gender_pair(surname, g.surname)]
        if len(near) == 1:  # `Спейси` read as `Спейся`, `Рэппу` left undeclined: the one full name it is
            return near[0]
    starts = [g for g in people if len(g.name.split()) >= len(words)
              and all(same_given(fold(a), fold(b)) for a, b in zip(words, g.name.split(), strict=False))]
    if not starts and given_and_patronymic(name) and surname not in alone:
        # `Дмитрий Анатольевич` for `Дмитрий Медведев`: the given name agrees, and the patronymic does too
        # when the full name has one
        starts = [g for g in people if len(g.name.split()) >= 2 and same_given(fold(words[0]), fold(g.name.split()[0]))
                  and patronymic_agrees(surname, g.name)]
    if len(starts) > 1 and start >= 0:  # `Стивен` after `Стивен Фрай` was named twice, before `Стивен Вебб`
        counts = sorted(((sum(m.start < start for m in g.mentions), i) for i, g in enumerate(starts)), reverse=True)
        return starts[counts[0][1]] if counts[0][0] > counts[1][0] else None  # a tie: no one can tell
    return starts[0] if len(starts) == 1 else None


def known_by_given_name(people: Sequence[Person], name: str) -> list[Person]:
    """For a given name and a patronymic (`Сергей Семенович`), the people named by surname alone (or with an
    initial) whose given name and gender, by the list of public figures, are those (`Собянин` of `мэр Москвы
    Собянин`): the article trusts the reader to know them."""
    from letopis.analysis.public_figures import entry_for

    given, patronymic = (fold(w) for w in name.split())
    gender = "Fem" if patronymic.endswith(("вна", "чна")) else "Masc"
    out = []
    for g in people:
        words = g.name.split()
        if len(words) > 2 or len(words) == 2 and not words[0].endswith("."):
            continue
        figure = entry_for(g.name, gender)
        if figure is not None and figure.given and same_given(given, figure.given[0]):
            out.append(g)
    return out


@lru_cache(maxsize=50_000)
def given_and_patronymic(name: str) -> bool:
    """`Дмитрий Анатольевич`: a given name and a patronymic, no surname."""
    words = name.split()
    return len(words) == 2 and is_patronymic(fold(words[-1]))


def patronymic_agrees(patronymic: str, full: str) -> bool:
    """Whether a full name's patronymic, if it shows one, is this one (up to an ending)."""
    middle = [fold(w) for w in full.split()[1:-1] if PATRONYMIC.search(fold(w))]
    return not middle or any(same_word(patronymic, m) for m in middle)


def same_given(a: str, b: str) -> bool:
    """`егора` and `егор` (up to an ending), `юра` and `юрий`, `юры` and `юрий` (an everyday form)."""
    if same_word(a, b):
        return True
    diminutives = lexicon.table("given_name_diminutives")
    return any(b in diminutives.get(form, "").split("|") for form in (a, a[:-1] + "а", a[:-1] + "я"))


@lru_cache(maxsize=50_000)
def given_name_gender(word: str) -> str | None:
    """`Masc` or `Fem` for a word the dictionary knows as a given name of one gender only (`Елену`, `Юрий`);
    None for any other (`Саша`, `Валентину`, a surname)."""
    from letopis.analysis.linguistic import models

    genders = {g for f in models().morph_vocab(fold(word)) if f.is_known and "Name" in f.tag.grammemes
               for g in ("masc", "femn") if g in f.tag.grammemes}
    return {"masc": "Masc", "femn": "Fem"}.get(genders.pop()) if len(genders) == 1 else None


LITHUANIAN_WOMAN = ("айте", "ене", "уте", "юте")  # a married or unmarried woman's Lithuanian surname, undeclined


def shown_gender(doc: Doc, span: range) -> str | None:
    """The gender a name shows: its given name's, when the dictionary knows that word as a name of one gender
    (`Елену Исинбаеву`, the surname read as a man's), else a woman's where the surname ends as a Lithuanian
    woman's does (`Далей Грибаускайте`, whose given name the dictionary lacks), else its last word's."""
    for k in span[:-1]:
        gender = given_name_gender(doc.tokens[k].text)
        if gender:
            return gender
    last = doc.tokens[span[-1]].text.lower()
    if len(last) >= 7 and last.endswith(LITHUANIAN_WOMAN):
        return "Fem"
    return doc.tokens[span[-1]].feats.get("Gender")


def given_name_first(name: str) -> str:
    """A full name written surname first, as a reference note or an official list writes it (`Зюганов Геннадий
    Андреевич`), in the order the article's other mentions use (`Геннадий Андреевич Зюганов`), so that `Зюганов`
    and `Геннадий Зюганов` find it: three words, the last a patronymic, the second a given name of the
    patronymic's gender. Any other name is returned as it is."""
    from letopis.analysis.linguistic import models

    words = name.split()
    if len(words) != 3 or not is_patronymic(fold(words[2])) or is_patronymic(fold(words[1])):
        return name
    gender = "femn" if fold(words[2]).endswith(("вна", "чна")) else "masc"
    given = any(f.is_known and {"Name", gender, "sing", "nomn"} <= f.tag.grammemes for f in models().morph_vocab(fold(words[1])))
    return f"{words[1]} {words[2]} {words[0]}" if given else name


def is_patronymic(word: str) -> bool:
    """`николаевич`, `ивановна` (the dictionary says so; `янукович` is a surname)."""
    from letopis.analysis.linguistic import models

    return bool(PATRONYMIC.search(word)) and any("Patr" in f.tag for f in models().morph_vocab(word))


def last_mentioned(candidates: Sequence[Person], start: int) -> Person:
    """The candidate named most often before `start`, of those the last mentioned (`Дмитрий Рогозин` twice,
    then `сын генерал-лейтенанта Олега Рогозина`: a later `Рогозин` is still the son); if none was mentioned,
    the first mentioned."""
    def weight(g: Person) -> tuple[int, int]:  # (mentions before `start`, the last of them)
        before = [m.start for m in g.mentions if m.start < start]
        return len(before), max(before, default=-1)
    best = max(candidates, key=weight)
    if weight(best)[1] >= 0:
        return best
    return min(candidates, key=lambda g: min(m.start for m in g.mentions))


def surname_agrees(surname: str, g: Person, fuzzy: bool) -> bool:
    """`fuzzy` (between full names): up to a case ending, or a spelling that differs in one letter of a
    longer surname (`Камерон`, `Кэмерон`); else exactly."""
    if g.surname == surname:
        return True
    return fuzzy and len(g.name.split()) > 1 and (
        same_word(surname, g.surname) or min(len(surname), len(g.surname)) >= 6 and one_letter_apart(surname, g.surname))


def one_letter_apart(a: str, b: str) -> bool:
    """One letter replaced (`камерон`, `кэмерон`), not added or dropped."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def gender_pair(a: str, b: str) -> bool:
    """`иванова` and `иванов`, `тихая` and `тихий`: a woman's and a man's form of one surname, most often
    two people of one family. Only a Russian surname has them: `Митчелла` is the genitive of `Митчелл`."""
    def one_way(man: str, woman: str) -> bool:
        return woman == man + "а" and man.endswith(WOMAN_A_SUFFIXES) or \
            man[-2:] in ("ий", "ой", "ый") and woman[-2:] == "ая" and man[:-2] == woman[:-2]
    return one_way(a, b) or one_way(b, a)


def same_word(a: str, b: str) -> bool:
    """Two folded words that differ at most in a short ending (`йенс`, `йенса`; `раймон`, `раймонд`)."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 3 and common >= max(len(a), len(b)) - 2


def given_names_agree(given: list[str], full: str) -> bool:
    """`В.` agrees with `Владимир`; `Владимир` with `Владимир`; no given names agree with any."""
    other = full.split()[:-1]
    for a, b in zip(given, other, strict=False):
        a, b = fold(a), fold(b)
        if a.endswith(".") or b.endswith("."):
            if a[0] != b[0]:
                return False
        elif not same_word(a, b):
            return False
    return True


@lru_cache(maxsize=20_000)
def undeclined_name(word: str) -> bool:
    """Whether the dictionary knows `word` as a name that does not decline (`Лукашенко`, `Саркози`, `Шойгу`), so
    that the tagger's nominative may be any case."""
    return any(f.tag.POS == "NOUN" and {"Surn", "Name"} & f.tag.grammemes and "Fixd" in f.tag.grammemes
               for f in morph_vocab()(word.lower()))


@lru_cache(maxsize=20_000)
def oblique_only(word: str) -> str | None:
    """`Dat` or `Acc` when the dictionary reads `word` as a name in that case and never as a nominative
    (`Фортову`), for a name the tagger took for a subject; else None (also for a word it knows as no name)."""
    forms = [f for f in morph_vocab()(word.lower()) if f.tag.POS == "NOUN" and {"Surn", "Name"} & f.tag.grammemes
             and f.tag.number == "sing"]  # not `Шнуров`, a genitive plural to the dictionary
    cases = {f.tag.case for f in forms}
    if not forms or "nomn" in cases:
        return None
    # `Фортову` is a man's dative or a woman's accusative: the dative, a man's surname being the likelier
    return "Dat" if "datv" in cases else "Acc" if cases <= {"accs", "gent"} else None
