"""Entities inside one article: group name mentions, attach roles, resolve role-only mentions and pronouns.

requires: tokens, morph, ner        assigns: entities

1. Names. Person names group by surname when their given names agree (`Токаев`, `Токаева`,
   `Касым-Жомарт Токаев`; `В. Путин` with `Владимир Путин`; `Дмитрий Анатольевич` with the one Дмитрий);
   organisations and places by their nominative. The canonical name is the fullest form seen that has a
   surname.
2. Recall. A name recognised once is found again where the tagger missed it (`Токаева` later on):
   that is the `ner_fixes` stage's work, done before this one.
3. Roles. A role phrase (`президент Казахстана`, `пресс-секретарь Путина`, `украинским лидером`) right
   before a person's name, or between commas right after it, is that person's role and a `role` mention;
   not a plural (`сообщил журналистам Песков`) or a dative before a nominative name. So is a title in the
   instrumental after a verb of taking or holding a post (`назначил Кудрина министром финансов`, `избрало
   президентом РАН академика Фортова`, `президентом стал Медведев`); a role held once (`бывший губернатор`)
   does not name the one the article calls by the title alone.
4. Role-only mentions (`глава Казахстана`, `По словам президента`) resolve to the person who holds a
   matching role, preferring the one mentioned most recently before; two names of one post match
   (`глава МИД России`, `министр иностранных дел России`: lexicon/role_equivalents.txt), an adjective of
   nationality favours its country's holder and rules out a holder of another country's post (`глава
   российского правительства` is not the `премьер Казахстана`), another adjective that the holder's role
   writes too favours them (`генеральный секретарь` is the `генеральный секретарь ООН`, not the
   `госсекретарь`), and a bare title, or one of no one country (`глава государства`), names only someone
   named by name before it. Of several a bare title fits, the one the story is about (named five times or
   more, twice as often as any other) is meant, unless another was named just before or their posts differ
   in kind (`президент России`, `президент оргкомитета`). A head-of title of a bare kind of body
   (`глава компании`, `руководитель ведомства`) names the head of a named body named before it
   (lexicon/org_heads.txt); `глава российского МИД` is the `министр иностранных дел` of that country.
   A person the article names without a role may hold one by the reader's knowledge (`public_figures`:
   `Меркель` is the `канцлер Германии` of 2005–2021): such a background role names them too, unless another
   person of the article holds it; it is kept out of the record's roles.
5. Pronouns that open a sentence (`Он отметил`) or stand in `по его словам` resolve to the most recently
   mentioned person of the same gender: a subject before others, the sentence's own subject before one of a
   relative clause in it, never the one a `который` around the pronoun stands for, and the story's topic
   first when the sentence before opened with them (resolve_pronoun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from letopis.analysis import aliases, led_by, lexicon, predicate_roles, public_figures
from letopis.analysis.document import Doc, Token
from letopis.analysis.nationality import fits_country, place_adjective
from letopis.analysis.ner_fixes import CLERGY, CLOSING_QUOTES, OPENING_QUOTES, after_see
from letopis.analysis.normalize import first_declension, nominative, normal_word, normalize_tokens, recover_shape
from letopis.analysis.person_names import (
    find_person,
    gender_pair,
    given_and_patronymic,
    known_by_given_name,
    patronymic_agrees,
    same_given,
)
from letopis.model import Entity, Mention

PRONOUN_SCOPE = 3  # a pronoun looks this many sentences back for its person
# a sentence opening with one of these says whose relative its subject is (`Сын генерала Олега Рогозина, он
# окончил МГУ`): the one named there is not the pronoun's person
KIN = frozenset({"сын", "дочь", "жена", "муж", "брат", "сестра", "отец", "мать", "внук", "внучка", "вдова", "племянник",
                 "племянница", "зять", "невестка", "ученик", "ученица", "воспитанник", "воспитанница"})
# before a title, a possessive makes it someone's: `своего заместителя`, `его помощник`, `их лидер`
RELATIVE_POSSESSIVES = frozenset({"свой", "своего", "своему", "своим", "своем", "своём", "своя", "своей", "свою",
                                  "его", "ее", "её", "их", "мой", "моего", "моему", "моим", "наш", "нашего",
                                  "нашему", "нашим", "ваш", "вашего"})
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
FORMER = frozenset({"бывший", "прежний", "тогдашний"})  # before a title: a role held once
THEN = frozenset({"тогдашний", "тогда"})  # of those, the ones that say the post was held when the story's events were
NOW = frozenset({"нынешний", "теперешний", "действующий"})  # before a title: the one who holds it now


@dataclass(slots=True)
class Group:
    """An entity while it is being built."""

    type: str
    names: list[str] = field(default_factory=list)  # normal forms seen
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    role_keys: list[tuple[str, str]] = field(default_factory=list)  # (title lemma, complement normal)
    former_keys: list[tuple[str, str]] = field(default_factory=list)  # the role_keys held once (`бывший губернатор`)
    then_keys: list[tuple[str, str]] = field(default_factory=list)  # held when the story's events were (`тогдашний`)
    genders: list[str] = field(default_factory=list)
    background: list[str] = field(default_factory=list)  # roles known from public_figures, not from the text
    background_keys: list[tuple[str, str]] = field(default_factory=list)  # their (title lemma, complement normal)
    former_background_keys: list[tuple[str, str]] = field(default_factory=list)  # posts public_figures says they left
    preferred: str = ""  # a name the lexicon gives the entity (`Россия` for `РФ`), else the fullest form
    cached: tuple[int, int, str] = (-1, -1, "")  # (names, mentions, the fullest name): names and mentions only grow

    @property
    def name(self) -> str:
        if self.preferred:
            return self.preferred
        if self.cached[:2] != (len(self.names), len(self.mentions)):
            self.cached = (len(self.names), len(self.mentions),
                           fullest(self.names, frozenset(m.text for m in self.mentions)))
        return self.cached[2]

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1]) if self.name else ""

    @property
    def gender(self) -> str | None:
        if not self.genders:
            return None
        return max(sorted(set(self.genders)), key=self.genders.count)  # sorted: the same tie-break in every process

    def add(self, mention: Mention) -> None:
        if not any(m.start == mention.start and m.stop == mention.stop for m in self.mentions):
            self.mentions.append(mention)

    def add_role(self, role: str, key: tuple[str, str], former: bool = False, then: bool = False) -> None:
        if role not in self.roles:
            self.roles.append(role)
        self.add_key(key, former, then)

    def add_key(self, key: tuple[str, str], former: bool = False, then: bool = False) -> None:
        """A (title, complement) the person is known by, without a role text of its own."""
        if key not in self.role_keys:
            self.role_keys.append(key)
            if former:
                self.former_keys.append(key)
            if then:
                self.then_keys.append(key)

    def take(self, doc: Doc, p: RolePhrase) -> None:
        """A role phrase of the text is this person's role and a mention of them. A role of a kind of body
        (`президентом организации`) is also one of the body its sentence names before it (`конференция
        Российского футбольного союза (РФС) избрала новым президентом организации X`: the `президент РФС`)."""
        self.add_role(p.text, (p.title, fold(p.complement)), p.left, p.then)
        for name in body_named_before(doc, p):
            self.add_key((p.title, fold(name)), p.left, p.then)
        self.add(Mention(p.start, p.stop, doc.text[p.start:p.stop], "role"))


@dataclass(slots=True)
class RolePhrase:
    start: int
    stop: int
    first: int  # token range [first, last)
    last: int
    head: int  # the title noun's token
    title: str  # lemma of the title noun
    complement: str  # nominative of the genitive complement, "" if none
    text: str  # the role in the nominative, as it goes into `roles`
    former: bool = False  # a role held once: `бывший губернатор`, `экс-министр`
    then: bool = False  # held when the story's events took place: `тогдашний министр`, `Путин, тогда президент`
    now: bool = False  # held now: `нынешний министр`

    @property
    def left(self) -> bool:
        """A post left before the story's events (`бывший губернатор`), not one held then (`тогдашний министр`,
        whom the story's later `министр` names)."""
        return self.former and not self.then


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def fullest(names: list[str], written: frozenset[str] = frozenset()) -> str:
    """The fullest form: one with a surname (not `Дмитрий Анатольевич`, but `Юрий Григорович` where the person
    is also called `Григорович`), in Cyrillic where the article gives one (`Родригес`, not the `Georgina
    Rodríguez` in brackets after it), most words written out (`Владимир Путин` before `В. В. Путин`), then most
    words, then one the text writes as it is (a nominative the article gives, rather than one guessed from
    another case: `Евгений Татаров` seen, not `Евгений Татарово` from `Евгения Татарова`), then one that is not
    another's genitive misread (`genitive_of`) nor another's oblique case (`Марку` beside `Марк`: `oblique_of`),
    then longest, then first seen."""
    if not names:
        return ""
    alone = {fold(n) for n in names if len(n.split()) == 1}  # `Григорович` alone: `Юрий Григорович` has a surname
    def rank(n: str) -> tuple[bool, bool, int, int, bool, bool, int]:
        words = n.split()
        return (not given_and_patronymic(n) or fold(words[-1]) in alone, bool(CYRILLIC.search(n)),
                sum(not w.endswith(".") for w in words), len(words),
                n in written,
                not any(genitive_of(n, other, written) or oblique_of(n, other, written) for other in names), len(n))
    return max(names, key=rank)


