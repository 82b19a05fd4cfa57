"""Who held which post when: the posts of well-known people, for titles an article uses without a name.

An article often names a person once without a title (`Ангела Меркель прибыла в Петербург`) and later calls
them by one (`канцлер провела беседу с ...`), trusting the reader to know who the German chancellor is. The
entities stage can tie such a title only to someone the article itself gives that role; this module lends it
the reader's knowledge: `lexicon/public_figures.txt` lists well-known people of Russian news with their
posts and years (`Меркель | Ангела | f | канцлер Германии 2005–2021`).

A person of the article is an entry when their surname is the entry's and the rest of their name, if the
article gives one, is the entry's given name (initials and patronymics aside; a spelling one letter apart
in a longer name: `Беньямин`, `Биньямин`); a surname alone that two
entries share is told apart by the person's gender, or not at all. Their posts are the ones held in the
article's year, when the article's date is known, else every post they held. Such a post is a *background
role*: it may name the person where the article uses the title, but it is not one of the roles the record
shows, since the article does not say it. A post that another person of the article holds, by the text or
by this list, names neither through this list.

The list also spells its people's names: where the normaliser misread a word of a known person's name (`Ким
Чен Ына` left in the genitive, `Модь` from `Моди`), the entity takes the list's spelling (`spelled_name`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import razdel

from letopis.analysis import lexicon
from letopis.analysis.normalize import inflect_nominative
from letopis.analysis.person_names import fold, one_letter_apart, same_word

if TYPE_CHECKING:
    from letopis.analysis.document import Doc
    from letopis.analysis.entities import Group

YEARS = re.compile(r"\s+(\d{4})–(\d{4})?$")
# a post's other everyday names, the words a text may use instead (`госсекретарь США` for the `государственный
# секретарь США`, `премьер-министр России` for the `председатель правительства России`)
OTHER_NAMES = (("государственный секретарь", "госсекретарь"), ("генеральный секретарь", "генсек"),
               ("председатель правительства", "премьер-министр"), ("премьер-министр", "председатель правительства"),
               ("заместитель председателя правительства", "вице-премьер"))


@dataclass(frozen=True, slots=True)
class Post:
    text: str  # as the list writes it: `канцлер Германии`
    key: tuple[str, str]  # (title lemma, complement in the nominative, folded): ('канцлер', 'германия')
    first: int  # years in office
    last: int | None  # None: still in office when the list was written


@dataclass(frozen=True, slots=True)
class Figure:
    surname: str  # folded, as the list writes it: `меркель`, `си`, `пан`
    given: tuple[str, ...]  # folded words of the given name: ('ангела',), ('ги', 'мун')
    gender: str  # `Masc` or `Fem`, as the tagger writes genders
    posts: tuple[Post, ...]
    spelling: tuple[tuple[str, str], ...] = ()  # each folded word of the name → as the list writes it

    def held_in(self, year: int | None) -> list[Post]:
        """The posts held in `year`; every post when the year is not known."""
        return [p for p in self.posts if year is None or p.first <= year <= (p.last or 9999)]

    def left_before(self, year: int | None) -> list[Post]:
        """The posts left before `year` (`мэр Москвы 1992–2010` in 2011); none when the year is not known."""
        return [p for p in self.posts if year is not None and p.last is not None and p.last < year]


@cache
def figures() -> dict[str, tuple[Figure, ...]]:
    """folded surname → the figures of that surname, from lexicon/public_figures.txt."""
    out: dict[str, tuple[Figure, ...]] = {}
    for line in lexicon.entries("public_figures"):
        figure = parse_line(line)
        out[figure.surname] = out.get(figure.surname, ()) + (figure,)
    return out


def parse_line(line: str) -> Figure:
    """One line of the list: `Фамилия | Имя | m or f | пост ГГГГ–ГГГГ; пост ГГГГ–`."""
    fields = [f.strip() for f in line.split("|")]
    if len(fields) != 4 or fields[2] not in ("m", "f") or not fields[0]:
        raise ValueError(f"public_figures.txt: {line!r}: expected `Фамилия | Имя | m or f | posts`")
    posts = []
    for text in filter(None, (p.strip() for p in fields[3].split(";"))):
        years = YEARS.search(text)
        if years is None:
            raise ValueError(f"public_figures.txt: {line!r}: post {text!r} lacks its years (`2005–2021`, `2012–`)")
        first, last = int(years.group(1)), int(years.group(2)) if years.group(2) else None
        for phrase in names_of_post(text[:years.start()]):
            key = post_key(phrase)
            if key is None:
                raise ValueError(f"public_figures.txt: {line!r}: post {phrase!r} has no title of lexicon/titles.txt")
            posts.append(Post(phrase, key, first, last))
    spelling = tuple((fold(w), w) for w in f"{fields[0]} {fields[1]}".split())
    return Figure(fold(fields[0]), tuple(fold(fields[1]).split()), "Masc" if fields[2] == "m" else "Fem", tuple(posts),
                  spelling)


def names_of_post(phrase: str) -> list[str]:
    """The post as the list writes it, then its other everyday names (OTHER_NAMES)."""
    out = [phrase]
    for name, other in OTHER_NAMES:
        if phrase.startswith(name + " "):
            out.append(other + phrase[len(name):])
    return out


COMPLEMENT_WORDS = 4  # at most, as the entities stage reads a title's genitive complement


def post_key(phrase: str) -> tuple[str, str] | None:
    """(title lemma, complement in the nominative, folded), as the entities stage keys a role phrase of a
    text: `министр иностранных дел России` → ('министр', 'иностранные дела россия'). The adjectives before
    the title are no part of it (`генеральный секретарь ООН` → ('секретарь', 'оон')), and the complement is
    the run of genitives after the title, up to COMPLEMENT_WORDS words (`уполномоченный по правам человека`
    → ('уполномоченный', ''), `сенатор США от штата Аризона` → ('сенатор', 'сша'))."""
    from letopis.analysis.morph_guard import morph_vocab

    titles = lexicon.table("titles")
    words = [t.text for t in razdel.tokenize(phrase)]
    vocab = morph_vocab()
    for i, word in enumerate(words):
        lemma = fold(vocab.parse(word.lower())[0].normal_form)
        if fold(word) in titles or lemma in titles:
            title = fold(word) if fold(word) in titles else lemma
            return title, " ".join(complement(words[i + 1:]))
    return None


def complement(words: list[str]) -> list[str]:
    """The nominatives of the genitives that open `words` (at most COMPLEMENT_WORDS, or a quoted name), each
    adjective agreeing with the noun after it (`Всемирного банка` → `всемирный банк`), abbreviations as they
    are (`ООН` → `оон`), and a capitalised name that goes on a genitive's (`Республики Алтай` → `республика
    алтай`); as the entities stage reads a title's complement."""
    if len(words) >= 3 and words[0] in "«\"":  # `«Лаборатории Касперского»`, `«Хезболлы»`
        close = next((k for k in range(2, len(words)) if words[k] in "»\""), None)
        if close is not None:
            return ["«", *nominatives(words[1:close]), "»"]
    run = []
    for word in words[:COMPLEMENT_WORDS]:
        if word.isupper() and word.replace("-", "").isalnum() or genitive(word) or run and named(word):
            run.append(word)
        else:
            break
    return nominatives(run)


def named(word: str) -> bool:
    """A capitalised noun in the nominative: the name a genitive goes on with (`Республики Алтай`)."""
    from letopis.analysis.morph_guard import morph_vocab

    first = morph_vocab().parse(word.lower())[0]
    return word[:1].isupper() and word.isalpha() and first.tag.POS == "NOUN" and "nomn" in first.tag.grammemes


def genitive(word: str):
    """The genitive readings of a word (a noun, an adjective or a participle), or []."""
    from letopis.analysis.morph_guard import morph_vocab

    if not word.replace("-", "").isalpha():
        return []
    parses = morph_vocab().parse(word.lower())
    if parses[0].tag.POS in ("PREP", "CONJ", "PRCL", "INTJ"):  # `по`, `и`, `при` have readings as nouns too
        return []
    return [p for p in parses if "gent" in p.tag.grammemes and p.tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR")]


def nominatives(words: list[str]) -> list[str]:
    readings = [genitive(w) or w for w in words]
    out = []
    for k, reading in enumerate(readings):
        if isinstance(reading, str):  # an abbreviation or a name in the nominative
            out.append(fold(reading))
            continue
        noun = next((r for r in readings[k:] if not isinstance(r, str) and r[0].tag.POS == "NOUN"), None)
        form = reading[0]
        if form.tag.POS != "NOUN" and noun is not None:  # an adjective agrees with its noun
            gender, number = noun[0].tag.gender, noun[0].tag.number
            form = next((p for p in reading if p.tag.number == number and (number == "plur" or p.tag.gender == gender)), form)
        out.append(fold(inflect_nominative(form) or form.word))  # as the entities stage inflects it
    return out


def entry_for(name: str, gender: str | None) -> Figure | None:
    """The figure a person's canonical name is, or None: the surname (its last word, or a word of a name
    written surname first: `Си Цзиньпин`, `Пан Ги Мун`) and any other words of the name must be the entry's;
    initials and patronymics are let through."""
    words = [fold(w) for w in name.split()]
    # a patronymic stands before the surname; a surname may end like one (`Янукович`, `Абрамович`)
    words = [w for k, w in enumerate(words) if not w.endswith(".") and len(w) > 1
             and not (k < len(words) - 1 and w.endswith(("вич", "вна", "чна")))] or words
    found = []
    for surname in dict.fromkeys(words):
        for f in figures().get(surname, ()):
            if all(w == f.surname or given_agrees(w, f.given) for w in words) and (gender is None or gender == f.gender):
                found.append(f)
    found = list(dict.fromkeys(found))
    return found[0] if len(found) == 1 else None


def spelled_name(name: str, gender: str | None, written: frozenset[str]) -> str | None:
    """The list's spelling of a person's name of two words or more that is an entry's name but for words the
    normaliser misread: a word no mention writes, that differs from the entry's only at its end (`Модь`, read
    from `Моди`), or a case form of the entry's (`Нарендру`) → `Нарендра Моди`. The article's order of the
    words stays (`Си Цзиньпин`), and so does its own spelling (`Линкявичус`, not the list's `Линкявичюс`).
    None when nothing is misread, when no one entry fits, or for a lone surname, whose ending may be a woman's
    (`Путина`). `written`: the folded words the person's mentions write."""
    words = name.split()
    if len(words) < 2 or entry_for(name, gender) is not None:
        return None
    found = {}
    for f in (f for fs in figures().values() for f in fs if gender in (None, f.gender)):
        if not any(same_word(fold(w), f.surname) for w in words):
            continue
        spelling = dict(f.spelling)
        out = []
        for w in words:
            mine = fold(w)
            if mine in spelling:  # a word as the list writes it stays as the article does
                out.append(w)
                continue
            theirs = next((k for k in spelling if case_form(mine, k) or mine not in written and same_word(mine, k)), None)
            out.append(spelling.get(theirs, ""))
        if all(out) and len(set(out)) == len(out) and out != words:
            found[id(f)] = " ".join(out)
    return next(iter(found.values())) if len(found) == 1 else None


def respell_names(groups: list[Group]) -> None:
    """Each person whose name the normaliser misread, and the list knows, takes the list's spelling
    (`spelled_name`) as the entity's name."""
    for g in groups:
        if g.type == "PER" and not g.preferred:
            written = frozenset(fold(w) for m in g.mentions for w in m.text.split())
            g.preferred = spelled_name(g.name, g.gender, written) or ""


def case_form(word: str, base: str) -> bool:
    """Whether folded `word` is an oblique case of the folded name `base` by its ending: `нарендру` of
    `нарендра`, `кэмерона` of `кэмерон`, `игорем` of `игорь`, `яровой` of `яровая`; a name in -о, -е, -и, -у,
    -ю does not decline."""
    if base.endswith(("ая", "яя")):  # a woman's surname that declines as an adjective
        return word[:-2] == base[:-2] and word[-2:] in ("ой", "ей", "ую", "юю")
    if base.endswith(("ий", "ый", "ой")):  # a man's
        stem = base[:-2]
        return word[:-3] == stem and word[-3:] in ("ого", "его", "ому", "ему") or \
            word[:-2] == stem and word[-2:] in ("ым", "им", "ом", "ем")
    if base.endswith(("а", "я")):
        return word[:-1] == base[:-1] and word[-1:] in "ыиеую" or word[:-2] == base[:-1] and word[-2:] in ("ой", "ей", "ою", "ею")
    if base.endswith(("й", "ь")):
        return word[:-1] == base[:-1] and word[-1:] in "яюе" or word[:-2] == base[:-1] and word[-2:] in ("ем", "ём")
    if base[-1:] in "оеиуюэы":
        return False
    return word[:-1] == base and word[-1:] in "ауе" or word[:-2] == base and word[-2:] in ("ом", "ым", "ем")


def given_agrees(word: str, given: tuple[str, ...]) -> bool:
    """A word of the article's name is one of the entry's given names, or a spelling of a longer one that
    differs in one letter (`Беньямин`, `Биньямин`)."""
    return word in given or len(word) >= 6 and any(one_letter_apart(word, g) for g in given)


def a_country(complement: str) -> bool:
    """Whether a post's complement is a sovereign state (`россия`, `сша`: lexicon/countries.txt), not a region,
    a party or a company (`чечня`, `роснефть`)."""
    return complement in lexicon.words("countries")


# --- what the list gives an article's people ---------------------------------------------------------------


def article_year(doc: Doc) -> int | None:
    """The year of the input's date (`2011-03-02`), or None."""
    date = doc.meta.get("date") or ""
    return int(date[:4]) if len(date) >= 4 and date[:4].isdigit() else None


def left_by_then(post: Post, gone: set[tuple[str, str]], year: int | None) -> bool:
    """Whether a post of the list is one of `gone` (title, the first word of its complement or "" for any) that
    its holder left in the article's year or, the year unknown, at all (`Путин, тогда еще президент` in 2013
    is the president again)."""
    return (post.key in gone or (post.key[0], "") in gone) and (year is None or post.last == year)


SECOND_HALF = 7  # from July, a post that changed hands in the year is the newcomer's


def article_month(doc: Doc) -> int | None:
    """The month of the input's date (`2011-03-02` → 3), or None."""
    date = doc.meta.get("date") or ""
    return int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None


def add_background_roles(groups: list[Group], year: int | None, month: int | None = None) -> None:
    """The posts the list knows a person of the article held in its year (every post they held, when the year
    is not known), as role keys that may name them; a post another person of the article holds, by the text
    (not as one held once or then) or by the list, names neither. The posts they had left by then are kept
    apart (`former_background_keys`): only a title said to be a former one (`бывший мэр`, `экс-канцлер`) may
    name them by those."""
    posts, left = {}, {}
    for g in groups:
        if g.type == "PER":
            figure = entry_for(g.name, g.gender)
            if figure is not None:
                # one the text calls a `тогдашний` or `бывший` holder of a post (`Фурсенко, тогдашний министр`) had
                # left it by the article's time, if the list does not say they held it after that year
                gone = {(title, comp.split()[0] if comp else "") for title, comp in g.former_keys + g.then_keys}
                # a post keyed without its complement (`министр по чрезвычайным ситуациям`) would be any minister
                posts[id(g)] = [p for p in figure.held_in(year) if p.key[1] and p.key not in g.role_keys
                                and not left_by_then(p, gone, year)]
                held = {p.key for p in posts[id(g)]}
                left[id(g)] = [p for p in figure.left_before(year) if p.key[1] and p.key not in held] + \
                    [p for p in figure.held_in(year) if left_by_then(p, gone, year)]
    if year is not None and month is not None and month >= SECOND_HALF:
        # in the second half of a year in which the post changed hands, it is the newcomer's: `президент` in
        # October 2012 is Путин, though the list has Медведев holding it that year too
        starting = {p.key for ps in posts.values() for p in ps if p.first == year}
        for key, ps in posts.items():
            handed_over = [p for p in ps if p.last == year and p.first != year and p.key in starting]
            posts[key] = [p for p in ps if p not in handed_over]
            left[key] = left[key] + handed_over
    # a post the text says someone held once or then (`бывший министр`, `тогдашний министр`) is no one's now
    holders = Counter(key for g in groups for key in {*(k for k in g.role_keys if k not in g.former_keys + g.then_keys),
                                                      *(p.key for p in posts.get(id(g), []))})
    former_holders = Counter(key for g in groups for key in {p.key for p in left.get(id(g), [])})
    for g in groups:
        for p in posts.get(id(g), []):
            if holders[p.key] == 1:
                g.background_keys.append(p.key)
                g.background.append(p.text)
        g.former_background_keys.extend(p.key for p in left.get(id(g), []) if former_holders[p.key] == 1)