OBLIQUE_ENDINGS = ("у", "ю", "е", "ом", "ем")


def oblique_of(name: str, other: str, written: frozenset[str]) -> bool:
    """Whether `name` is `other` with a case ending on its last word, where the text writes `other` as it is: an
    oblique case the dictionary also knows as a name that does not decline (`Согласно Марку` beside `Марк`)."""
    a, b = name.split(), other.split()
    return len(a) == len(b) and a[:-1] == b[:-1] and other in written and \
        any(fold(a[-1]) == fold(b[-1]) + ending for ending in OBLIQUE_ENDINGS)


def genitive_of(name: str, other: str, written: frozenset[str]) -> bool:
    """Whether `name` is `other` with `-а` on a word or more, where the text writes `other` as it is: a man's
    genitive the tagger took for a woman's nominative (`Веселина Топалова` beside `Веселин Топалов`). Not a
    form the normaliser made (`Валентин Кузнецов` from `Валентину Кузнецову`), nor a lone surname, which tells
    no gender (`Кузнецова` beside `Кузнецов`)."""
    a, b = name.split(), other.split()
    return len(a) == len(b) > 1 and a != b and other in written and \
        all(x == y or x == y + "а" for x, y in zip(a, b, strict=True))


class Entities:
    name = "entities"
    requires = ("tokens", "morph", "ner")
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> None:
        groups = group_names(doc)
        phrases = find_role_phrases(doc)
        starts, stops = name_index(doc, groups)
        attached = attach_roles(doc, groups, phrases, starts, stops)
        attached |= predicate_roles.attach(doc, starts, [p for p in phrases if p.start not in attached])
        led_by.attach(doc, starts)
        public_figures.respell_names(groups)
        public_figures.add_background_roles(groups, public_figures.article_year(doc), public_figures.article_month(doc))
        resolve_role_mentions(doc, groups, [p for p in phrases if p.start not in attached])
        resolve_pronoun_mentions(doc, groups)
        doc.entities = to_entities(groups)
        doc.layers["background_roles"] = {e.id: g.background for e, g in zip(doc.entities, kept_groups(groups), strict=True)
                                          if g.background}


# --- 1. names ---------------------------------------------------------------------------------


def group_names(doc: Doc) -> list[Group]:
    groups: list[Group] = []
    by_key: dict[tuple[str, str], Group] = {}
    # fullest person names first, so that a lone surname finds the full name it belongs to; a given name
    # with a patronymic (`Дмитрий Анатольевич`) after the full names of as many words
    spans = sorted(doc.ner, key=lambda s: (s.type != "PER", -len(s.normal.split()), given_and_patronymic(s.normal), s.start))
    alone = frozenset(fold(s.normal) for s in doc.ner if s.type == "PER" and len(s.normal.split()) == 1)
    for span in spans:
        mention = Mention(span.start, span.stop, doc.text[span.start:span.stop], "name")
        if span.type == "PER":
            group = find_person(groups, span.normal, span.start, alone)
            written = doc.text[span.start:span.stop]
            if group is None and span.last - span.first == 1 and written != span.normal:
                group = find_person(groups, written, span.start, alone)  # `Белых` normalised to `Белые`: as written
            if group is None:
                group = Group("PER")
                groups.append(group)
            gender = doc.tokens[span.last - 1].feats.get("Gender")
            if gender:
                group.genders.append(gender)
        else:
            key = (span.type, fold(span.normal))
            group = by_key.get(key) or by_key.get(("ORG" if span.type == "LOC" else "LOC", key[1]))
            if group is None:
                group = by_key[key] = Group(span.type)
                groups.append(group)
        group.names.append(span.normal)
        group.add(mention)
    return join_aliases(doc, join_known_by_given_name(doc, join_surname_misread_as_a_womans(groups)))


WELL_NAMED = 3  # mentions of a man by which a lone woman's form of his surname is taken for his


def join_surname_misread_as_a_womans(groups: list[Group]) -> list[Group]:
    """A lone surname in a woman's form (`Фортова`) joins the one man of that surname the article names in
    full, when he is named at least WELL_NAMED times and no woman of that surname is named: the tagger took
    his genitive or accusative for a woman's nominative (`3 июля Фортова принял в Кремле Путин`)."""
    people = [g for g in groups if g.type == "PER"]
    dropped = set()
    for g in people:
        if len(g.name.split()) != 1 or not g.surname.endswith("а"):
            continue
        men = [m for m in people if len(m.name.split()) > 1 and gender_pair(g.surname, m.surname)
               and m.surname + "а" == g.surname]
        if len(men) == 1 and len(men[0].mentions) >= WELL_NAMED and not any(
                len(w.name.split()) > 1 and w.surname == g.surname for w in people):
            for m in g.mentions:
                men[0].add(m)
            men[0].names.extend(g.names)
            dropped.add(id(g))
    return [g for g in groups if id(g) not in dropped]


DOMINANT = 3  # how many times more often than anyone else of that given name the one meant by it is named


def join_known_by_given_name(doc: Doc, groups: list[Group]) -> list[Group]:
    """A person called only by a given name and a patronymic (`Сергей Семенович`) whom grouping left alone
    joins, of the people the article names in full with that given name, the one it names DOMINANT times as
    often as any other (Сергей Собянин, named twenty times, beside a Сергей Нарышкин and a Сергей Капков named
    once), else the one named just before it (named_just_before); with no such full name, the one person named
    by surname whom the list of public figures gives that given name (`мэр Москвы Собянин`: see
    person_names.known_by_given_name)."""
    people = [g for g in groups if g.type == "PER"]
    dropped = set()
    for g in people:
        if not all(given_and_patronymic(n) for n in g.names):
            continue
        others = [p for p in people if id(p) not in dropped and p is not g]
        given, patronymic = (fold(w) for w in g.name.split())
        full = sorted((p for p in others if len(p.name.split()) >= 2 and not given_and_patronymic(p.name)
                       and same_given(given, fold(p.name.split()[0])) and patronymic_agrees(patronymic, p.name)),
                      key=lambda p: -len(p.mentions))
        if full:
            known = full[:1] if len(full) == 1 or len(full[0].mentions) >= DOMINANT * len(full[1].mentions) else []
            known = known or named_just_before(doc, full, min(m.start for m in g.mentions))
        else:
            known = known_by_given_name(others, g.name)
        if len(known) == 1:
            for m in g.mentions:
                known[0].add(m)
            known[0].names.extend(g.names)
            known[0].genders.extend(g.genders)
            dropped.add(id(g))
    return [g for g in groups if id(g) not in dropped]


JUST_BEFORE = 300  # characters: `Зурабов сменил на посту Виктора Черномырдина ... «Виктор Степанович позвал меня`


def named_just_before(doc: Doc, people: list[Group], offset: int) -> list[Group]:
    """Of several people, the one named in the paragraph of `offset` before it, within JUST_BEFORE characters, if
    no other is named there (`Путин и Жириновский встретились. «Владимир Вольфович прав»` is either's)."""
    start = max(offset - JUST_BEFORE, doc.text.rfind("\n", 0, offset) + 1)
    near = [p for p in people if any(start <= m.start < offset for m in p.mentions)]
    return near if len(near) == 1 else []


def join_aliases(doc: Doc, groups: list[Group]) -> list[Group]:
    """Groups that name one entity (`ФАС` and `Федеральная антимонопольная служба`, see `aliases`)
    become one, kept in the place of the first."""
    owner = {m.start: g for g in groups for m in g.mentions}
    into: dict[int, Group] = {}

    def root(g: Group) -> Group:
        while id(g) in into:
            g = into[id(g)]
        return g

    for a, b in aliases.alias_pairs(doc, groups, owner.get):
        a, b = root(a), root(b)
        if a is not b:
            into[id(b)] = a
    kept = []
    for g in groups:
        target = root(g)
        if target is g:
            kept.append(g)
            continue
        target.names.extend(g.names)
        target.genders.extend(g.genders)
        for m in g.mentions:
            target.add(m)
    for g in kept:
        if g.type != "PER":
            g.preferred = aliases.preferred_name(g)
    return kept


# --- 3. role phrases and appositions ------------------------------------------------------------


def title_table() -> dict[str, bool]:
    """title lemma → whether it is a head-of title (`глава`, `президент`, `лидер`)."""
    return {k: v.startswith("*") for k, v in lexicon.table("titles").items()}


GOVERNMENT_HEADS = frozenset({"премьер", "премьер-министр", "канцлер"})
GOVERNMENTS = frozenset({"правительство", "кабинет"})
STATES = frozenset({"государство", "страна", "держава"})  # `глава государства` heads a country
FORMER_BONUS = 0.3  # what a former title (`бывший мэр`) adds for a post its holder left
HELD_BY_A_FORMER_TITLE = 0.9  # the most a former title scores for one who still holds the post
HELD_THEN = 0.8  # the most a title scores for one the text says held the post then (`тогдашний министр`)


def country_of_demonym(title: str) -> str:
    """The adjective of the country a word for its people names (`британец` → `британский`: lexicon/titles.txt),
    or an empty string for any other title."""
    value = lexicon.table("titles").get(title, "")
    return value if place_adjective(value) else ""


def same_post(a: str, b: str, head: str) -> bool:
    """Whether head-of titles `a` and `b` of one complement, whose own noun is `head`, name one post (see
    heads_fit). Not a premier, who heads a government and not the place (`глава республики`, `президент
    Украины` are not its premier), save as the head of a government (`глава правительства`) or its `лидер`."""
    if a != b and (a in GOVERNMENT_HEADS or b in GOVERNMENT_HEADS):
        return head in GOVERNMENTS or {a, b} - GOVERNMENT_HEADS == {"лидер"} or {a, b} <= GOVERNMENT_HEADS
    return heads_fit(a, b)


def heads_fit(title: str, word: str) -> bool:
    """Whether two head-of titles may name one post: the same title, or either a word for the head of
    anything (`лидер` fits the `президент`, `премьер` does not: `* any` in lexicon/titles.txt); `премьер` is
    the `премьер-министр`."""
    heads = lexicon.table("titles")
    if not heads.get(title, "").startswith("*") or not heads.get(word, "").startswith("*"):
        return False
    return title.split("-")[0] == word.split("-")[0] or "any" in (heads[title].split() + heads[word].split())


@cache
def org_heads() -> dict[str, frozenset[str]]:
    """kind of body (`компания`, `ведомство`) → the titles of its head (lexicon/org_heads.txt)."""
    return {kind: frozenset(titles.split()) for kind, titles in lexicon.table("org_heads").items()}


def body_named_before(doc: Doc, p: RolePhrase) -> list[str]:
    """The names of the one body the sentence of role phrase `p` names before it, when the role's complement
    is a kind of body (lexicon/org_heads.txt) and names none: `Российский футбольный союз` and `РФС` for
    `Конференция Российского футбольного союза (РФС) избрала президентом организации X`; none for two bodies."""
    words = fold(p.complement).split()
    if not words or words[0] not in org_heads() or len(words) > 2:
        return []
    sent = doc.tokens[p.head].sent
    spans = [s for s in doc.ner if s.type == "ORG" and s.last <= p.first and doc.tokens[s.first].sent == sent]
    if len(spans) == 2 and doc.text[doc.tokens[spans[0].last - 1].stop:doc.tokens[spans[1].first].start].strip() != "(":
        return []  # two bodies, not a name and its abbreviation in brackets
    return [s.normal for s in spans] if 1 <= len(spans) <= 2 else []


def heads_body(title: str, kind: str, their_title: str, their_complement: str, their_roles: list[str]) -> bool:
    """Whether `title` with a kind of body for complement (`глава компании`, `руководитель ведомства`) may
    stand for one whose role is `their_title` of `their_complement`: a head's title of a body that is not a
    country, and that the role names (`генеральный директор «Газпрома»`, `президент ЛУКОЙЛа`; not `президент
    России`, nor the `председатель парламента` for a `лидер партии`), or a minister's (`глава ведомства`)."""
    heads = org_heads().get(kind)
    if not (heads and their_complement and title in heads and their_title in heads) or \
            public_figures.a_country(their_complement):
        return False
    return their_title == "министр" or any(their_title in fold(r) and NAMED_BODY.search(r[1:]) for r in their_roles)


NAMED_BODY = re.compile(r"[A-ZА-ЯЁ«]")  # a capital or a quotation mark in a role: it names its body


def find_role_phrases(doc: Doc) -> list[RolePhrase]:
    titles = title_table()
    per_tokens = {i: s for s in doc.ner if s.type == "PER" for i in range(s.first, s.last)}
    ner_at = {s.first: s for s in doc.ner}
    phrases = []
    for i, t in enumerate(doc.tokens):
        if t.pos not in ("NOUN", "PROPN") or t.lemma not in titles or i in per_tokens:
            continue
        if phrases and i < phrases[-1].last:  # `пресс-секретарь российского президента Песков`: the
            continue                          # president is whose secretary he is, not his role
        if i > 0 and doc.tokens[i - 1].lemma in ("в", "во") and fold(t.text).endswith(("ы", "и")):
            continue  # `кандидат в канцлеры Пер Штайнбрюк`: a post sought, not held (the plural looks nominative)
        first = i
        while first > doc.sentences[t.sent].first and is_agreeing_adjective(doc.tokens[first - 1], t):
            first -= 1
        last = i + 1
        first_field_end = None  # `министр образования и науки`: keyed by its first field, as the list keys it
        sent_end = doc.sentences[t.sent].last
        while last < sent_end:
            nxt = doc.tokens[last]
            span = ner_at.get(last)
            if span is not None and span.type == "PER" and last > i + 1:
                break  # `президента Казахстана Токаева`: the name is not part of the complement
            if span is not None and span.type == "PER" and last == i + 1 and titles[t.lemma] \
                    and t.feats.get("Case") == "Gen":
                break  # `в должности губернатора Льва Кузнецова`: a head-of title's genitive name is its holder
            if span is not None and is_genitive(doc.tokens[span.first]):
                last = span.last
                if span.type == "PER":
                    break  # `пресс-секретарь Путина Песков`: one possessor, then the name
                continue
            if is_genitive(nxt) and (nxt.pos in ("NOUN", "PROPN", "ADJ") or nxt.feats.get("VerbForm") == "Part") \
                    and last - i <= 4:  # a participle as an adjective: `министр вооружённых сил`
                last += 1
                continue
            if joins_a_second_field(doc, i, last, sent_end, titles):
                first_field_end = first_field_end or last
                last += 2  # `министр образования и науки`: one post over two fields
                continue
            if nxt.text in "«\"" and (last == i + 1 or is_genitive(doc.tokens[last - 1])):
                # `юрист «Комитета солдатских матерей»`, `председатель правления «Газпрома»`: a quoted possessor
                close = next((k for k in range(last + 1, min(last + 8, sent_end)) if doc.tokens[k].text in "»\""), None)
                if close is not None and close > last + 1 and is_genitive(doc.tokens[last + 1]):
                    last = close + 1
                    continue
            break
        complement = " ".join(normal_word(x) for x in doc.tokens[i + 1:first_field_end or last])
        words = [normal_word(x).lower() for x in doc.tokens[first:i]] + [nominative_title(t)]
        tail = doc.text[doc.tokens[i + 1].start:doc.tokens[last - 1].stop] if last > i + 1 else ""
        text = " ".join(words + ([" ".join(tail.split())] if tail else []))  # the complement as written
        former = t.lemma.startswith("экс-") or any(x.lemma in FORMER for x in doc.tokens[first:i])
        then = any(x.lemma in THEN for x in doc.tokens[first:i])
        now = any(x.lemma in NOW for x in doc.tokens[first:i])
        phrases.append(RolePhrase(doc.tokens[first].start, doc.tokens[last - 1].stop, first, last, i,
                                  t.lemma, complement, text, former, then, now))
    return phrases


def joins_a_second_field(doc: Doc, head: int, k: int, sent_end: int, titles: dict[str, bool]) -> bool:
    """Whether token `k`, right after the genitive complement of the title at `head`, is an `и` before a second
    genitive noun of the same post (`министр образования и науки`, `промышленности и торговли`), not before
    another title (`министра финансов и министра экономики`) or a name."""
    if k + 1 >= sent_end or doc.tokens[k].text.lower() != "и" or k == head + 1 or k - head > 3:
        return False
    before, after = doc.tokens[k - 1], doc.tokens[k + 1]
    return before.pos == "NOUN" and is_genitive(before) and after.pos == "NOUN" and is_genitive(after) \
        and after.lemma not in titles and not after.text[:1].isupper()


def nominative_title(t: Token) -> str:
    return nominative(t.text, t.pos, tuple(sorted(t.feats.items()))).lower()


def is_genitive(t: Token) -> bool:
    return t.feats.get("Case") == "Gen" or (t.text.isupper() and len(t.text) > 1 and t.text.isalpha())


def is_agreeing_adjective(adj: Token, noun: Token) -> bool:
    return adj.pos == "ADJ" and adj.feats.get("Case") == noun.feats.get("Case") and adj.text.isalpha()


def agrees_with_name(doc: Doc, p: RolePhrase, k: int) -> bool:
    """Whether the name at token `k` can stand in apposition to the title of `p`: one person, so a singular
    title (`сообщил журналистам Дмитрий Песков`: the journalists are others), and not the subject after the
    one addressed (`рассказал корреспонденту Иванов`: a dative title, a nominative name). Other differences
    of case are left alone: the tagger's case of a foreign name (`Николя Саркози`) is a guess."""
    title = doc.tokens[p.head]
    if k >= len(doc.tokens):
        return True
    case = title.feats.get("Case")
    if title.feats.get("Number") == "Plur" and case in ("Dat", "Ins", "Loc"):
        return False  # a plural the form shows (`журналистам`), not one the tagger may guess (`главы`)
    return not (case == "Dat" and doc.tokens[k].feats.get("Case") == "Nom")


def kin_of_holder(doc: Doc, p: RolePhrase) -> bool:
    """Whether the title of `p` is in the genitive after a noun for someone's kin (`тесть министра Виктор
    Зубков`, lexicon/kin_nouns.txt): the name that follows is the kin's, not the title's holder."""
    title = doc.tokens[p.head]
    return p.first > 0 and title.feats.get("Case") == "Gen" and \
        fold(doc.tokens[p.first - 1].lemma) in lexicon.words("kin_nouns")


def name_index(doc: Doc, groups: list[Group]) -> tuple[dict[int, Group], dict[int, int]]:
    """Where people's names stand: (first token → the person, first token → last token) of each name mention."""
    starts: dict[int, Group] = {}
    stops: dict[int, int] = {}
    for g in groups:
        if g.type == "PER":
            for m in g.mentions:
                if m.kind == "name":
                    first = doc.token_at(m.start)
                    last = doc.token_at(m.stop - 1)
                    if first is not None and last is not None:
                        starts[first] = g
                        stops[first] = last
    return starts, stops


def attach_roles(doc: Doc, groups: list[Group], phrases: list[RolePhrase], starts: dict[int, Group],
                 stops: dict[int, int]) -> set[int]:
    """Roles in appositions: `президент Казахстана Касым-Жомарт Токаев`, `Песков, пресс-секретарь Путина,`,
    `Путин, тогда еще президент,`.
    `starts` and `stops`: where the names stand (`name_index`).

    Returns the starts of the phrases that were attached to a name."""
    ends = {last: starts[first] for first, last in stops.items()}
    attached = distributed_roles(doc, phrases, starts, stops)
    for p in phrases:
        if p.start in attached or kin_of_holder(doc, p):
            continue
        # the name follows the phrase, on its line (a caption's `вместе с президентом РФ` is not the next line's)
        g = starts.get(p.last) if agrees_with_name(doc, p, p.last) and not line_break(doc, p.last) else None
        if g is not None:
            in_titles_case(doc, g, p, p.last)
        if g is None and p.last + 2 < len(doc.tokens) and doc.tokens[p.last].text == "(" and \
                doc.tokens[p.last + 2].text == ")":
            g = starts.get(p.last + 3)  # `глава Центра стратегических разработок (ЦСР) Алексей Кудрин`
        # the name after the body's name in quotes (`лидер партии «Яблоко» Сергей Митрохин`), or after the place
        # of the post, with or without it (`посол России в Киеве Виктор Черномырдин`, `представитель России при
        # ООН Виталий Чуркин`, `руководитель фракции «Единая Россия» в Государственной Думе Андрей Воробьёв`)
        quoted = after_quoted_name(doc, p.last)
        see = after_see(doc, p.last) if p.title in CLERGY and p.last < len(doc.tokens) else None  # `архиепископ
        for k in (quoted, after_place(doc, quoted or p.last), see):  # Кемеровский и Новокузнецкий Аристарх`
            if g is None and k is not None and agrees_with_name(doc, p, k):
                g = starts.get(k)
                if g is not None:
                    in_titles_case(doc, g, p, k)
        comma = p.first - 1
        while comma > 0 and doc.tokens[comma].lemma in THEN_WORDS:
            comma -= 1  # `Путин, тогда еще президент, прилетел`: a role held then, no one's now
            if doc.tokens[comma + 1].lemma == "тогда":
                p.former = p.then = True
        if g is None and comma >= 1 and doc.tokens[comma].text == ",":
            g = ends.get(comma - 1)  # `Песков, пресс-секретарь Путина, ...`
            after = doc.tokens[p.last].text if p.last < len(doc.tokens) else ","
            if after not in (",", ")", ".", "—", "-"):
                g = None
        if g is None:
            continue
        g.take(doc, p)
        attached.add(p.start)
    # `Бывший министр финансов России, глава ЦСР Алексей Кудрин`: a role joined by a comma to an attached one, in
    # its case; not a bare title, which heads a list of people (`собрались губернатор, председатель правительства
    # X, ...`)
    by_first = {p.first: p for p in phrases}
    for p in sorted(phrases, key=lambda p: -p.first):
        if p.start in attached or p.last >= len(doc.tokens) or doc.tokens[p.last].text != "," \
                or not p.complement and p.first == p.head:
            continue
        nxt = by_first.get(p.last + 1)
        # in one case: `во время турне тогдашнего министра иностранных дел, советник посольства Богданов` is two
        if nxt is not None and nxt.start in attached and \
                doc.tokens[p.head].feats.get("Case") == doc.tokens[nxt.head].feats.get("Case"):
            g = next((g for g in groups if any(m.start == nxt.start and m.kind == "role" for m in g.mentions)), None)
            if g is not None:
                g.take(doc, p)
                attached.add(p.start)
    return attached


def line_break(doc: Doc, k: int) -> bool:
    """Whether a line ends between token `k` and the one before it."""
    return 0 < k < len(doc.tokens) and "\n" in doc.text[doc.tokens[k - 1].stop:doc.tokens[k].start]


def in_titles_case(doc: Doc, g: Group, p: RolePhrase, k: int) -> None:
    """A name in apposition after a title is in the title's case (`министра Японии Сейджи Маехары`, both
    genitives), which the tagger may not see in a foreign name: where it read a word of the name as a plural
    or a word in `-ы` as a nominative (`Маехары`), the name that mention gives its person is the nominative
    read in the title's case. Elsewhere its case stands: forcing the title's case on every name turned `Нэнси
    Пелоси` into `Пелось` and `Александр Колпаков` (after `управделами президента`) into `Александры Колпаки`."""
    case = doc.tokens[p.head].feats.get("Case")
    span = next((s for s in doc.ner if s.first == k and s.type == "PER"), None)
    if case in (None, "Nom") or span is None or span.normal not in g.names:
        return
    if not any(t.feats.get("Number") == "Plur" or t.feats.get("Case") == "Nom" and t.text.endswith("ы")
               or case == "Ins" and t.feats.get("Case") != "Ins" and first_declension(t)
               for t in doc.tokens[span.first:span.last]):
        return  # the tagger's case is kept unless it read a word as a plural, or an `-ы` as a nominative, which
        # no one person's name is, or a man's `-ой` after a title in the instrumental as another case
        # (`министром иностранных дел Японии Коитиро Гэмбой`: the instrumental of `Гэмба`, as `Никитой`)
    normal = normalize_tokens(doc, span.first, span.last, "PER", case)
    if normal != span.normal:
        g.names[g.names.index(span.normal)] = normal


THEN_WORDS = frozenset({"тогда", "еще", "ещё", "уже", "ныне", "теперь", "впоследствии", "позднее", "сейчас"})
# between a name's comma and the title set off after it: `Путин, тогда еще президент,`
POST_PREPOSITIONS = frozenset({"в", "во", "на", "при"})  # before where a post is held: `посол в Киеве`, `при ООН`


QUOTED_NAME_WORDS = 6  # at most, inside the quotes of a body's name after a title: `партии «Единая Россия»`


def after_quoted_name(doc: Doc, k: int) -> int | None:
    """The token after a name in quotes that opens at `k` (`«Яблоко»`, `«Единая Россия»`), in the sentence of
    `k`, or None when no such name stands there."""
    if k >= len(doc.tokens) or doc.tokens[k].text not in OPENING_QUOTES:
        return None
    sent = doc.tokens[k].sent
    for j in range(k + 2, min(k + 2 + QUOTED_NAME_WORDS, len(doc.tokens))):
        if doc.tokens[j].sent != sent:
            return None
        if doc.tokens[j].text in CLOSING_QUOTES:
            return j + 1
    return None


def after_place(doc: Doc, k: int, prepositions: frozenset[str] = POST_PREPOSITIONS) -> int | None:
    """The token after a place or body named at `k` with its preposition (`в Киеве`, `в Сибирском федеральном
    округе`, `при ООН`), or None when no such phrase stands there."""
    if k >= len(doc.tokens) or doc.tokens[k].lemma not in prepositions:
        return None
    span = next((s for s in doc.ner if s.first == k + 1 and s.type in ("LOC", "ORG")), None)
    return span.last if span is not None and doc.tokens[span.first].sent == doc.tokens[k].sent else None


def distributed_roles(doc: Doc, phrases: list[RolePhrase], starts: dict[int, Group], stops: dict[int, int]) -> set[int]:
    """A plural title over as many complements as names, one each in turn: `Президенты России и США Дмитрий
    Медведев и Барак Обама` (президент России, президент США), `министры иностранных дел Германии и Польши
    Гидо Вестервелле и Радослав Сикорский` (the last words of the first complement give way to each next one).
    Returns the starts of the phrases so shared out."""
    attached: set[int] = set()
    for p in phrases:
        if shared_out_by_adjectives(doc, p, starts, stops):
            attached.add(p.start)
            continue
        if not plural_title(doc.tokens[p.head]):
            continue
        complement = doc.tokens[p.head + 1:p.last]
        others: list[list[Token]] = []
        k = p.last
        while p.complement and k < len(doc.tokens) and doc.tokens[k].text in (",", "и") and k + 1 not in starts:
            words = []
            k += 1
            while k < len(doc.tokens) and k not in starts and is_genitive(doc.tokens[k]) \
                    and doc.tokens[k].pos in ("NOUN", "PROPN", "ADJ"):
                words.append(doc.tokens[k])
                k += 1
            if not words or len(words) > len(complement):
                break
            others.append(words)
        names = names_in_turn(doc, k, starts, stops, len(others) + 1)
        if not others and shared_by_all(doc, p, starts, stops):
            attached.add(p.start)
            continue
        if not others or len(names) != len(others) + 1:
            continue
        for g, words in zip(names, [complement, *(complement[:len(complement) - len(w)] + w for w in others)],
                            strict=True):
            forms = [one_of_many(x) for x in words]  # `председатели правительств` → `председатель правительства`
            g.add_role(f"{p.title} {' '.join(text for text, _ in forms)}",
                       (p.title, fold(" ".join(normal for _, normal in forms))))
        attached.add(p.start)  # the plural phrase names them all: no one's mention
    return attached


def shared_by_all(doc: Doc, p: RolePhrase, starts: dict[int, Group], stops: dict[int, int]) -> bool:
    """A plural title over one complement (or none), then two or more names: each holds the title
    (`депутаты Европарламента Эльмар Брок и Кристиан Ведель`, `посланники повстанческого руководства из
    Бенгази Махмуд Джибриль и Али аль-Исави`), so that a later `депутатов` is all of them, not the first.
    Gives them the role, in the singular, and tells whether it did."""
    head = doc.tokens[p.head]  # a plural title (distributed_roles asks `plural_title` first)
    if head.feats.get("Case") in ("Dat", "Ins", "Loc"):
        return False  # `сообщил журналистам X и Y`: the journalists are others
    k = after_quoted_name(doc, p.last) or p.last
    k = after_place(doc, k, POST_PREPOSITIONS | {"из"}) or k  # `делегаты из Японии X и Y`
    names = names_in_turn(doc, k, starts, stops, len(doc.tokens))
    if len(names) < 2:
        return False
    adjectives = [x.lemma for x in doc.tokens[p.first:p.head]]
    tail = doc.text[doc.tokens[p.head + 1].start:doc.tokens[p.last - 1].stop] if p.last > p.head + 1 else ""
    text = " ".join([*adjectives, head.lemma] + ([" ".join(tail.split())] if tail else []))
    for g in names:
        g.add_role(text, (p.title, fold(p.complement)), p.left)
    return True


def names_in_turn(doc: Doc, k: int, starts: dict[int, Group], stops: dict[int, int], most: int) -> list[Group]:
    """The people named from token `k` on, joined by commas or `и`, at most `most` of them; none when one is
    named twice (`Дмитрий Медведев и Барак Обама`)."""
    names = []
    while k in starts and len(names) < most:
        names.append(starts[k])
        k = stops[k] + 1
        if k + 1 < len(doc.tokens) and doc.tokens[k].text in (",", "и") and k + 1 in starts:
            k += 1
    return names if len({id(g) for g in names}) == len(names) else []


def shared_out_by_adjectives(doc: Doc, p: RolePhrase, starts: dict[int, Group], stops: dict[int, int]) -> bool:
    """A title over adjectives that share one noun in the plural, then as many names, one each in turn:
    `губернаторы Московской и Тверской областей Андрей Воробьев и Игорь Руденя`, `главы Ярославской и
    Смоленской областей — X и Y` (губернатор Московской области, губернатор Тверской области). Gives them the
    roles and tells whether it did."""
    tokens = doc.tokens
    adjectives = []
    k = p.head + 1
    while k < len(tokens) and tokens[k].pos == "ADJ" and is_genitive(tokens[k]):
        adjectives.append(tokens[k])
        k += 1
        if k < len(tokens) and tokens[k].text in (",", "и") and k + 1 < len(tokens) and tokens[k + 1].pos == "ADJ":
            k += 1
    if len(adjectives) < 2 or k >= len(tokens) or tokens[k].pos != "NOUN" or not is_genitive(tokens[k]) \
            or tokens[k].feats.get("Number") != "Plur":
        return False
    noun = tokens[k]
    k += 1
    if k < len(tokens) and tokens[k].text in ("—", "–", "-"):
        k += 1
    names = names_in_turn(doc, k, starts, stops, len(adjectives))
    if len(names) != len(adjectives):
        return False
    one = singular_genitive(noun)
    for g, adjective in zip(names, adjectives, strict=True):
        g.add_role(f"{p.title} {adjective.text} {one}", (p.title, fold(f"{normal_word(adjective)} {noun.lemma}")))
    return True


def singular_genitive(t: Token) -> str:
    """The genitive singular of a noun in the genitive plural (`областей` → `области`), as written if none."""
    from letopis.analysis.linguistic import models

    for form in models().morph_vocab(t.text.lower()):
        if {"plur", "gent"} <= form.tag.grammemes:
            one = form.inflect({"Sing", "Gen"})
            if one is not None:
                return recover_shape(one.word, t.text)
    return t.text


def one_of_many(t: Token) -> tuple[str, str]:
    """(text, nominative) of a complement word of one holder among several: an institution every country
    has, in the genitive plural for them all, is one of them in the genitive singular (`правительств` →
    `правительства`, `правительство`; lexicon/institution_heads.txt); any other word stays (`иностранных дел`)."""
    if t.pos == "NOUN" and fold(t.lemma) in lexicon.words("institution_heads"):
        one = singular_genitive(t)
        if one != t.text:
            return one, t.lemma
    return t.text, normal_word(t)


def plural_title(t: Token) -> bool:
    """A title whose form can only be plural, whatever the tagger says of a capitalised one: `президенты`,
    `министры`, `председатели` (not `главы`, also a genitive singular)."""
    return fold(t.text).endswith(("ы", "и")) and fold(t.lemma)[-1:] not in "аяоеиы"


# --- 4. role-only mentions --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def role_equivalents() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(title and complement words, the same post's title and complement words), from lexicon/role_equivalents.txt."""
    out = []
    for entry in lexicon.entries("role_equivalents"):
        a, _, b = entry.partition("=")
        out.append((tuple(fold(a).split()), tuple(fold(b).split())))
    return tuple(out)


@lru_cache(maxsize=20000)
def canonical_role(title: str, complement: str) -> tuple[str, str]:
    """A role in the words lexicon/role_equivalents.txt prefers: (`глава`, `мид россия`) → (`министр`,
    `иностранные дела россия`)."""
    words = (fold(title), *fold(complement).split())
    if len(words) > 2 and place_adjective(words[1]) and \
            any(words[:1] + words[2:2 + len(short) - 1] == short for short, _ in role_equivalents()):
        words = words[:1] + words[2:]  # `глава российского МИД` holds the post of `глава МИД` (whose, the adjective says)
    for short, full in role_equivalents():
        if words[:len(short)] == short:
            words = full + words[len(short):]
            break
        if len(short) == 2 and len(full) == 1 and len(words) == 3 and (words[0], words[2]) == short:
            words = (full[0], *words[1:])  # `глава Ярославской области`: the title of `глава области`, the place kept
            break
    complement_words = words[1:]
    for full, short in org_short_names():  # `федеральное космическое агентство` → `роскосмос`
        for k in range(len(complement_words) - len(full) + 1):
            if complement_words[k:k + len(full)] == full:
                complement_words = complement_words[:k] + (short,) + complement_words[k + len(full):]
                break
    return words[0], " ".join(complement_words)


def without_country(role: tuple[str, str], adjectives: list[str]) -> tuple[str, str]:
    """A role with the country an adjective names dropped from its complement's end: (`министр`,
    `иностранные дела россия`) for `российский` → (`министр`, `иностранные дела`)."""
    words = role[1].split()
    if len(words) > 1 and any(fits_country(a, words[-1:]) for a in adjectives):
        return role[0], " ".join(words[:-1])
    return role


@lru_cache(maxsize=1)
def org_short_names() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(an organisation's full name in words, its short name), the longest first, from
    lexicon/org_short_names.txt."""
    out = []
    for entry in lexicon.entries("org_short_names"):
        short, *fulls = [fold(part.strip()) for part in entry.split("|")]
        out.extend((tuple(full.split()), short) for full in fulls)
    return tuple(sorted(out, key=lambda pair: -len(pair[0])))


def resolve_role_mentions(doc: Doc, groups: list[Group], phrases: list[RolePhrase]) -> None:
    titles = title_table()
    generic = lexicon.words("generic_complements")
    people = [g for g in groups if g.type == "PER" and (g.role_keys or g.background_keys or g.former_background_keys)]
    # the country adjectives of the roles the article gives each (`британский премьер`)
    role_places = {id(g): {w for role in g.roles for w in fold(role).split() if place_adjective(w)} for g in people}
    for p in phrases:
        title_token = doc.tokens[p.head]
        if plural_title(title_token) or title_token.feats.get("Number") == "Plur" \
                and title_token.feats.get("Case") in ("Gen", "Dat", "Ins", "Loc"):
            continue  # `с министрами иностранных дел стран ЛАГ`, `министры встретились`: many people, no one's mention
        if title_token.feats.get("Number") == "Plur" and title_token.feats.get("Case") == "Acc" \
                and sum(any(title == p.title for title, _ in g.role_keys) for g in people) > 1:
            continue  # `депутатов принял Лавров`, after `депутаты Европарламента Брок и Ведель`: both of them
        if p.first > 0 and fold(doc.tokens[p.first - 1].text) in RELATIVE_POSSESSIVES:
            continue  # `пригласил своего заместителя`: someone's deputy, not the one the article calls so
        complement = fold(p.complement)
        # the complement's own noun, not a genitive of it (`мэр столицы республики` heads a city, no republic)
        complement_lemma = next((fold(t.lemma) for t in doc.tokens[p.head + 1:p.last] if t.pos in ("NOUN", "PROPN")),
                                "") if p.complement else ""
        # `глава компании`, `руководитель нефтяной компании`: a kind of body and no name of one
        bare_kind = all(t.pos == "ADJ" or fold(t.lemma) == complement_lemma for t in doc.tokens[p.head + 1:p.last]) \
            and not (p.last < len(doc.tokens) and NAMED_BODY.match(doc.tokens[p.last].text))  # `партии «Яблоко»`
        # `глава германского правительства`: the adjective says whose government
        adjectives = [t.lemma for t in doc.tokens[p.first:p.last] if t.pos == "ADJ"]
        # an adjective of a country or place (`российского`, `казахстанский`) that another's country does
        # not fit rules that one out (`глава российского правительства` is not the `премьер Казахстана`)
        places = [a for a in adjectives if place_adjective(a)]
        describing = [fold(a) for a in adjectives if not place_adjective(a) and fold(a) not in FORMER]
        scores = []  # (person, how well the title fits them), for those it fits at all
        fitting = []  # everyone the title fits as a title (score 1 or more)
        post = canonical_role(p.title, complement)
        gender = predicate_gender(doc, p)
        demonym = country_of_demonym(p.title)
        for g in people:
            if gender and g.gender and g.gender != gender:
                continue  # `канцлер провела беседу` is a woman, whatever the title's own gender
            theirs = role_places[id(g)]
            if places and theirs and not theirs & {fold(a) for a in places}:
                continue  # `Израильскому премьеру` is not the one the article calls `британский премьер`
            score = 0.0
            keys = [(title, comp, False) for title, comp in g.role_keys] + \
                   [(title, comp, True) for title, comp in g.background_keys]
            if p.former:  # `бывший мэр`: the posts they left count, and beat one still held (FORMER_BONUS)
                keys += [(title, comp, True) for title, comp in g.former_background_keys]
            for title, comp, background in keys:
                if (title, comp) in g.former_keys and not p.former and not background:
                    continue  # `бывший губернатор Зубов` is not the `губернатор` the article goes on about
                if p.now and ((title, comp) in g.then_keys or (title, comp) in g.former_background_keys):
                    continue  # `нынешний министр` is not the one the story called `тогдашний министр`
                # a bare title for a bare title is exact, unless the mention's adjective names a country the
                # holder's title does not (`белорусский президент` for one the article calls `президент`)
                bare = not complement and not comp
                if (title == p.title and comp == complement and not (bare and places)) or \
                        complement and post in (canonical_role(title, comp), without_country(canonical_role(title, comp), places)):
                    s = 3.0
                elif base_title(title) == base_title(p.title) and complement and comp and \
                        first_word(comp) == first_word(complement):
                    s = 2.5  # `экс-министр финансов` ~ `бывший министр финансов России`
                elif complement and canonical_role(title, comp)[1] == post[1] and titles.get(title) \
                        and titles.get(p.title) and same_post(title, p.title, complement_lemma):
                    s = 2.0
                elif complement_lemma in generic and titles.get(p.title) and titles.get(title) and \
                        same_post(title, p.title, complement_lemma) and \
                        (complement_lemma not in GOVERNMENTS or title in GOVERNMENT_HEADS
                         or first_word(comp) in GOVERNMENTS) and \
                        (not background or public_figures.a_country(comp)) and \
                        (complement_lemma not in STATES or not comp or public_figures.a_country(comp)):
                    s = 1.5  # `глава государства`: a head-of role the article gives, or one the reader knows of
                    # a country (the head of a party, a company or a service is no `глава государства`, whoever
                    # calls them so); `глава правительства` is a premier or a head of a government, not the `глава МЧС`
                elif bare_kind and heads_body(p.title, complement_lemma, title, comp, g.roles):
                    s = 1.5  # `глава компании`: the `генеральный директор «Газпрома»` (lexicon/org_heads.txt)
                elif not complement and base_title(p.title) in (base_title(title), canonical_role(title, comp)[0]):
                    s = 1.0  # `губернатор` for the `глава Ярославской области`
                elif post[0] != fold(p.title) and not post[1] and base_title(title) == post[0]:
                    s = 1.0  # `глава края` is the `губернатор Красноярского края` (lexicon/role_equivalents.txt)
                elif not complement and titles.get(p.title) and titles.get(title) and comp and \
                        any(fits_country(a, comp.split()[:1]) for a in places):
                    s = 0.5  # `палестинский лидер`: the head of the Palestinian administration, if no one holds
                    # the title itself
                elif not complement and titles.get(p.title) and titles.get(title) and public_figures.a_country(comp) \
                        and any(fits_country(a, comp.split()) for a in places):
                    s = 0.75  # `российский лидер`: the head of Russia rather than of its diplomacy
                else:
                    s = 0.0
                if s and any(fits_country(a, comp.split()) for a in adjectives):
                    s += 0.25
                elif s <= 2.0 and places and comp:
                    s = 0.0
                if background and s and (complement or not public_figures.a_country(comp)):
                    s -= 0.1  # what the article says beats what the reader knows, but for a bare title a
                    # country's head is as likely as the head of something the article names (`президент`:
                    # Путин or the `президент оргкомитета`, whichever was named last)
                if s and (title, comp) in g.then_keys and not p.former and not background:
                    s = min(s, HELD_THEN)  # `Медведев, тогда президент, ... Через год Путин ... Президент`: one who
                    # holds the post beats one who held it then; with no other holder named before, the story's own
                if s and p.former:  # `бывший мэр`: one who left the post before one who holds it
                    left = (title, comp) in g.former_keys or (title, comp) in g.former_background_keys
                    s = s + FORMER_BONUS if left else min(s, HELD_BY_A_FORMER_TITLE)
                score = max(score, s)
            if score and describing and any(all(a in fold(role).split() for a in describing)
                                             for role in g.roles + g.background):
                score += 0.25  # `генеральный секретарь` is the `генеральный секретарь ООН`, not the `госсекретарь`
            if not score and demonym and not complement and \
                    any(fits_country(demonym, fold(role).split()) for role in g.roles + g.background):
                score = 0.9  # `британец`: one whose post is of Britain (`премьер-министр Великобритании`)
            if score >= 1.0 and not complement:
                fitting.append(g)
            if score > 0:
                scores.append((g, score))
        # named before it by name (a title this loop gave them earlier may itself have looked ahead)
        before = [(g, s) for g, s in scores if named_before(g, p.start)]
        if scores and max(s for _, s in scores) <= 1.5 or not complement:
            # a bare title (`премьера`, `глава государства`, `созвонился с президентом`, `82-летний академик`)
            # names someone named before it, not one named later, though that one is named by a title of the
            # text and the one before only by the list's
            scores = before
        best_score = max((s for _, s in scores), default=0.0)
        best = [g for g, s in scores if s == best_score]
        # `в Ярославле ... встречался с губернатором`: the governor of the place named there, before one whom
        # the title fits better (`первым губернатором` of another region) and one it fits as well
        here = [g for g in fitting if placed_here(doc, p, g) and any(m.start < p.start for m in g.mentions)]
        if here and not any(placed_here(doc, p, g) for g in best):
            best = here
        elif len(best) > 1:
            best = [g for g in best if placed_here(doc, p, g)] or best
        g = closest_before(best, p.start) if best else None
        if not complement:
            # `постпред` in a portrait of Чуркин: the one the story is about, unless another it fits was named
            # just before
            known = [f for f in fitting if named_before(f, p.start)]
            salient = same_kind_of_post(known, p.title) and salient_before(known, p.start)
            if salient and not any(named_near(doc, f, p.head) for f in best if f is not salient):
                g = salient
        if g is not None:
            g.add(Mention(p.start, p.stop, doc.text[p.start:p.stop], "role"))
            if complement and best_score >= 2.5 and not p.former:
                # the text calls them so (`Президент Украины` for Янукович, known to the list as that): a bare
                # title later names them as it names one the text gave that title in apposition
                g.add_role(p.text, (p.title, complement))


PLACE_STEM = 4  # letters a place's name and its adjective share (`Ярославль`, `Ярославской`; `Москве`, `Московской`)


def placed_here(doc: Doc, p: RolePhrase, g: Group) -> bool:
    """Whether one of the person's roles names a place that the sentence of role phrase `p` names."""
    sent = doc.tokens[p.head].sent
    places = {fold(w)[:PLACE_STEM] for s in doc.ner if s.type == "LOC" and doc.tokens[s.first].sent == sent
              for w in s.normal.split() if len(w) > PLACE_STEM}
    return any(fold(w)[:PLACE_STEM] in places for role in g.roles for w in role.split()[1:] if len(w) > PLACE_STEM)


def predicate_gender(doc: Doc, p: RolePhrase) -> str | None:
    """The gender a past-tense verb or a participle next to a nominative title gives its holder: `канцлер
    провела`, `заявила глава МИД`, `премьер, прибывшая в Москву`; None where nothing shows it."""
    title = doc.tokens[p.head]
    if title.feats.get("Case") != "Nom" or title.feats.get("Number") != "Sing":
        return None
    sentence = doc.sentences[title.sent]
    after = p.last + 1 if p.last < sentence.last and doc.tokens[p.last].text == "," else p.last
    around = [(after, True), (p.first - 1, False)]
    for i, may_be_participle in around:
        if not sentence.first <= i < sentence.last:
            continue
        t = doc.tokens[i]
        verb = t.pos in ("VERB", "AUX") and t.feats.get("Tense") == "Past" and t.feats.get("VerbForm") == "Fin"
        participle = may_be_participle and t.feats.get("VerbForm") == "Part" and t.feats.get("Case") == "Nom"
        if (verb and (i == p.last or i < p.first)) or participle:
            if t.feats.get("Number") == "Sing" and t.feats.get("Gender") in ("Masc", "Fem"):
                return t.feats["Gender"]
    return None


def first_word(complement: str) -> str:
    """The first word of a role's complement, past an opening quote (`« спартак »` → `спартак`)."""
    return next((w for w in complement.split() if w[0].isalnum()), "")


SHORT_TITLES = {"премьер-министр": "премьер"}  # a title and its everyday short form name one post


def base_title(title: str) -> str:
    """`экс-министр` -> `министр`: a former holder shares the title; `премьер-министр` -> `премьер`."""
    title = title[4:] if title.startswith("экс-") else title
    return SHORT_TITLES.get(title, title)


SALIENT_MENTIONS = 5  # names before a bare title, for the one the story is about
SALIENCE = 2.0  # times as many as any other the title fits


def same_kind_of_post(candidates: list[Group], title: str) -> bool:
    """Whether the posts by which a bare title fits the candidates are all of a country or all of something else
    (`постпред России`, `постпред Сирии`, `постпред`; not `президент России` and `президент оргкомитета`, where
    the bare title means the head of state)."""
    kinds = {public_figures.a_country(comp) for g in candidates for t, comp in g.role_keys + g.background_keys
             if comp and base_title(t) == base_title(title)}  # a bare post (`постпред`) says neither
    return len(kinds) <= 1


def salient_before(candidates: list[Group], offset: int) -> Group | None:
    """Of several people a bare title fits, the one the story is about so far: named by name
    SALIENT_MENTIONS times or more before `offset`, SALIENCE times as often as any other (`постпред` in a
    portrait of Чуркин, a paragraph after the Syrian envoy `постпред Сирии Башар Джаафари`)."""
    if len(candidates) < 2:
        return None
    counts = sorted(((named_before(g, offset), n) for n, g in enumerate(candidates)), reverse=True)
    (top, n), (second, _) = counts[0], counts[1]
    return candidates[n] if top >= SALIENT_MENTIONS and top >= SALIENCE * second else None


def named_before(g: Group, offset: int) -> int:
    """How many times the person is named by name before `offset` (a role mention may have looked ahead)."""
    return sum(m.start < offset and m.kind == "name" for m in g.mentions)


def named_near(doc: Doc, g: Group, k: int) -> bool:
    """Whether the person is named by name in the sentence of token `k`, before it, or in the one before."""
    sent = doc.tokens[k].sent
    first = doc.sentences[max(sent - 1, 0)].start
    return any(m.kind == "name" and first <= m.start < doc.tokens[k].start for m in g.mentions)


def closest_before(candidates: list[Group], offset: int) -> Group | None:
    """The candidate mentioned last before `offset`; if none was, the only candidate, else None."""
    def last_before(g: Group) -> int:
        return max((m.start for m in g.mentions if m.start < offset), default=-1)
    ranked = sorted(candidates, key=last_before, reverse=True)
    if last_before(ranked[0]) >= 0:
        return ranked[0]
    return ranked[0] if len(ranked) == 1 else None


# --- 5. pronouns ------------------------------------------------------------------------------------


def pronoun_positions(doc: Doc) -> list[tuple[int, str]]:
    """(token index, required gender) of pronouns that refer to a person: `Он ...` opening a sentence, `он`/`она`
    as a subject anywhere, `по его/её словам`, `его/её слова`."""
    genders = lexicon.table("pronouns")
    out = []
    for i, t in enumerate(doc.tokens):
        low = fold(t.text)
        if low in ("его", "ее") and i >= 1 and fold(doc.tokens[i - 1].text) == "по" \
                and i + 1 < len(doc.tokens) and fold(doc.tokens[i + 1].text).startswith("слов"):
            out.append((i, "Masc" if low == "его" else "Fem"))
        elif t.pos == "PRON" and t.lemma in genders and (i == doc.sentences[t.sent].first or (
                t.feats.get("Case") == "Nom" and fold(t.text) in ("он", "она"))):
            out.append((i, genders[t.lemma]))  # `Он отметил`, `В пятницу он улетел в Нью-Йорк`
    return out


def resolve_pronoun(doc: Doc, groups: list[Group], token_index: int, gender: str) -> Group | None:
    """The person a pronoun at `token_index` most likely means: of the people of its gender mentioned within
    PRONOUN_SCOPE sentences before it, by a name, a title or a pronoun resolved before, those of the nearest
    sentence, the last one named as a subject (in the nominative) there, else the last one mentioned there
    (`Макгирт после известия о смерти Дадашева заявил ... Он добавил` means Макгирт; `Исправлять ситуацию
    поручили вице-премьеру Рогозину. В ноябре он прилетел` means Рогозин, though another was a subject before);
    not a relative named in a sentence that opens with the kinship (`Сын генерала Олега Рогозина, он ...`).
    A subject of a relative clause yields to the sentence's own (`Янукович, которого поддерживает Ахметов,
    прибыл`), a pronoun inside a relative clause is not the one its `который` stands for, and the story's
    topic, fronted in the sentence before, goes first (fronted_topic)."""
    t = doc.tokens[token_index]
    kin = doc.sentence_tokens(t.sent)[0].lemma in KIN
    # not the one `который` stands for (`Его поддержал Кудрин, с которым он встречался`: not Кудрин)
    antecedent = doc.relative_antecedent(token_index)
    at = doc.tokens[antecedent].start if antecedent is not None else -1
    excluded = next((g for g in groups if any(m.start <= at < m.stop for m in g.mentions)), None)
    best, best_key = None, (-1, False, False, -1)
    for g in groups:
        if g.type != "PER" or (g.gender and g.gender != gender) or g is excluded:
            continue
        for m in g.mentions:
            if m.start >= t.start or kin and m.start >= doc.sentences[t.sent].start:
                continue
            head = doc.token_at(m.stop - 1)
            sent = doc.tokens[head if head is not None else 0].sent
            if t.sent - sent > PRONOUN_SCOPE:
                continue
            span = doc.tokens_in(m.start, m.stop)
            if sent == t.sent and span and companion(doc, span.start):
                continue  # `Вместе с Медведевым и Вексельбергом он бродил`: one's companions are others
            nominative = any(doc.tokens[k].feats.get("Case") == "Nom" for k in span)
            # the subject of the sentence before that of a relative clause in it (`Янукович, которого
            # поддерживает Ахметов, прибыл в Брюссель. Там он встретился с Баррозу`: Янукович)
            main = nominative and bool(span) and not doc.in_relative_clause(span.start)
            key = (sent, main, nominative, m.start)
            if key > best_key:
                best, best_key = g, key
    if best is not None and best_key[0] < t.sent:
        topic = fronted_topic(doc, groups, best_key[0])
        if topic is not None and topic is not best and topic is not excluded and (not topic.gender or topic.gender == gender):
            return topic
    return best


def companion(doc: Doc, first: int) -> bool:
    """Whether the name starting at token `first` is in the instrumental after `с` (`с Медведевым`, `вместе с
    Медведевым и Виктором Вексельбергом`), back over the names, titles and `и` of a list."""
    if doc.tokens[first].feats.get("Case") != "Ins":
        return False
    k = first - 1
    while k >= doc.sentences[doc.tokens[first].sent].first:
        w = doc.tokens[k]
        if fold(w.text) in ("с", "со"):
            return True
        if not (w.text in (",", "и") or w.pos in ("PROPN", "NOUN", "ADJ") and w.feats.get("Case") == "Ins"):
            return False
        k -= 1
    return False


def fronted_topic(doc: Doc, groups: list[Group], sent: int) -> Group | None:
    """The person a sentence opens with, not as its subject, who was the subject of the sentence before it:
    the one the story goes on about, whom a later `он` means (`Путин прилетел в Душанбе. Президента в
    аэропорту встречал Расулзода. Затем он провел переговоры с Рахмоном`: Путин), or None."""
    if sent == 0:
        return None
    first, first_nominative, group_of_first = None, False, None
    subjects_before = set()
    for g in groups:
        if g.type != "PER":
            continue
        for m in g.mentions:
            span = doc.tokens_in(m.start, m.stop)
            if not span:
                continue
            s = doc.tokens[span.start].sent
            nominative = any(doc.tokens[k].feats.get("Case") == "Nom" for k in span)
            if s == sent and (first is None or m.start < first):
                first, first_nominative, group_of_first = m.start, nominative, g
            elif s == sent - 1 and nominative and not doc.in_relative_clause(span.start):
                subjects_before.add(id(g))
    if group_of_first is None or first_nominative or id(group_of_first) not in subjects_before:
        return None
    return group_of_first


def resolve_pronoun_mentions(doc: Doc, groups: list[Group]) -> None:
    for i, gender in pronoun_positions(doc):
        g = resolve_pronoun(doc, groups, i, gender)
        if g is not None:
            t = doc.tokens[i]
            g.add(Mention(t.start, t.stop, t.text, "pronoun"))


# --- the record ---------------------------------------------------------------------------------------


def kept_groups(groups: list[Group]) -> list[Group]:
    """The groups that become entities, in the order of their first mention."""
    kept = [g for g in groups if g.mentions and g.name]
    for g in kept:
        g.mentions.sort(key=lambda m: (m.start, m.stop))
    return sorted(kept, key=lambda g: g.mentions[0].start)


def to_entities(groups: list[Group]) -> list[Entity]:
    return [Entity(f"e{n}", g.type, display_name(g), list(g.roles), list(g.mentions))
            for n, g in enumerate(kept_groups(groups), 1)]


def display_name(g: Group) -> str:
    name = g.name
    return recover_shape(name, name) if g.type == "PER" else name
