"""Who and where: the dependents of a trigger, their keys, and the entities they name.

Works on parsed sentences (token `head`/`rel`). An argument token names an entity when an entity mention
covers it (names, roles and pronouns the entities stage resolved), or through its apposition
(`лидером Владимиром Зеленским`), a title's genitive (`послом Италии` → Италия), a relative pronoun's
antecedent (`Миллер и Озерец, которые встречаются`), or a first-person pronoun inside a quote (`мы` → the
speaker). Coordinated arguments (`Россией и Украиной`) give one entity each. A title without a name may name
the people it is spelt out as (`главы трех государств — Лукашенко, Назарбаев и Медведев`), the one person
the next sentence introduces (`named_after`), or, for `гость`, the one who came (`visitor`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from letopis.analysis import lexicon, public_figures
from letopis.analysis.document import CLAUSE_EDGES, Doc, Token
from letopis.analysis.entities import country_of_demonym
from letopis.analysis.events import pronouns, roles
from letopis.analysis.events.frames import (
    compound_prepositions,
    context_words,
    frame_of,
    frames_of,
    narrative_breaks,
    part_nouns,
)
from letopis.analysis.nationality import place_adjective
from letopis.analysis.parse_repairs import THOSE
from letopis.analysis.person_names import oblique_only, undeclined_name
from letopis.model import Entity

CASES = {"Nom": "nom", "Gen": "gen", "Dat": "dat", "Acc": "acc", "Ins": "ins", "Loc": "loc"}
FIRST_PERSON = {"я", "мы"}
FIRST_PERSON_POSSESSIVE = {"мой", "наш"}  # `«наша встреча с Путиным», — сказал Назарбаев`: the speaker's
UP_FOR_SUBJECT = ("xcomp", "conj", "ccomp", "advcl")
DATIVE_CONTROL = {"удаться", "довестись", "предстоять", "прийтись", "разрешить", "позволить", "разрешать",
                  "позволять", "поручить", "предложить", "рекомендовать", "посоветовать", "нужно", "надо",
                  "необходимо", "следовать"}
POSSESSIVE = {*pronouns.POSSESSIVE, "их"}  # `их встреча`, `его переговоры с X`
INSERTIONS = (("в", "тот", "число"), ("в", "частность"), ("прежде", "всего"), ("в", "первый", "очередь"))
PARTICIPATION = {"участие", "председательство", "присутствие", "посредничество"}
CHANNELS = {"телефон", "видеосвязь", "скайп", "связь"}  # `по телефону с X`: X is the verb's partner
GUESTS = ("гость", "гостья")  # the one who came (`принял гостя`)
LISTED_NOUNS = frozenset({"участник", "член", "представитель"})  # plural nouns of people a dash may spell out
INTERLOCUTORS = ("собеседник", "собеседница")  # like guests, the people named together before
HOSTS = ("хозяин", "хозяйка")  # the one who received them (`хозяин и его гость беседовали`)
COPULAS = frozenset({"выступить", "выступать", "стать", "быть", "оказаться", "являться"})  # `Хозяином выступил X`
CLIENT_NOUNS = frozenset({"подзащитный", "подзащитная", "доверитель", "доверительница"})  # a lawyer's client
DEFENDERS = frozenset({"адвокат", "защитник", "защищать", "защитить"})  # `адвокат X`, `защищавший X`
RELAY_NOUNS = frozenset({"преемник", "преемница", "предшественник", "предшественница"})  # of a post: the one
# who held it before the subject, or took it after them (`позвонил предшественнику`, `провел с преемником полдня`)
NOT_OF_POST = frozenset({"бывший", "прежний", "тогдашний", "новый", "нынешний", "будущий", "временно", "исполняющий",
                         "обязанности", "уходящий"})  # words of a role that say when, not which post
COLLECTIVE = {"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7}  # `собрались трое`
COLLECTIVE_NUMERALS = frozenset({*COLLECTIVE, "оба", "обе"})
COUNTS = {"два": 2, "оба": 2, "три": 3, "четыре": 4}  # `встреча двух чиновников`, `обоих лидеров`
VISITOR_SCOPE = 3  # sentences back
AGE = re.compile(r"\d+-летн\w+")  # `79-летний`, `76-летнего`
# travelling somewhere (`они ехали в Харьков`), not coming to a meeting (candidates.ARRIVAL_VERBS)
TRAVEL_VERBS = frozenset({"приехать", "приезжать", "прилететь", "прилетать", "прибыть", "прибывать", "ехать",
                          "поехать", "ездить", "лететь", "полететь", "летать", "отправиться", "отправляться",
                          "направиться"})
# `в совещании участвовали X и Y`, `на заседании выступили X и Y`, `на переговорах Россию представлял X`: they
# were there
PLACE_HOLDS = ("nmod", "flat:name", "appos")  # how the parser hangs a person on the place before them
PRESENT_VERBS = ("участвовать", "присутствовать", "присоединиться", "присоединяться", "подключиться", "подключаться",
                 "выступить", "выступать", "председательствовать", "представлять", "представить")
TIME_PARTS = frozenset({"начало", "конец", "середина", "окончание"})  # `к концу беседы присоединился X`
HOMES = frozenset({"резиденция", "дача", "кабинет", "офис", "особняк", "квартира", "дом", "поместье", "ранчо", "вилла",
                   "усадьба", "дворец", "номер"})  # `номер`: a hotel room (`в номере Шувалова`)
PARTNER_TIMES = frozenset({"бывший", "старый", "давний", "многолетний", "нынешний", "будущий"})  # `бывшие партнеры`
PARTNER_WORDS = 5  # at most, from `с` to the partner's name: `с исполнительным директором ТНК-BP Германом Ханом`
SUMMONING_VERBS = frozenset({"пригласить", "приглашать", "вызвать", "вызывать", "позвать"})  # their object came
# adjectives of a post: the office or residence of its holder (`в губернаторский кабинет`, `президентский дворец`)
TITLE_ADJECTIVES = {"губернаторский": "губернатор", "президентский": "президент", "премьерский": "премьер",
                    "министерский": "министр", "мэрский": "мэр", "патриарший": "патриарх", "королевский": "король",
                    "ректорский": "ректор", "директорский": "директор"}
HOSTING_VERBS = frozenset({"принять", "принимать", "встретить", "встречать"})  # a guest is their object
RUSSIA = frozenset({"российский", "россия", "рф", "российская федерация"})  # folded: a title of Russia


def first_person(t: Token) -> bool:
    """`я`, `мы`, or the possessive `мой`, `наш`: the speaker in a quote, the narrator outside one."""
    return t.pos == "PRON" and t.lemma in FIRST_PERSON or t.pos == "DET" and t.lemma in FIRST_PERSON_POSSESSIVE


def child_index(doc: Doc, sent_indices: list[int]) -> dict[int, list[int]]:
    """head token → its dependents, for the given (parsed) sentences."""
    out: dict[int, list[int]] = {}
    for si in sent_indices:
        s = doc.sentences[si]
        for i in range(s.first, s.last):
            h = doc.tokens[i].head
            if h >= 0:
                out.setdefault(h, []).append(i)
    return out


def known_for_another_post(person: Entity, title: str, year: int | None) -> bool:
    """Whether the list of public figures gives the person posts, none of those held in the article's year
    (any, when it is not known) with this title: `Обама` is no `музыкант`, whatever the article leaves
    unsaid, and Рогозин no `вице-премьер` in 2020."""
    figure = public_figures.entry_for(person.name, None)
    return figure is not None and bool(figure.posts) and all(p.key[0] != title for p in figure.held_in(year))


class Arguments:
    """Syntax and entity look-ups over one document's parsed sentences."""

    def __init__(self, doc: Doc, sent_indices: list[int]):
        self.doc = doc
        self.kids = child_index(doc, sent_indices)
        self.indexed = set(sent_indices)
        self.covering = mention_index(doc)
        self.speakers = [(q.content.start, q.content.stop, q.speaker.entity, q.kind == "direct") for q in doc.quotes
                         if q.speaker is not None and q.speaker.entity]
        self.institutions = lexicon.words("event_proxy_nouns")
        self.titles = lexicon.table("titles").keys()
        self.proxies = self.titles | self.institutions
        self.roles = roles.role_index(doc)
        self.by_id = {e.id: e for e in doc.entities}
        self.people = pronouns.person_mentions(doc)
        self.avoid: set[str] = set()  # entities already in the event being filled (for pronouns)
        self.relaying = False  # finding whose predecessor or successor is meant (in_post_of_subject), not again
        self.narrator = doc.layers.get("narrator")  # who says `я` outside quotes, in a memoir (narrator.py)
        self.protagonist = doc.layers.get("protagonist")  # whom a profile is about (protagonist.py)

    # --- syntax ---------------------------------------------------------------------------------

    def parse(self, sent: int) -> None:
        """Parse one more sentence on demand and index its dependents, so that `children` sees them."""
        if sent not in self.indexed:
            self.doc.parse([sent])
            for head, kids in child_index(self.doc, [sent]).items():
                self.kids.setdefault(head, []).extend(kids)
            self.indexed.add(sent)

    def children(self, i: int, *rels: str) -> list[int]:
        kids = self.kids.get(i, [])
        return [k for k in kids if not rels or self.doc.tokens[k].rel in rels]

    def preposition(self, i: int) -> str | None:
        """The preposition that marks token `i`: its lemma (`с лидером` → `с`), or its words when the parser
        reads several as one (`в ходе встречи` → `в ходе`)."""
        for k in self.children(i, "case"):
            fixed = self.children(k, "fixed")
            if fixed:
                return " ".join(self.doc.tokens[j].text.lower() for j in sorted([k, *fixed]))
            return self.doc.tokens[k].lemma
        return None

    def circumstance(self, i: int, lemma: str | None = None) -> bool:
        """Whether token `i` stands in a circumstance of its clause (`в ходе встречи`, `на переговорах`);
        `lemma`: the event noun it stands for, when `i` is a part of it (`в расширенной части переговоров`)."""
        context = context_words()
        prep = self.preposition(i) or ""
        limited = context["preposition"].get(prep)
        if prep == "на" and self.doc.tokens[i].feats.get("Case") == "Acc" or \
                prep == "за" and self.doc.tokens[i].feats.get("Case") != "Ins":
            limited = None  # `ответил на звонок`, `пришел на встречу`: where the clause goes, not where it is
        if limited is not None:
            return not limited or any(f.type in limited for f in frames_of(lemma or self.doc.tokens[i].lemma))
        h = self.doc.tokens[i].head
        return h >= 0 and self.doc.tokens[h].lemma in context["noun"] and self.doc.tokens[i].rel == "nmod"

    def prepositional_keys(self, i: int, prep: str) -> tuple[str, str]:
        """The keys of token `i` under preposition `prep`, with its case and without: ('в:acc', 'в')."""
        return (f"{prep}:{CASES.get(self.doc.tokens[i].feats.get('Case', ''), '')}", prep)

    def key_of(self, i: int) -> tuple[str, ...]:
        """The frame keys of dependent `i`, most specific first: ('в:acc', 'в'), ('subj',), ('gen',)."""
        t = self.doc.tokens[i]
        if t.rel == "nsubj" and t.feats.get("Case") in ("Dat", "Acc", "Gen") and (self.other_subject(i) or self.disagrees(i)):
            # `Путин позвонил Лукашенко`, `Дубине позвонили`; `Евкурова вызвал к себе Володин` (the accusative of
            # a man's name, tagged as the genitive it looks like)
            return ("dat",) if t.feats["Case"] == "Dat" else ("obj",)
        if t.rel == "nsubj" and t.pos == "PROPN" and (self.other_subject(i) or self.subject_conjunct(i) is not None) \
                and (case := oblique_only(t.text)):
            return ("dat",) if case == "Dat" else ("obj",)  # `Фортову позвонил Медведев`, `Фортову` tagged Nom
        if t.rel == "nsubj" and t.pos == "PROPN" and self.undeclined_beside_subject(i):
            return ("dat", "obj")  # `Путин позвонил Лукашенко`: the verb's case, dative or accusative
        if t.rel == "nsubj":
            return ("subj",)
        if t.rel == "det" and (t.lemma in POSSESSIVE or t.lemma in FIRST_PERSON_POSSESSIVE) \
                and self.doc.tokens[t.head].pos == "NOUN":
            return ("gen",)  # `их встреча`, `его переговоры с X`
        if t.rel == "nsubj:pass" and t.feats.get("Case") not in ("Nom", None) and any(
                self.doc.tokens[k].feats.get("Case") == "Nom" for k in self.children(t.head, "nsubj:pass") if k != i):
            return ()  # a passive has one subject, the nominative (`Решение было принято ... бразильца X`)
        if t.rel in ("obj", "nsubj:pass"):
            # an object the parser gave a preposition before it is an oblique (`примет пост у сэра Хогана-Хау`;
            # not `делегацию во главе с X`, whose `во главе` follows it)
            before = any(k < i for k in self.children(i, "case"))
            return self.prepositional_keys(i, self.preposition(i)) if before else ("obj",)
        if t.rel == "iobj":  # the parser's label; an instrumental is no dative (`угостил X обедом`)
            return ("ins",) if t.feats.get("Case") == "Ins" else ("dat",)
        if t.rel == "obl:agent":
            return ("agent",)
        if t.rel not in ("obl", "nmod", "obl:agent") and not (t.rel == "appos" and t.feats.get("Case") == "Dat"):
            return ()
        prep = self.preposition(i)
        case = CASES.get(t.feats.get("Case", ""), "")
        if prep:
            return self.prepositional_keys(i, prep)
        if case == "acc" and t.pos in ("NOUN", "PROPN") or case == "gen" and t.pos == "NOUN" and t.rel in ("obl", "obj") \
                and self.children(i, "nummod:gov"):  # `провели несколько часов с X`: a counted accusative
            return ("obj",)
        if case == "ins" and t.rel == "obl" and (t.lemma in self.institutions or self.entity_at(i)):
            return ("agent",)  # `задержан полицией Москвы`; not `назначен послом`
        if case == "ins":
            return ("ins",)  # `обменялись мнениями`
        if case == "dat":
            return ("dat",)
        if case == "gen" and t.rel == "nmod":
            return ("gen",)
        return ()

    def dependents(self, i: int) -> list[tuple[tuple[str, ...], int]]:
        """(keys, token) of the dependents of `i`, with `в отношении X` read as `против X`."""
        out = []
        compound = compound_prepositions()
        for k in self.children(i):
            t = self.doc.tokens[k]
            key = compound.get((self.preposition(k), t.lemma))
            if key is not None:
                for g in self.children(k, "nmod"):
                    out.append(((key,), g))
                continue
            keys = self.key_of(k)
            if keys:
                out.append((keys, k))
            if keys == ("obj",) and t.pos == "NOUN" and frame_of(t.lemma) is None:
                # a partner the parser hung on the verb's object (`провел время с Березовским`, `обсудил проблему с
                # Путиным`); an event noun's partner is its own (`обсуждают переговоры Путина с X`)
                nmods = self.children(k, "nmod")  # and through a channel: `обсудил договоренности по телефону с X`,
                # or a thing the object is of: `обсуждал ситуацию вокруг шествия с мэром`
                nmods += [c for g in nmods if self.doc.tokens[g].lemma in CHANNELS or (
                    self.doc.tokens[g].feats.get("Animacy") == "Inan" and frame_of(self.doc.tokens[g].lemma) is None)
                    for c in self.children(g, "nmod")]
                for g in nmods:
                    if self.preposition(g) == "с" and self.doc.tokens[g].feats.get("Case") == "Ins" and \
                            any(e.type == "PER" for e in self.entities(g)):
                        out.append((("с:ins", "с"), g))
                    elif self.preposition(g) == "к" and self.doc.tokens[g].lemma == "себя":
                        out.append((self.prepositional_keys(g, "к"), g))  # `пригласил постпреда к себе`
                out.extend((("dat",), g) for g in self.dative_below(k))
            if self.preposition(k):  # what the parser hung on an oblique: `принимает в доме коллегу`,
                place = self.entity_at(k)  # `встретиться на турнире с Кашинским`
                for g in self.children(k, "conj"):  # `отправился в Минфин, к Кудрину`: a phrase of its own
                    prep = self.preposition(g)
                    if prep not in (None, self.preposition(k)) and any(e.type == "PER" for e in self.entities(g)):
                        out.append((self.prepositional_keys(g, prep), g))
                if t.lemma in HOMES and self.preposition(k) in ("в", "на"):  # `в его кабинете`: his office;
                    out.extend((("home",), c) for c in self.children(k, "det", "amod")  # `в губернаторский кабинет`
                               if (self.doc.tokens[c].lemma in pronouns.POSSESSIVE or self.doc.tokens[c].lemma
                                   in TITLE_ADJECTIVES) and any(e.type == "PER" for e in self.entities(c)))
                for g in self.children(k, "nmod"):
                    g_keys = self.key_of(g)
                    if g_keys == ("gen",) and t.lemma in HOMES and self.preposition(k) in ("в", "на") and \
                            any(e.type == "PER" for e in self.entities(g)):
                        out.append((("home",), g))  # `в кабинете Суркова`: the one whose office it is
                        continue
                    if t.lemma == "себя" and self.doc.tokens[g].pos in ("NOUN", "PROPN") and not self.preposition(g):
                        g_keys = ("obj",)  # `принял у себя Лукашенко`: a reflexive has no dependents of its own
                    if g_keys == ("gen",) and place is not None and place.type in ("LOC", "ORG") \
                            and self.doc.tokens[g].feats.get("Animacy") == "Anim" and not self.preposition(g):
                        g_keys = ("obj",)  # `принял в Кремле президента Абхазии`: a person is nobody's Кремль;
                        # the accusative of an animate noun is its genitive's form
                    if self.doc.tokens[g].pos in ("NOUN", "PROPN") and (
                            g_keys == ("obj",) or g_keys[-1:] == ("с",) and (
                                self.entity_at(g) is not None or t.lemma in CHANNELS and self.entities(g))
                            or g_keys[-1:] == ("к",) and self.preposition(k) in ("в", "на")
                            and any(e.type == "PER" for e in self.entities(g))):
                        out.append((g_keys, g))  # `поговорил по видеосвязи с лауреатом X`: X is the partner;
                        # `привез на дачу к Юмашеву`: the one whose dacha it is (not `против обращения к X`)
        stray = self.stray_object(i)
        if stray is not None and not any(k == stray[1] for _, k in out):
            out.append(stray)
        out.extend(self.before_conjunct(i))
        out.extend(self.stranded_after(i))
        return out

    def stranded_after(self, i: int) -> list[tuple[tuple[str, ...], int]]:
        """The oblique right after the verb of a relative clause that the parser hung on the clause above it
        (`присутствовал на приеме, где сидел за одним столом с Путиным`, with `за столом` hung on
        `присутствовал`): nothing but its own words between, so it is the relative verb's."""
        doc = self.doc
        t = doc.tokens[i]
        if t.rel != "acl:relcl" or t.pos != "VERB":
            return []
        s = doc.sentence_of(i)
        k = i + 1
        while k < s.last and doc.below(k, i):
            k += 1
        start = k
        while k < s.last and doc.tokens[k].rel in ("case", "amod", "nummod", "det") and doc.tokens[k].head > k:
            k += 1  # to the oblique's head, past its preposition and modifiers
        if k >= s.last or doc.tokens[k].rel != "obl" or doc.tokens[k].head >= i \
                or not all(doc.below(j, k) for j in range(start, k)):
            return []
        keys = self.key_of(k)
        out = [(keys, k)] if keys else []
        for n in self.children(k, "nmod"):  # `за столом с Путиным`: the partner the parser hung on the oblique
            n_keys = self.key_of(n)
            if n_keys[-1:] == ("с",) and any(e.type == "PER" for e in self.entities(n)):
                out.append((n_keys, n))
        return out

    def dative_below(self, k: int) -> list[int]:
        """A person in the dative the parser hung on the verb's object, or a step below it
        (`вручил прошение об отставке королеве Елизавете`: the queen's, read as the resignation's); the
        dative is the verb's."""
        below = self.children(k, "nmod")
        below += [g for n in below for g in self.children(n, "nmod")]
        return [g for g in below if self.doc.tokens[g].feats.get("Case") == "Dat" and self.preposition(g) is None
                and any(e.type == "PER" for e in self.entities(g))]

    def before_conjunct(self, i: int) -> list[tuple[tuple[str, ...], int]]:
        """The obliques between `и` and the second of two verbs that the parser hung on the first (`прилетела
        Клинтон, и с Саакашвили она провела больше часа`): the second verb's."""
        t = self.doc.tokens[i]
        if t.rel != "conj" or t.head < 0 or self.doc.tokens[t.head].pos != "VERB":
            return []
        cc = self.children(i, "cc")
        if not cc:
            return []
        return [(self.key_of(k), k) for k in self.children(t.head, "obl") if min(cc) < k < i and self.key_of(k)]

    def stray_object(self, i: int) -> tuple[tuple[str, ...], int] | None:
        """A person named right after verb `i`, or right before it, in the dative or accusative, that the
        parser hung elsewhere (`потому Медведев позвонил Аббасу, чтобы ...`, with `Аббасу` hung on the
        sentence's first verb; `Накануне Алиеву и Саргсяну позвонил Обама`, with them hung on `Накануне`): the
        text's order says whose object it is. Before the verb, the first of the names joined to it."""
        doc = self.doc
        t = doc.tokens[i]
        s = doc.sentence_of(i)
        if t.pos != "VERB":
            return None
        for k in (i + 1, i - 1):
            if not s.first <= k < s.last:
                continue
            if k < i:  # `Алиеву и Саргсяну позвонил`: the list's first name holds its place
                while doc.tokens[k].rel == "conj" and s.first <= doc.tokens[k].head < k:
                    k = doc.tokens[k].head
            g = doc.tokens[k]
            case = g.feats.get("Case")
            e = self.entity_at(k)
            if k < i and e is not None and e.type == "PER" and case in ("Gen", "Acc"):
                first = k  # a name the parser ran into the name before it: `С Аллой Пугачевой Прохорова познакомили`
                while first > s.first and self.entity_at(first - 1) is e:
                    first -= 1
                head = doc.tokens[first].head
                if doc.tokens[first].rel == "flat:name" and head >= 0 and self.entity_at(head) not in (None, e):
                    return ("obj",), first
            rels = ("iobj", "obj", "obl", "nmod") if k < i and case == "Dat" else ("iobj", "obj", "obl")
            if g.head in (i, -1) or g.rel not in rels or k > i and doc.tokens[g.head].pos != "VERB":
                continue  # a dative hung on a noun before the verb: `Накануне встречи Алиеву ... позвонил`
            if e is not None and e.type == "PER" and case in ("Dat", "Acc"):
                return ("dat",) if case == "Dat" else ("obj",), k
        return None

    def subject(self, i: int, depth: int = 3) -> list[int]:
        """The subject of the clause of `i`, climbing through infinitives, conjuncts and complements
        (`готов провести`, `заявил, что готов`); a participle's noun (`подписавший X`)."""
        subjects = [self.subject_conjunct(k) or k for k in self.children(i, "nsubj", "nsubj:pass")
                    if not (self.doc.tokens[k].feats.get("Case") in ("Dat", "Acc") and self.disagrees(k))
                    and not (self.doc.tokens[k].feats.get("Case") == "Gen" and self.other_subject(k))
                    and not self.undeclined_beside_subject(k) and not self.numeral_of_time(k, i)
                    and not self.past_conjunct(k, i)] or [
            k for a in self.children(i, "advmod") if self.doc.tokens[a].pos == "ADV"
            for k in self.children(a, "nsubj")]  # `где я оказался за одним столом с X`: hung on `где` by the parser
        for k in sorted(subjects, key=lambda k: self.unlikely_subject(k, i, len(subjects) > 1)):
            # a second subject the parser hung on the verb: `Шумов, лидер «Центра», и Борзыкин встретятся`
            more = [c for c in self.children(i, "conj") if self.doc.tokens[c].pos in ("PROPN", "NOUN")
                    and self.doc.tokens[c].feats.get("Case") == "Nom" and self.entity_at(c) is not None]
            return [k, *more, *self.comitative(k, i), *self.together_with(k), *self.together_with(i)]
        t = self.doc.tokens[i]
        shared = [k for c in self.children(i, "conj") for k in self.children(c, "nsubj") if k < i]
        if shared:  # `Меркель позвонила Медведеву и ... настаивала`: the subject before both, hung on the second
            return shared[:1]
        if (stray := self.undeclined_subject(i)) is not None:
            return [stray]
        if names := self.names_before(i):  # `на ужине: Керимов, Несис и Гальчев провели за столом четыре часа`
            return names
        if t.head < 0 and depth > 0 and t.pos in ("VERB", "ADJ"):  # a second root, where the parser split
            s = self.doc.sentence_of(i)                             # `Обама посетит ..., проведёт встречу`
            earlier = [k for k in range(s.first, i) if self.doc.tokens[k].head < 0
                       and self.doc.tokens[k].pos in ("VERB", "ADJ")]
            return self.subject(earlier[-1], depth - 1) if earlier else []
        if t.head < 0 or depth == 0:
            return []
        if t.rel in ("xcomp", "csubj") and self.doc.tokens[t.head].lemma in DATIVE_CONTROL \
                and not self.children(t.head, "nsubj", "nsubj:pass"):
            # `Им довелось встретиться с X`, `Путину разрешили встретиться`: the dative does what the
            # infinitive says
            dative = [k for k in self.children(t.head, "iobj", "obl") if self.doc.tokens[k].feats.get("Case") == "Dat"
                      and not self.preposition(k) and self.doc.tokens[k].pos in ("PRON", "PROPN", "NOUN")]
            if dative:
                return dative
        if t.rel in UP_FOR_SUBJECT:  # and its own companions: `заехал в офис, где вместе с Яшиным обсуждал`
            above = self.subject(t.head, depth - 1)
            return [*above, *self.together_with(i)] if above else []
        participle = t.rel == "acl" or t.rel == "appos" and t.feats.get("VerbForm") == "Part"  # `Рябков, принимавший`
        if participle and self.doc.tokens[t.head].pos in ("NOUN", "PROPN", "PRON"):
            return [t.head]
        head = self.doc.tokens[t.head]
        if t.rel == "acl:relcl" and head.head >= 0 and head.rel in ("obl", "obj", "iobj", "nmod", "nsubj"):
            # `женился на Марции, с которой встречался`; `побывал Неверов, где встречался с X`
            return self.subject(head.head, depth - 1)
        if t.rel == "acl:relcl" and self.children(t.head, "cop"):
            # `француз был уже в Тбилиси, где уговаривал Саакашвили`: the place is the predicate, with `был`
            return self.subject(t.head, depth - 1)
        return []

    def unlikely_subject(self, k: int, i: int, several: bool) -> tuple[bool, bool]:
        """How unlikely token `k` is to be the subject of verb `i`, to sort its subjects by, the likeliest first:
        first a dative or accusative, or of several a name the dictionary knows only in such a case; then, of
        several, a named place or organisation, the object read as a subject (`Совет Федерации на мероприятии
        представят сенаторы X и Y`: an inanimate noun's accusative is its nominative), or a word before the
        clause's `что`, the clause above's (`канцелярия сообщает, что ... представлять будет X`)."""
        t = self.doc.tokens[k]
        oblique = t.feats.get("Case") in ("Dat", "Acc") or several and t.pos == "PROPN" and oblique_only(t.text) is not None
        return oblique, several and (self.named_thing(k) or self.before_mark(k, i))

    def subject_conjunct(self, k: int) -> int | None:
        """The subject the parser hung as a conjunct on `k`, a name in a case other than the nominative it took
        for a subject (`Позвонил Фортову и Виктор Садовничий`: Садовничий calls); else None."""
        t = self.doc.tokens[k]
        if t.rel != "nsubj" or t.pos != "PROPN" or oblique_only(t.text) is None:
            return None
        return next((c for c in self.children(k, "conj") if self.doc.tokens[c].pos == "PROPN"
                     and self.doc.tokens[c].feats.get("Case") == "Nom" and oblique_only(self.doc.tokens[c].text) is None
                     and self.entity_at(c) is not None), None)

    def undeclined_subject(self, i: int) -> int | None:
        """A surname that does not decline, which the parser read as the genitive of a circumstance before
        the subjectless verb `i` because a comma follows it (`После заседания Фурсенко, не задерживаясь,
        поднялся к Грызлову`): the verb's subject, when the verb agrees with it."""
        t = self.doc.tokens[i]
        if t.pos != "VERB" or t.feats.get("VerbForm") != "Fin" or t.feats.get("Number") == "Plur":
            return None
        for o in self.children(i, "obl"):
            for k in self.children(o, "nmod"):
                name = self.doc.tokens[k]
                e = self.entity_at(k)
                if k < i and name.pos == "PROPN" and e is not None and e.type == "PER" \
                        and name.text.lower() == name.lemma.lower() and self.doc.tokens[k + 1].text == "," \
                        and t.feats.get("Gender") in (None, name.feats.get("Gender")):
                    return k
        return None

    def comitative(self, k: int, i: int) -> list[int]:
        """The partner joined to subject `k` by `с` when the verb `i` is plural, or the subject is `мы`/`они`
        (`Путин с Лукашенко обсудили`, `мы с премьером провели беседу`): both act. With a singular verb the
        `с` is only company (`Путин с супругой посетил`), or a misparse, and is left alone."""
        t, verb = self.doc.tokens[k], self.doc.tokens[i]
        if verb.feats.get("Number") != "Plur" and not (t.pos == "PRON" and t.feats.get("Number") == "Plur"):
            return []
        return [g for g in self.children(k, "nmod") if self.preposition(g) == "с"
                and self.doc.tokens[g].feats.get("Case") == "Ins"
                and (self.doc.tokens[g].pos in ("NOUN", "PROPN", "PRON") or self.entity_at(g) is not None)]  # `с Белых`

    def together_with(self, h: int) -> list[int]:
        """The companions `вместе с X` (`совместно с X`) hung on `h`, a verb or its subject: they act too
        (`Вместе с Лавровым Путин встретился с Эрдоганом`, `Путин вместе с Лавровым провел переговоры`)."""
        out = []
        for v in self.children(h, "advmod"):
            if self.doc.tokens[v].lemma in ("вместе", "совместно"):
                out.extend(g for g in self.children(v, "obl", "nmod") if self.preposition(g) == "с")
        for g in self.children(h, "obl", "nmod"):
            if self.preposition(g) == "с" and any(self.doc.tokens[v].lemma in ("вместе", "совместно")
                                                  for v in self.children(g, "advmod")):
                out.append(g)
        return out

    def participants(self, k: int) -> list[int]:
        """The people a participation phrase names: `с участием X, Y и Z`, `под председательством X`,
        `в присутствии X`, `при участии X` → the genitives of its noun (their conjuncts join through
        `entities`)."""
        if self.doc.tokens[k].lemma not in PARTICIPATION or not self.preposition(k):
            return []
        out = []
        for g in self.children(k, "nmod"):
            if self.doc.tokens[g].feats.get("Case") == "Gen":
                out.append(g)
            else:  # `под председательством X с участием Y`
                out.extend(self.participants(g))
        return out

    def listed_on(self, k: int) -> list[Entity]:
        """The people named after the participation noun `k` up to the end of its clause (a verb, a semicolon,
        a colon, a dash or a bracket), wherever the parser hung them: `с участием победителя Олимпийских игр
        Мнацакана Искандаряна, двукратного чемпиона мира, участника трех олимпиад Александра Игнатенко`."""
        out: list[Entity] = []
        for j in self.rest_of_clause(k + 1):
            e = self.entity_at(j)
            if e is not None and e not in out:
                out.append(e)
        return out

    def rest_of_clause(self, k: int) -> range:
        """Tokens from `k` up to the end of its clause: a verb, a semicolon, a colon, a dash or a bracket."""
        s = self.doc.sentence_of(k)
        end = next((j for j in range(k, s.last) if self.doc.tokens[j].pos in ("VERB", "AUX")
                    or self.doc.tokens[j].text in (";", ":", "—", "–", "(")), s.last)
        return range(k, end)

    def listed_after_dash(self, k: int) -> list[Entity]:
        """The people named after a dash that ends the phrase of the plural title `k`, in its case (the genitive
        and the accusative of people being one form), up to the end of the clause: `пригласил на ужин
        руководителей трёх каналов — Эрнста, Добродеева и Кулистикова`."""
        doc = self.doc
        s = doc.sentence_of(k)
        dash = next((j for j in range(k + 1, min(k + 6, s.last)) if doc.tokens[j].text in ("—", "–")
                     or doc.tokens[j].pos not in ("NOUN", "PROPN", "ADJ", "NUM", "DET")), None)
        if dash is None or doc.tokens[dash].text not in ("—", "–"):
            return []
        return self.listed_from(dash + 1, doc.tokens[k].feats.get("Case"))

    def listed_after_those_who(self, k: int) -> list[Entity]:
        """The people named after a colon or a dash that ends the relative clause of the plural pronoun `k`
        (`тех`, `всех`), in its case: `собрал в Горках тех, кому предстояло представлять заявку: Шувалова, Мутко
        и Сорокина`."""
        doc = self.doc
        s = doc.sentence_of(k)
        if k + 2 >= s.last or doc.tokens[k + 1].text != "," or doc.tokens[k + 2].lemma not in ("кто", "который"):
            return []
        end = next((j for j in range(k + 3, s.last) if doc.tokens[j].text in (":", "—", "–", ";")), None)
        if end is None or doc.tokens[end].text == ";":
            return []
        return self.listed_from(end + 1, doc.tokens[k].feats.get("Case"))

    def listed_from(self, first: int, case: str | None) -> list[Entity]:
        """The people named from token `first` to the end of its clause in the case `case` (the genitive and the
        accusative of people being one form; a name that does not decline is in any)."""
        doc = self.doc
        out: list[Entity] = []
        for j in self.rest_of_clause(first):
            t = doc.tokens[j]
            e = self.entity_at(j)
            same_case = t.feats.get("Case") == case or {t.feats.get("Case"), case} <= {"Acc", "Gen"} \
                or undeclined_name(t.text)  # `Мутко`, whatever case the tagger gives it
            if e is not None and e.type == "PER" and same_case and e not in out:
                out.append(e)
        return out

    def other_subject(self, i: int) -> bool:
        """Whether the head of `i` has another subject, in the nominative (`i` was misread as one)."""
        h = self.doc.tokens[i].head
        return any(k != i and self.doc.tokens[k].feats.get("Case") == "Nom" for k in self.children(h, "nsubj"))

    def past_conjunct(self, k: int, i: int) -> bool:
        """Whether subject `k` of verb `i` is a thing, not a person, that comes after a verb joined to `i`, where
        it belongs to that verb's clause (`встретился с Бекмамбетовым и предложил ему снять фильм`: `фильм` is
        what is to be shot); people named there are the subject of both (`встретились и провели переговоры
        Путин и Си`)."""
        t = self.doc.tokens[k]
        return t.feats.get("Animacy") == "Inan" and self.entity_at(k) is None \
            and any(i < c < k and self.doc.tokens[c].pos == "VERB" for c in self.children(i, "conj"))

    def numeral_of_time(self, k: int, i: int) -> bool:
        """Whether subject `k` of verb `i` is a numeral the verb does not agree with, a length of time read as a
        subject (`минут десять говорил ему`: a numeral as subject takes a neuter or plural verb)."""
        return self.doc.tokens[k].pos == "NUM" and self.doc.tokens[i].feats.get("Gender") in ("Masc", "Fem") \
            and self.doc.tokens[i].feats.get("Number") == "Sing"

    def undeclined_beside_subject(self, i: int) -> bool:
        """Whether subject `i` is a name that does not decline beside another subject in the nominative, one that
        declines or comes first, which is the verb's subject (`Путин позвонил Лукашенко`, `Лукашенко позвонил
        Путин`, `Лавров позвонил Керри`): `i` is the object, in whatever case the verb takes."""
        t = self.doc.tokens[i]
        if not undeclined_name(t.text):
            return False
        return any(k != i and self.doc.tokens[k].feats.get("Case") == "Nom" and self.entity_at(k) is not None
                   and (k < i or not undeclined_name(self.doc.tokens[k].text)) for k in self.children(t.head, "nsubj"))

    def disagrees(self, i: int) -> bool:
        """Whether subject `i` is one and its verb, in the plural, says many (`Дубине позвонили из Киева`: no
        subject, and the one called read as one)."""
        h = self.doc.tokens[i].head
        return h >= 0 and self.doc.tokens[h].feats.get("Number") == "Plur" and self.doc.tokens[i].feats.get("Number") == "Sing" \
            and not self.children(i, "conj")

    def passive(self, i: int) -> bool:
        """`был арестован`, `назначена`: the subject is the one acted upon."""
        return self.doc.tokens[i].feats.get("Voice") == "Pass" or bool(self.children(i, "aux:pass", "nsubj:pass"))

    def entities_of_subject(self, i: int) -> list[Entity]:
        """The entities of the subject of `i`. When the parser found no subject, or took an event noun for it
        (`Встреча с послом ... посол Сандали встретился` read as one sentence), those of a nominative name
        before `i` that hangs on it."""
        out: list[Entity] = []
        subject = self.subject(i)
        for k in subject:
            out.extend(e for e in self.entities(k) if e not in out)
        stray = all(frame_of(self.doc.tokens[k].lemma) is not None for k in subject)
        if not out and stray:
            for k in self.clause_nominative(i):
                out.extend(e for e in self.entities(k) if e not in out)
        return out

    def names_before(self, i: int) -> list[int]:
        """The names in the nominative right before the verb `i`, after a colon, a dash or a semicolon, or two or
        more of them before a plural verb, that the parser hung elsewhere (`договорились на ужине: Керимов, Несис и
        Гальчев провели за столом четыре часа`)."""
        t = self.doc.tokens[i]
        if t.pos != "VERB":
            return []
        s = self.doc.sentence_of(i)
        out: list[int] = []
        k = i - 1
        if k > s.first and self.doc.tokens[k].text in ("—", "–"):
            k -= 1  # `втроём — Жуков, Мутко и Чернышенко — обсуждали`: the list between dashes
        while k >= s.first:
            tk = self.doc.tokens[k]
            e = self.entity_at(k)
            if tk.text == "," and out:  # `, как рассказывает сотрудник группы, Вексельберг и Слободин встречаются`
                before = self.entity_at(k - 1) if k > s.first else None
                if before is None or before.type != "PER":
                    break
            if e is not None and e.type == "PER" and tk.feats.get("Case") in ("Nom", None):
                if tk.pos == "PROPN":
                    out.append(k)
            elif not (tk.text in (",", "и") or tk.lemma in self.titles or e is not None  # `глава Glencore Иван X`
                      or tk.feats.get("Case") == "Gen" or tk.pos == "ADJ"):
                break
            k -= 1
        boundary = k < s.first or self.doc.tokens[k].text in (":", ";", "—", "–", ",")
        # or two or more names before a plural verb, hung on a genitive before them (`за несколько дней до
        # оглашения приговора Белых и Навальный поужинали`): they are what the verb says
        several = len(out) >= 2 and t.feats.get("Number") == "Plur"
        return out if boundary or several else []

    def clause_nominative(self, i: int) -> list[int]:
        """A nominative name before `i`, in its clause, that the parser did not take for its subject
        (`Казахстан, не будучи посредником, готов`)."""
        s = self.doc.sentence_of(i)
        for k in range(s.first, i):
            t = self.doc.tokens[k]
            if t.feats.get("Case") != "Nom" or t.pos not in ("PROPN", "NOUN") or self.children(k, "case"):
                continue
            if self.entity_at(k) is not None and self.in_clause_of(k, i):
                return [k]
        return []

    def in_clause_of(self, k: int, i: int, depth: int = 3) -> bool:
        """Whether `k` hangs on `i` through nouns only (not through another verb or a clause)."""
        for _ in range(depth):
            h = self.doc.tokens[k].head
            if h < 0 or self.doc.tokens[k].rel in ("acl:relcl", "ccomp", "advcl", "acl", "parataxis"):
                return False
            if h == i:
                return True
            if self.doc.tokens[h].pos in ("VERB", "AUX"):
                return False
            k = h
        return False

    def conjuncts(self, i: int) -> list[int]:
        out = [i]
        for k in self.children(i, "conj"):
            if self.doc.tokens[k].pos in ("NOUN", "PROPN", "PRON"):
                out.extend(self.conjuncts(k))
        return out

    def standing_for(self, i: int) -> int:
        """The word that stands for event noun `i` in its clause: the part or series it is the genitive of
        (`раунд переговоров`, `в расширенной части переговоров`), or the time of it someone joined it at
        (`к концу беседы присоединился X`), else `i` itself."""
        t = self.doc.tokens[i]
        if t.rel != "nmod" or t.head < 0 or t.feats.get("Case") != "Gen":
            return i
        h = self.doc.tokens[t.head]
        if h.lemma in part_nouns() or h.lemma in TIME_PARTS and h.head >= 0 \
                and self.doc.tokens[h.head].lemma in PRESENT_VERBS:
            return t.head
        return i

    # --- entities -------------------------------------------------------------------------------

    def before_mark(self, k: int, i: int) -> bool:
        """Whether token `k` stands before the conjunction that opens the clause of verb `i` (`что`, `чтобы`)."""
        return any(k < m < i for m in self.children(i, "mark"))

    def named_thing(self, i: int) -> bool:
        """Whether token `i` names a place or an organisation."""
        e = self.entity_at(i)
        return e is not None and e.type != "PER"

    def entity_at(self, i: int) -> Entity | None:
        """The entity of the shortest mention covering token `i`."""
        found = self.covering.get(i)
        return found[1] if found else None

    def entities(self, i: int) -> list[Entity]:
        """The entities an argument headed by token `i` names (one per conjunct)."""
        out: list[Entity] = []
        more: list[Entity] = []
        for k in self.conjuncts(i):
            out.extend(e for e in self.entities_of_one(k) if e not in out)
            more.extend(self.listed_as_apposition(k))
            if self.doc.tokens[k].lemma not in self.titles and (
                    self.doc.tokens[k].pos != "NOUN" or self.entity_at(k) is not None):
                continue
            a = self.apposition_token(k)
            if a is not None:  # `встреча глав МИД Сергея Лаврова и Хиллари Клинтон`: the rest of the names
                more.extend(self.listed_after(a))
                more.extend(e for c in self.children(a, "conj") for e in [self.entity_at(c)]
                            if e is not None and e.type == "PER")  # `министров ... Гидо Вестервелле и Радослава Сикорского`
            case = self.doc.tokens[k].feats.get("Case")
            for g in self.children(k, "appos"):  # `владельцу X Олегу Дерипаске, совладельцу Y Андрею Гурьеву`,
                e = self.entity_at(g)             # both names hung on the first noun
                if e is not None and e.type == "PER" and self.doc.tokens[g].feats.get("Case") == case:
                    more.append(e)
        for e in more + self.listed_after(i) + self.headed_by(i) + self.made_up_of(i) + self.included(i):
            if e not in out:
                out.append(e)
        return out

    def listed_as_apposition(self, k: int) -> list[Entity]:
        """Another person whom the parser hung on the name at `k` as a titled apposition, in a list: `принял
        Роберта Дадли, председателя совета директоров BP Карла-Хенрика Сванберга и ...` → Сванберг."""
        first = self.entity_at(k)
        if first is None or first.type != "PER":
            return []
        out = []
        for g in self.children(k, "appos"):
            if self.doc.tokens[g].lemma in self.titles:  # the title is a mention of the one it names, or not
                for h in (g, *self.children(g, "appos")):
                    e = self.entity_at(h)
                    if e is not None and e.type == "PER" and e is not first and e not in out:
                        out.append(e)
        return out

    def included(self, i: int) -> list[Entity]:
        """The members a group at `i` is said to include, which the parser hangs on it or on its genitive:
        `с лидерами фракций, включая Януковича и Тимошенко`, `с лидерами фракций, в том числе с Зюгановым`."""
        out: list[Entity] = []
        layer = [i]
        for _ in range(2):
            below = [k for h in layer for k in self.children(h, "nmod", "advmod", "acl")]
            for k in below:
                t = self.doc.tokens[k]
                if t.lemma == "включая" or t.text.lower() == "включая":
                    for g in self.children(k, "obj", "nmod", "obl"):
                        out.extend(e for e in self.entities(g) if e not in out)
                elif any(self.doc.tokens[n].lemma == "число" and self.preposition(n) == "в"
                         and any(self.doc.tokens[d].lemma == "тот" for d in self.children(n, "det"))
                         for n in self.children(k, "nmod")):
                    out.extend(e for e in self.entities(k) if e not in out)
            layer = below
        return out

    def headed_by(self, i: int) -> list[Entity]:
        """The person who leads the group at `i`: `с делегацией Украины во главе с премьером Азаровым` →
        Азаров (read along the text, as the parser hangs `во главе с` anywhere)."""
        tokens = self.doc.tokens
        s = self.doc.sentence_of(i)
        for j in range(i + 1, min(i + 6, s.last - 3)):
            if tokens[j].pos in ("PUNCT", "VERB"):
                return []
            if tokens[j].text.lower() == "во" and tokens[j + 1].lemma == "глава" and tokens[j + 2].lemma == "с":
                for k in range(j + 3, min(j + 7, s.last)):
                    e = self.entity_at(k)
                    if e is not None and e.type == "PER":
                        return [e]
                    if tokens[k].pos in ("PUNCT", "VERB"):
                        return []
                return []
        return []

    def made_up_of(self, i: int) -> list[Entity]:
        """The people a group at `i` is made up of: `миссия Европарламента в составе Квасьневского и Кокса` →
        Квасьневский, Кокс (read along the text, up to the end of the clause)."""
        tokens = self.doc.tokens
        s = self.doc.sentence_of(i)
        for j in range(i + 1, min(i + 6, s.last - 2)):
            if tokens[j].pos in ("PUNCT", "VERB"):
                return []
            if tokens[j].lemma == "в" and tokens[j + 1].lemma == "состав":
                out: list[Entity] = []
                for k in range(j + 2, min(j + 25, s.last)):
                    if tokens[k].pos == "VERB" or tokens[k].text in (";", ":", "—"):
                        break
                    e = self.entity_at(k)
                    if e is not None and e.type == "PER" and e not in out:
                        out.append(e)
                return out
        return []

    def listed_after(self, i: int) -> list[Entity]:
        """The people listed right after the person at `i`, in its case, that the parser hung elsewhere
        (`итоги встречи А.Вебера и канцлера ФРГ А.Меркель` with `канцлера` read as a conjunct of a word in
        the next clause): `, X`, `и X`, with X's words in the case of `i`."""
        tokens = self.doc.tokens
        first = self.entity_at(i)
        case = tokens[i].feats.get("Case")
        if first is None or first.type != "PER" or not case:
            return []
        s = self.doc.sentence_of(i)
        out: list[Entity] = []
        j, current = i, first
        while True:
            while j < s.last and self.entity_at(j) is current:
                j += 1
            if j + 1 >= s.last or tokens[j].text not in (",", "и"):
                return out
            k = j + 1
            e = self.entity_at(k)
            if e is None or e.type != "PER" or e is current or not one_case(tokens[k].feats.get("Case"), case):
                return out
            if e not in out and e is not first:
                out.append(e)
            j, current = k, e

    def client(self, i: int) -> Entity | None:
        """The person `подзащитный` at `i` means: the one person the article names as someone's client before it
        (`адвокат Ходорковского`, `защищавший Магнитского`: a person right after such a word, in the genitive or
        accusative), failing that the protagonist."""
        clients = {}
        for k in range(1, i):
            if self.doc.tokens[k - 1].lemma in DEFENDERS and self.doc.tokens[k].feats.get("Case") in ("Gen", "Acc"):
                e = self.entity_at(k)
                if e is not None and e.type == "PER" and e.id not in self.avoid:
                    clients[e.id] = e
        if len(clients) == 1:
            return next(iter(clients.values()))
        person = self.protagonist
        if clients or person is None or person.id in self.avoid:
            return None
        return person if any(m.start < self.doc.tokens[i].start for m in person.mentions) else None

    def in_post_of_subject(self, i: int) -> Entity | None:
        """The other person of the article who held a post of the subject of the verb above `i` (the same
        title, and the same complement where both have one), the one named last before `i` if several: their
        predecessor or successor."""
        k = i
        for _ in range(3):
            k = self.doc.tokens[k].head
            if k < 0 or self.doc.tokens[k].pos == "VERB":
                break
        if k < 0 or self.relaying:
            return None  # `предшественник позвонил преемнику`: no one the subject names to start from
        self.relaying = True
        try:
            subject = [e for e in self.entities_of_subject(k) if e.type == "PER"]
        finally:
            self.relaying = False
        if len(subject) != 1:
            return None

        def post(words: tuple[str, ...]) -> tuple[str, ...]:  # from its title on: `типичный губернатор`
            words = tuple(w for w in words if w not in NOT_OF_POST)
            return next((words[j:] for j, w in enumerate(words) if w in self.titles), words)

        def same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
            return bool(a and b) and a[0] == b[0] and (a[1:] == b[1:] or not a[1:] or not b[1:])

        def last_before(e: Entity) -> int:
            return max((m.start for m in e.mentions if m.start < self.doc.tokens[i].start), default=-1)

        theirs = [post(r.words) for r in self.roles if r.person is subject[0]]
        others = {r.person.id: r.person for r in self.roles if r.person is not subject[0]
                  and any(same(post(r.words), p) for p in theirs)}
        return max(others.values(), key=last_before, default=None)

    def counted(self, i: int) -> int:
        """How many people a plural noun of people at `i` counts (`двух чиновников`: 2), or 0."""
        t = self.doc.tokens[i]
        if t.pos != "NOUN" or t.feats.get("Animacy") != "Anim" or t.feats.get("Number") != "Plur" and not (
                t.feats.get("Case") == "Gen" and self.children(i, "nummod:gov")):  # `три президента`
            return 0
        for k in self.children(i, "nummod", "nummod:gov", "det", "amod"):
            if self.doc.tokens[k].lemma in COUNTS:
                return COUNTS[self.doc.tokens[k].lemma]
        return 0

    def entities_of_one(self, i: int) -> list[Entity]:
        t = self.doc.tokens[i]
        if t.lemma in self.titles and t.feats.get("Number") == "Plur":  # `встреча президентов России и США`
            complements = self.complements(i)
            people = roles.holders(self.roles, t.lemma, complements) if complements else \
                roles.all_holders(self.roles, t.lemma)  # `президенты увидятся в Париже`
            if len(people) > 1:
                return people
            people = self.named_in_list(i)
            if len(people) > 1:
                return people
            people = self.of_nationalities(i)  # `израильский и палестинский лидеры`
            if len(people) > 1:
                return people
            people = self.named_for_countries(i)  # `Медведев прибыл в Киев. ... переговоры президентов России и Украины`
            if len(people) > 1:
                return people
            if not complements and t.rel == "nsubj" and self.entity_at(i) is None:
                people = self.met_before(i)
                if len(people) > 1:  # `Горбачев и Буш встретились на Мальте. ... лидеры говорили о разоружении`
                    return people
        count = self.counted(i)
        if count:  # the role stage may have tied the title to one of them
            people = self.spelt_out_after_dash(i)  # `сошлись три президента — Фортов, Дедов и Романенко`
            if len(people) >= 2:
                return people
        if count and self.entity_at(i) is None and not self.children(i, "appos", "flat:name"):
            people = pronouns.last_named(self.doc, self.people, i, count, self.avoid)  # `встреча двух чиновников`
            if people:
                return people
        if t.lemma in COLLECTIVE_NUMERALS:  # `собрались четверо — Фридман, Хан, Вексельберг и Блаватник`
            people = self.named_in_list(i)
            if len(people) > 1:
                return people
        if t.feats.get("Number") == "Plur" and t.lemma in lexicon.words("event_partner_nouns") and t.rel == "nsubj" \
                and self.entity_at(i) is None and not self.children(i, "nmod") \
                and all(self.doc.tokens[k].lemma in PARTNER_TIMES for k in self.children(i, "amod")):
            people = pronouns.subjects_together(self.doc, self.people, i, self.avoid) or \
                pronouns.the_pair(self.doc, self.people, i, self.avoid)  # `бывшие партнеры ужинали вдвоем`
            if len(people) > 1:
                return people
        if t.feats.get("Number") == "Plur" and t.pos == "NOUN" and (t.lemma in self.titles or t.lemma in LISTED_NOUNS
                                                                  or t.lemma in lexicon.words("event_person_nouns")):
            # `руководителей трёх каналов — Эрнста, Добродеева и Кулистикова`, `участников саммита — Меркель, ...`
            listed = self.listed_after_dash(i)
            if len(listed) > 1:
                return listed
        if t.feats.get("Number") == "Plur" and t.lemma in THOSE:
            listed = self.listed_after_those_who(i)  # `собрал тех, кто отвечал за Олимпиаду: Козака и Мутко`
            if len(listed) > 1:
                return listed
        if t.feats.get("Number") == "Plur" and t.lemma in GUESTS + INTERLOCUTORS and self.entity_at(i) is None:
            people = pronouns.subjects_together(self.doc, self.people, i, self.avoid)  # `Утром гости встретились`
            if len(people) > 1:
                return people
        e = self.entity_at(i)
        if e is None and t.pos == "NOUN" and not self.children(i, "nmod", "appos", "flat:name"):
            e = pronouns.kin_of(self.doc, self.people, i, self.avoid)  # `Алла Бут встретилась с мужем`
        if e is not None:
            return [e]
        if t.lemma in ("который", "кто"):
            return self.antecedent(i)
        if t.pos in ("PRON", "DET") and t.lemma in pronouns.PLURAL:  # `их встреча`, `они встретились`
            # `они с Фортовым обедали`, `у них с Потрясаевым состоялся разговор`: `они` is one person besides X
            by_them = t.rel == "nsubj" or t.rel == "obl" and self.preposition(i) == "у"
            partners = self.children(i) + (self.children(t.head, "obl") if by_them and t.head >= 0 else [])
            named = [self.entity_at(c) for c in partners if self.preposition(c) == "с"
                     and self.doc.tokens[c].feats.get("Case") == "Ins" and self.entity_at(c) is not None]
            if t.lemma == "они" and named:
                them = pronouns.subject_and_companions(self.doc, self.people, i, self.avoid | {e.id for e in named})
                if not them and self.protagonist is not None and self.protagonist not in named and \
                        self.protagonist_fits(i, None, plural=True):
                    them = [self.protagonist]  # `В январе они с Фетисовым обедали`, in a profile of Чернышенко
                if them:
                    return them
            people = pronouns.resolve_plural(self.doc, self.people, i, self.avoid)
            if not people and t.lemma == "они" and self.protagonist_fits(i, None, plural=True) \
                    and not pronouns.in_quotation_marks(self.doc, t.start):
                # `Министр Табачник оказался осторожнее. Осенью они обсуждали комиссию`, in a profile of Зурабов:
                # the one the sentence before is about, and the protagonist
                avoid = self.avoid | {self.protagonist.id}
                # or the one person the two sentences name (`Днём соглашение подписали у губернатора Матвиенко.
                # После церемонии они ещё долго беседовали у окна`)
                one = pronouns.subject_and_companions(self.doc, self.people, i, avoid) or \
                    pronouns.named_near(self.doc, self.people, i, avoid)
                people = one + [self.protagonist] if len(one) == 1 else []
            return people
        if first_person(t):
            speaker = self.speaker_at(t.start) or (self.narrator if self.doc.quote_at(t.start) is None else None)
            return [speaker] if speaker else []
        if t.pos == "PRON" or t.pos == "DET" and t.lemma in pronouns.POSSESSIVE:
            # in a speaker's own words `он` is someone else (`«мы с ним ужинали», — рассказал Либерман`); not so
            # in words reported (`вспоминала, как Григорович зашел к ней`), nor `себя`
            speaker = self.speaker_at(t.start, direct=True) if t.lemma in pronouns.PERSONAL or \
                t.lemma in pronouns.POSSESSIVE else None
            avoid = self.avoid | {speaker.id} if speaker is not None else self.avoid
            person = self.life_subject_for(i, avoid) or pronouns.resolve(self.doc, self.people, i, avoid,
                                                                            self.subjects_above(i))
            if person is None and self.protagonist_fits(i, None):
                person = self.protagonist  # `он` with no one of its gender named near it, in a profile
            return [person] if person else []
        e = self.apposition(i) or self.titled_name(i)
        if e is not None:
            return [e]
        if t.lemma in CLIENT_NOUNS and t.feats.get("Number") != "Plur" and self.entity_at(i) is None:
            person = self.client(i)  # `Адвокат Клювгант, навещавший подзащитного`
            if person is not None:
                return [person]
        if t.lemma in RELAY_NOUNS and t.feats.get("Number") != "Plur":
            person = self.in_post_of_subject(i)  # `Басаргин позвонил предшественнику`
            if person is not None:
                return [person]
        if t.lemma in TITLE_ADJECTIVES and t.pos == "ADJ":  # `в губернаторский кабинет`: the governor's
            return roles.holders(self.roles, TITLE_ADJECTIVES[t.lemma], [], before=t.start)
        if t.lemma in self.titles:  # `с президентом Франции`: the person the article calls so
            people = roles.holders(self.roles, t.lemma, self.complements(i), before=t.start)
            if people and (len(people) > 1 or t.feats.get("Number") != "Plur" or not self.children(i, "det", "nummod", "nummod:gov")):
                return people  # not one for `несколько академиков`
        if t.lemma in self.titles or t.lemma in roles.NATIONAL_NOUNS:  # `с британским премьером`, `с французским коллегой`
            for k in self.children(i, "amod"):
                people = roles.of_nationality(self.roles, t.lemma, self.doc.tokens[k].lemma, self.avoid, t.start)
                if not people and t.feats.get("Number") != "Plur":
                    people = roles.russian_without_role(self.doc.entities, self.doc.tokens[k].lemma, t.start,
                                                        self.avoid)
                if people:
                    return people
            if t.feats.get("Number") != "Plur" and self.entity_at(i) is None:
                person = self.visitor(i) if t.lemma in GUESTS else self.named_after(i)
                if person is None and self.protagonist_fits(i, t.lemma):
                    person = self.protagonist  # `по словам самого бизнесмена`, in a profile of one
                if person is not None:
                    return [person]
        if t.lemma in HOSTS and t.feats.get("Number") != "Plur" and self.entity_at(i) is None:
            person = self.host(i)  # `Помимо хозяина и Медведева за столом сидели ...`
            if person is not None:
                return [person]
        if t.lemma in self.titles and t.feats.get("Number") != "Plur" and self.entity_at(i) is None:
            person = self.named_before(i) or self.epithet_of(i)  # `Саркози прилетел в Москву. Французский
            if person is not None:                                # президент провел ...`
                return [person]
        if t.lemma in self.proxies:  # `послом Италии` → Италия, `армия Израиля` → Израиль
            for k in self.children(i, "nmod"):
                e = self.entity_at(k)
                if e is not None and e.type in ("ORG", "LOC") and self.doc.tokens[k].feats.get("Case") == "Gen":
                    return [e]
        return []

    def life_subject_for(self, i: int, avoid: set[str]) -> Entity | None:
        """The person a text told without subjects is about (protagonist.life_subject), for the singular
        pronoun at `i` of their gender outside quotes, when its sentence names no one else of that gender
        before it: `Вечером того же дня ему позвонил Путин`, `В апреле его принял Писеев` (not Мишин, named
        in the sentence before, whose verb went on with the life's subject)."""
        life = self.doc.layers.get("life_subject")
        t = self.doc.tokens[i]
        gender = pronouns.POSSESSIVE.get(t.lemma) if t.pos == "DET" else pronouns.PERSONAL.get(t.lemma)
        if life is None or gender is None or life.gender != gender or life.entity.id in avoid \
                or t.pos != "DET" and t.feats.get("Number") == "Plur" or self.doc.quote_at(t.start) is not None \
                or life.start > t.start:
            return None
        if any(p.sent == t.sent and p.start < t.start and p.gender == gender and p.entity is not life.entity
               and not self.subject_of_object_pronoun(p, i) for p in self.people):
            return None
        return life.entity

    def subject_of_object_pronoun(self, p: pronouns.PersonMention, i: int) -> bool:
        """Whether person mention `p` is the subject of the verb whose object or dative is the personal pronoun
        at `i`, which then cannot be them (`Скуратов пригласил его`: he would be `себя`)."""
        t = self.doc.tokens[i]
        k = self.doc.token_at(p.start)
        if t.pos != "PRON" or t.feats.get("Case") not in ("Acc", "Dat") or k is None or t.head < 0:
            return False
        while self.doc.tokens[k].rel in ("appos", "flat:name", "flat", "conj") and self.doc.tokens[k].head >= 0:
            k = self.doc.tokens[k].head
        return self.doc.tokens[k].rel.startswith("nsubj") and self.doc.tokens[k].head == t.head

    def protagonist_fits(self, i: int, title: str | None, plural: bool = False) -> bool:
        """Whether the protagonist may be what token `i` (a singular pronoun, a title with its lemma, or with
        `plural` the `они` of `они с X`) means: named before it, not in the event already, of the pronoun's
        gender, bearing the title."""
        person, t = self.protagonist, self.doc.tokens[i]
        if person is None or person.id in self.avoid or not any(m.start < t.start for m in person.mentions):
            return False
        if plural:
            return True
        if title is not None:  # a title of theirs, or a word for anyone (`коллега`); not any title of no one's
            return title in roles.NATIONAL_NOUNS or bool(person.roles) and roles.fits(person, title)
        gender = pronouns.POSSESSIVE.get(t.lemma) if t.pos == "DET" else pronouns.PERSONAL.get(t.lemma)
        if gender is None or t.pos != "DET" and t.feats.get("Number") == "Plur":
            return False
        known = [p.gender for p in self.people if p.entity is person and p.gender]
        return not known or max(set(known), key=known.count) == gender

    def visitor(self, i: int, any_gender: bool = False) -> Entity | None:
        """The person `гость`/`гостья` at `i` means: the one who came, named as the subject of a sentence of
        arrival or visit (`Кэмерон прибыл в Москву ... Медведев принял гостя`), or after `визит`/`поездка`
        (`визит Меркель в Варшаву ... гостья была принята`), or the one asked to come (`Прохорова пригласили на
        Старую площадь. Разговор с Сурковым ...`), or the one a host received (`Обама принял
        Медведева. Затем гость встретился с Клинтон`), within VISITOR_SCOPE sentences before, of the title's
        gender (of either, for a word with none: `Визит начался с переговоров`); failing these, for `гостья`,
        the one woman named there (`Меркель пообещала ... В ходе визита гостья была принята`)."""
        found = None
        gender = None if any_gender else "Fem" if self.doc.tokens[i].lemma == "гостья" else "Masc"
        near = self.named_just_before(i, gender)
        for p in near:
            k = self.doc.token_at(p.start)
            words = self.doc.sentence_tokens(p.sent)
            arrives = p.subject and any(f.type == "VISIT" for w in words for f in frames_of(w.lemma))
            visited = k is not None and k > 0 and self.doc.tokens[k - 1].lemma in ("визит", "поездка")
            if arrives or visited or k is not None and (self.received(k) or self.summoned(k)):
                found = p.entity
        if found is None and gender == "Fem":  # `В ходе визита гостья была принята`: the one woman named just before
            women = {p.entity.id: p.entity for p in near if p.gender == "Fem"}
            found = next(iter(women.values())) if len(women) == 1 else None
        return found

    def visitors(self, i: int) -> list[Entity]:
        """The people `они` stands for as the subject of a verb of arrival or visit within VISITOR_SCOPE
        sentences before token `i`, the last such (`Квасьневский и Кокс приезжали на Украину ... первым делом они
        ехали в Харьков ... Беседы с ней длились три часа`); none if there is none."""
        tokens = self.doc.tokens
        first = self.doc.sentences[max(0, tokens[i].sent - VISITOR_SCOPE)].first
        for k in range(i - 1, first - 1, -1):
            if not pronouns.they(tokens[k]):
                continue
            stop = self.doc.sentences[tokens[k].sent].last
            verb = next((v for v in range(k + 1, stop) if tokens[v].pos == "VERB" or tokens[v].text in CLAUSE_EDGES), None)
            if verb is not None and tokens[verb].lemma in TRAVEL_VERBS and tokens[verb].feats.get("Number") == "Plur":
                return pronouns.resolve_plural(self.doc, self.people, k, self.avoid)
        return []

    def named_just_before(self, i: int, gender: str | None) -> list[pronouns.PersonMention]:
        """The mentions of people of `gender` (or of no gender shown; of any, for None) within VISITOR_SCOPE
        sentences before token `i`, in text order, leaving out those the event already names."""
        t = self.doc.tokens[i]
        return [p for p in self.people if p.start < t.start and t.sent - p.sent <= VISITOR_SCOPE
                and p.entity.id not in self.avoid and (gender is None or p.gender in (gender, None))]

    def host(self, i: int) -> Entity | None:
        """The person `хозяин`/`хозяйка` at `i` means: the last one before it, within VISITOR_SCOPE sentences, of
        its gender, who received others (`Ху Цзиньтао, принимавший коллег`, `Медведев принял Обаму`), was
        called the host (`Хозяином выступил Мубарак`) or owns the home they met in (`в резиденции
        израильского премьера`)."""
        found = None
        for p in self.named_just_before(i, "Fem" if self.doc.tokens[i].lemma == "хозяйка" else "Masc"):
            k = self.doc.token_at(p.start)
            if k is None:
                continue
            if self.doc.sentences[p.sent].parsed and self.hosted(k) or p.subject and any(
                    w.lemma in HOSTS and w.feats.get("Case") == "Ins" for w in self.doc.sentence_tokens(p.sent)):
                found = p.entity  # `Хозяином выступил Мубарак`, a sentence with no event the stage parsed
            elif k > 0 and self.doc.tokens[k - 1].lemma in HOMES and self.doc.tokens[k].feats.get("Case") == "Gen":
                found = p.entity  # `в официальной резиденции израильского премьера`: the home is the host's
        return found

    def hosted(self, k: int) -> bool:
        """Whether the name at token `k` receives others or is called the host, in a parsed sentence."""
        tokens = self.doc.tokens
        t = tokens[k]
        if any(tokens[c].lemma in HOSTING_VERBS and tokens[c].rel.startswith("acl") for c in self.children(k)):
            return True  # `Ху Цзиньтао, принимавший коллег`
        if t.rel != "nsubj" or t.head < 0:
            return False
        verb = tokens[t.head]
        return verb.lemma in HOSTING_VERBS or verb.lemma in COPULAS and any(
            tokens[c].lemma in HOSTS for c in self.children(t.head))  # `Хозяином выступил Мубарак`

    def summoned(self, k: int) -> bool:
        """Whether the name at token `k` is the one asked to come (`Прохорова пригласили на Старую площадь`,
        `Глазьева вызвали в Кремль`) or expected somewhere (`Прохорова ждали на Старой площади`), in a sentence
        the events stage parsed."""
        t = self.doc.tokens[k]
        if not self.doc.sentences[t.sent].parsed or t.head < 0 or t.rel not in ("obj", "nsubj:pass"):
            return False
        verb = self.doc.tokens[t.head].lemma
        return verb in SUMMONING_VERBS or verb == "ждать" and any(
            self.preposition(g) in ("в", "на") for g in self.children(t.head, "obl"))

    def received(self, k: int) -> bool:
        """Whether the name at token `k` is the one a host receives or meets (`Обама принял Медведева`,
        `Медведев был принят Обамой`), in a sentence the events stage parsed."""
        t = self.doc.tokens[k]
        if not self.doc.sentences[t.sent].parsed or t.head < 0:
            return False
        return self.doc.tokens[t.head].lemma in HOSTING_VERBS and t.rel in ("obj", "nsubj:pass")

    def named_after(self, i: int) -> Entity | None:
        """The person a title at `i` that the article ties to no one introduces: the one person first named
        in the next sentence, as its subject, whose roles (if any) fit the title (`Путин провел встречу с
        главой Татарстана. Рустам Минниханов рассказал ...`; not `Путин встретился с главой Татарстана.
        Пресс-секретарь Кремля Дмитрий Песков сообщил ...`, nor a person named before the title, nor one of a
        sentence that moves on: `Позже прибыла ...`, nor, for a title that is a subject, the subject of a
        sentence that calls its holder `его`: `Президент Белоруссии прилетел. Там его встретил Путин`). A
        sentence between that tells of people only by a
        pronoun goes on telling of them (`... встретился с мэром столицы республики. Вместе они осмотрели
        площадку. Ильсур Метшин пообещал гостю ...`)."""
        t = self.doc.tokens[i]
        after = t.sent + 1
        while after < len(self.doc.sentences) and after - t.sent < 3 and not moves_on(self.doc, after) and \
                self.only_pronouns(after):
            after += 1
        if after >= len(self.doc.sentences) or moves_on(self.doc, after) \
                or t.rel.startswith("nsubj") and self.object_pronoun(after):
            return None
        seen = {p.entity.id for p in self.people if p.start < t.start}
        found = {p.entity.id: p.entity for p in self.people if p.sent == after and p.subject
                 and p.entity.id not in seen and p.entity.id not in self.avoid}
        fitting = [e for e in found.values() if roles.fits(e, t.lemma)]
        return fitting[0] if len(found) == 1 and fitting else None

    def object_pronoun(self, sent: int) -> bool:
        """Whether a sentence speaks of someone by `его`, `ей`, `с ним` outside quotes: after a sentence whose
        subject is a title, that title's holder, so its own subject is someone else (`Президент Белоруссии
        прилетел в Москву. Там его встретил Путин`)."""
        return any(t.pos == "PRON" and t.lemma in pronouns.PERSONAL and t.feats.get("Case", "Nom") != "Nom"
                   and self.doc.quote_at(t.start) is None for t in self.doc.sentence_tokens(sent))

    def only_pronouns(self, sent: int) -> bool:
        """Whether a sentence tells of people only by `он`, `она` or `они`, outside quotes (`Вместе они осмотрели
        площадку`), naming no one."""
        tokens = self.doc.sentence_tokens(sent)
        named = any(p.sent == sent for p in self.people if (k := self.doc.token_at(p.start)) is None
                    or self.doc.tokens[k].pos != "PRON")
        return not named and any(t.pos == "PRON" and (t.lemma in pronouns.PERSONAL or t.lemma in pronouns.PLURAL)
                                 and self.doc.quote_at(t.start) is None for t in tokens)

    def named_before(self, i: int) -> Entity | None:
        """The person a title at `i` that the article ties to no one stands for, of the people the sentence
        before names as its subjects who have no role and are not in the event already: for a title of a
        country, the one whose surname agrees with it, Russian for Russia and not Russian for any other
        (`Николя Саркози прилетел в Москву. Французский президент провел переговоры`; `Сергей Лавров прибыл в
        Вашингтон. Глава МИД России встретился с Клинтон`; `Медведев и Саркози провели переговоры. Вечером
        президент Франции ...`: Саркози); for a title of no one country (`глава государства`, `глава
        правительства`: lexicon/generic_complements.txt), the only one. A word for a man of a country fits a
        person of any post (`Дадли, глава BP ... британец побывал у Дворковича`). When the sentence before
        names no one as its subject (`Собеседники договорились`), the one before it does."""
        t = self.doc.tokens[i]
        country = self.country_of_title(i)
        generic = country is None and any(self.doc.tokens[k].lemma in lexicon.words("generic_complements")
                                          for k in self.children(i, "nmod"))
        if country is None and not generic or t.sent == 0:
            return None
        found = {p.entity.id: p.entity for p in self.people if p.sent == t.sent - 1 and p.subject}
        if not found and t.sent > 1:  # `Собеседники договорились ...` between: the sentence before that
            found = {p.entity.id: p.entity for p in self.people if p.sent == t.sent - 2 and p.subject}
        demonym = country_of_demonym(t.lemma)  # `британец` fits any post: `Дадли, глава BP`
        fitting = [e for e in found.values() if (not e.roles or demonym) and e.id not in self.avoid
                   and (generic or roles.surname_fits(e, country == "russia"))]
        return fitting[0] if len(fitting) == 1 else None

    def epithet_of(self, i: int) -> Entity | None:
        """The person a bare word for what someone is (`музыкант`, `писательница`: a title of
        lexicon/titles.txt that heads nothing, with no word of its own but an adjective that points back,
        `76-летний`) stands for: the one person the sentence before or its own sentence before it names who
        has no role, is not in the event already, is not of the other gender and is not known by other posts
        (`Медведев наградил Юрия Башмета. После церемонии президент поговорил с музыкантом`). An age points
        back whatever the word's complement (`76-летний лауреат Нобелевской премии мира`), if it names no one,
        and reaches a sentence further back."""
        t = self.doc.tokens[i]
        aged = any(AGE.fullmatch(self.doc.tokens[k].text.lower()) for k in self.children(i, "amod", "nmod"))
        if any(self.doc.tokens[k].rel not in ("case", "punct") and not self.pointing_back(k)
               and not (aged and self.doc.tokens[k].rel == "nmod" and self.entity_at(k) is None)
               for k in self.children(i)) or lexicon.table("titles").get(t.lemma, "").startswith("*"):
            return None
        gender = t.feats.get("Gender")
        reach = 2 if aged else 1  # `76-летний лауреат` may point past a sentence about someone else
        found = {p.entity.id: p.entity for p in self.people if p.start < t.start and t.sent - p.sent <= reach
                 and p.entity.id not in self.avoid and not p.entity.roles}
        known = {p.entity.id: p.gender for p in self.people if p.gender}
        fitting = [e for e in found.values() if (gender != "Fem" or known.get(e.id) in ("Fem", None))
                   and not known_for_another_post(e, t.lemma, public_figures.article_year(self.doc))]
        return fitting[0] if len(fitting) == 1 else None

    def pointing_back(self, k: int) -> bool:
        """Whether an adjective at `k` keeps a bare word for what someone is pointing at a person named before:
        one of fame (lexicon/event_epithet_adjectives.txt) or an age (`79-летний`)."""
        t = self.doc.tokens[k]  # the parser may hang an age on the noun as if it were a noun (`76-летний`: nmod)
        return t.rel == "amod" and t.lemma in lexicon.words("event_epithet_adjectives") or \
            t.rel in ("amod", "nmod") and k < t.head and AGE.fullmatch(t.text.lower()) is not None

    def named_for_countries(self, i: int) -> list[Entity]:
        """The people a plural title of two or more countries stands for when the article gives those roles to
        no one: for each country, the one person named in this sentence or the two before, with no role, whose
        surname agrees with it (Russian for Russia, not Russian for any other); all countries or none."""
        t = self.doc.tokens[i]
        countries: list[bool] = []  # for each country the title names, whether it is Russia
        for k in self.children(i, "nmod"):
            if self.doc.tokens[k].feats.get("Case") == "Gen":
                for j in self.conjuncts(k):
                    e = self.entity_at(j)
                    if e is not None and e.type == "LOC":
                        countries.append(roles.fold(e.name) in RUSSIA)
                break
        if len(countries) < 2:
            return []
        near = {p.entity.id: p.entity for p in self.people if t.sent - 2 <= p.sent <= t.sent and p.start < t.start
                and not p.entity.roles and p.entity.id not in self.avoid}
        out: list[Entity] = []
        for russia in countries:
            fitting = [e for e in near.values() if e not in out and roles.surname_fits(e, russia)]
            if len(fitting) != 1:
                return []
            out.append(fitting[0])
        return out

    def country_of_title(self, i: int) -> str | None:
        """`russia`, `other` or None: the country a title's adjective or genitive names (`российский лидер`,
        `глава МИД России`, `французский президент`, `президент Франции`)."""
        def adjectives(h: int) -> list[str]:
            return [roles.fold(self.doc.tokens[k].lemma) for k in self.children(h, "amod")
                    if place_adjective(self.doc.tokens[k].lemma)]
        words = adjectives(i)
        if demonym := country_of_demonym(self.doc.tokens[i].lemma):
            words.append(demonym)  # `британец`: a man of Britain
        for k in self.children(i, "nmod"):
            words += adjectives(k)  # `глава российского правительства`
            e = self.entity_at(k)
            if e is not None and e.type == "LOC":
                words.append(roles.fold(e.name))
            for g in self.children(k, "nmod"):  # `глава МИД России`
                e = self.entity_at(g)
                if e is not None and e.type == "LOC":
                    words.append(roles.fold(e.name))
        if not words:
            return None
        return "russia" if any(w in RUSSIA for w in words) else "other"

    def of_nationalities(self, i: int) -> list[Entity]:
        """The people a plural title with adjectives of nationality names, one per adjective: `израильский и
        палестинский лидеры` → the Israeli leader and the Palestinian one."""
        t = self.doc.tokens[i]
        adjectives = [k for a in self.children(i, "amod") for k in self.conjuncts_of(a)]
        out: list[Entity] = []
        for k in adjectives:
            people = roles.of_nationality(self.roles, t.lemma, self.doc.tokens[k].lemma, self.avoid | {e.id for e in out})
            out.extend(e for e in people if e not in out)
        return out if len(adjectives) > 1 and len(out) == len(adjectives) else []

    def conjuncts_of(self, i: int) -> list[int]:
        """`i` and the words coordinated with it, of its part of speech."""
        return [i, *(k for k in self.children(i, "conj") if self.doc.tokens[k].pos == self.doc.tokens[i].pos)]

    def met_before(self, i: int) -> list[Entity]:
        """The people named together as subjects just before `i` (pronouns.subjects_together) in a sentence
        that tells of a meeting or talks (`Горбачев и Буш встретились на Мальте`); else the two people, and
        no one else, of the sentence right before, when it has one ask or receive the other (`Лукашенко
        пригласил Путина на рыбалку. Там лидеры обсудили ...`); else none."""
        people = pronouns.subjects_together(self.doc, self.people, i, self.avoid)
        if not people:
            pair = pronouns.the_pair(self.doc, self.people, i, self.avoid, scope=1)
            sent = self.doc.tokens[i].sent
            if pair and sent and any(w.lemma in SUMMONING_VERBS | HOSTING_VERBS for w in self.doc.sentence_tokens(sent - 1)):
                return pair
        sents = {p.sent for p in self.people if p.entity in people and p.subject and p.start < self.doc.tokens[i].start}
        if not sents:
            return []
        words = self.doc.sentence_tokens(max(sents))
        return people if any(f.type in ("MEET", "NEGOTIATE") for w in words for f in frames_of(w.lemma)) else []

    def spelt_out_after_dash(self, i: int) -> list[Entity]:
        """The people named after a dash right after the counted noun `i`, up to the next verb or clause."""
        s = self.doc.sentence_of(i)
        if i + 1 >= s.last or self.doc.tokens[i + 1].text not in ("—", "–"):
            return []
        out: list[Entity] = []
        for k in range(i + 2, s.last):
            tk = self.doc.tokens[k]
            if tk.pos in ("VERB", "AUX") or tk.text in ("—", "–", ";", ":"):
                break
            e = self.entity_at(k)
            if e is not None and e.type == "PER" and e not in out:
                out.append(e)
        return out

    def named_in_list(self, i: int) -> list[Entity]:
        """The people a plural title at `i` is spelt out as, in its case, before the clause goes on (`главы трех
        государств — участников союза, Лукашенко, Назарбаев и президент России Дмитрий Медведев, —
        встретятся`): the names between the title and its head, wherever the parser hung them."""
        t = self.doc.tokens[i]
        case = t.feats.get("Case")
        stop = t.head if t.head > i else self.doc.sentence_of(i).last
        out: list[Entity] = []
        taken: list[int] = []
        for k in range(i + 1, min(stop, i + 30)):
            tk = self.doc.tokens[k]
            if tk.pos in ("VERB", "AUX") or tk.rel in ("acl:relcl", "ccomp", "advcl"):
                break
            e = self.entity_at(k)
            # in the title's case, or a conjunct of a name taken (`Януковичем и Тимошенко`: an indeclinable
            # name's case is the tagger's guess)
            if e is not None and e.type == "PER" and e not in out and (
                    tk.feats.get("Case") == case or tk.rel == "conj" and tk.head in taken):
                out.append(e)
            if e is not None and e in out:
                taken.append(k)
        return out

    def subjects_above(self, i: int) -> set[str]:
        """The entities that are subjects of the words above token `i`, up to the first clause with a subject
        of its own: a clause without one speaks of the subject above (`Обама заявлял, что не уверен во встрече
        с ним`: not Обама), one with its own lets a pronoun mean that subject (`Митчелл прилетел в Дамаск, где
        его принял Асад`: Митчелл)."""
        out: set[str] = set()
        k = self.doc.tokens[i].head
        for _ in range(6):
            if k < 0:
                break
            subjects = [s for s in self.children(k, "nsubj", "nsubj:pass") if s != i]
            for s in subjects:
                e = self.entity_at(s)
                if e is not None:
                    out.add(e.id)
            if subjects and self.doc.tokens[k].pos in ("VERB", "AUX", "ADJ"):
                break
            if self.doc.tokens[k].rel in ("conj", "parataxis"):  # a clause beside, not above
                break
            k = self.doc.tokens[k].head
        return out

    def complements(self, i: int) -> list[str]:
        """The genitive names after a title, as written: `президентов России и США` → ['России', 'США']."""
        def named(j: int) -> bool:
            return self.entity_at(j) is not None or self.doc.tokens[j].text[:1].isupper()
        for k in self.children(i, "nmod"):
            if self.doc.tokens[k].feats.get("Case") == "Gen" and named(k):
                return [self.doc.tokens[j].text for j in self.conjuncts(k) if named(j)]
        return []

    def apposition(self, i: int) -> Entity | None:
        """A name in apposition to `i` (`лидером Владимиром Зеленским`, `председатель партии, миллиардер
        Бидзина Иванишвили`), or one agreeing with it in case that the parser hung on its genitive
        (`с матерью девушки Яффой Иссахар`) or on it as a dependent (`лидер меньшинства в палате Нэнси Пелоси`)."""
        k = self.apposition_token(i)
        return self.entity_at(k) if k is not None else None

    def apposition_token(self, i: int) -> int | None:
        """The token of the name `apposition` finds."""
        case = self.doc.tokens[i].feats.get("Case")
        layer = [i]
        for depth in range(2):
            found = [k for h in layer for k in self.children(h, "appos", "flat:name", "flat")]
            found += [k for h in layer for k in self.children(h, "parataxis")  # `с соперником — с белорусом X`
                      if case and self.doc.tokens[k].feats.get("Case") == case and self.preposition(k) == self.preposition(h)]
            if depth == 0:
                found += [k for g in self.children(i, "nmod") for k in self.children(g, "appos")
                          if case and (self.doc.tokens[k].feats.get("Case") == case != "Gen"
                                       or case == "Ins" and self.instrumental_name(k))]
                found += self.holder_read_as_genitive(i)
                found += self.name_hung_before(i)
                found += [k for k in self.children(i, "nmod")  # `лидер меньшинства в палате Нэнси Пелоси`
                          if case in ("Nom", "Ins", "Dat") and self.doc.tokens[k].pos == "PROPN"
                          and (self.doc.tokens[k].feats.get("Case") == case or self.undeclined_after_place(i, k))
                          and self.preposition(k) is None]
            for k in found:
                e = self.entity_at(k)
                if e is not None and (e.type == "PER" or self.doc.tokens[k].feats.get("Case") in (case, None)):
                    return k  # a place in another case is no apposition (`обсудил с президентом Сирию`)
            layer = found
        return None

    def undeclined_after_place(self, i: int, k: int) -> bool:
        """Whether the name at `k`, below title `i`, follows a phrase with a preposition below the title and
        declines in none of its words, so that its case is the tagger's guess (`лидером демократов в палате
        Нэнси Пелоси`, `Нэнси` read as a genitive, `Пелоси` as a nominative): it is the title's holder, not
        someone the title is of. A word the dictionary does not know as such a name must be read as a nominative."""
        words = [k, *self.children(k, "flat:name", "flat")]
        place = [g for g in self.children(i, "nmod", "obl") if g < k and self.preposition(g) is not None]
        return bool(place) and all(undeclined_name(self.doc.tokens[w].text)
                                   or self.doc.tokens[w].feats.get("Case") == "Nom" for w in words)

    def name_hung_before(self, i: int) -> list[int]:
        """The name right after title `i` and the words below it, in the title's case, that the parser hung on a
        word before the title (`собрал в кабинете бывшего министра топлива и энергетики Юрия Бойко`, the name
        read as an apposition of the subject)."""
        s = self.doc.sentence_of(i)
        k = i + 1
        while k < s.last and self.doc.below(k, i):
            k += 1
        if k >= s.last or self.doc.tokens[k].pos != "PROPN" or not 0 <= self.doc.tokens[k].head < i:
            return []
        cases = {self.doc.tokens[i].feats.get("Case"), self.doc.tokens[k].feats.get("Case")}
        if len(cases) > 1 and cases != {"Acc", "Gen"}:  # an animate accusative is the genitive's form
            return []
        e = self.entity_at(k)
        return [k] if e is not None and e.type == "PER" else []

    def holder_read_as_genitive(self, i: int) -> list[int]:
        """The name right after a head-of title in the accusative or genitive, which the parser read as the
        title's genitive (`принял губернатора Тулеева`): a governor or a president of a person there is none,
        so the name is the title's holder (unlike `адвоката Ходорковского`, `сына Тулеева`)."""
        t = self.doc.tokens[i]
        if t.lemma not in roles.head_titles() or t.feats.get("Case") not in ("Acc", "Gen"):
            return []
        return [g for g in self.children(i, "nmod") if g == i + 1 and self.doc.tokens[g].pos == "PROPN"
                and self.doc.tokens[g].feats.get("Case") in ("Gen", "Acc")
                and (e := self.entity_at(g)) is not None and e.type == "PER"]

    def instrumental_name(self, k: int) -> bool:
        """A first name and a surname that the tagger read as a genitive though the first name ends as an
        instrumental (`с женой политика Грасой Машел`; not `с матерью певицы Аллы Пугачевой`)."""
        t = self.doc.tokens[k]
        return t.pos == "PROPN" and t.text.lower().endswith(("ой", "ей", "ом", "ем")) \
            and bool(self.children(k, "flat:name", "flat"))

    def titled_name(self, i: int) -> Entity | None:
        """The person whose mention begins in the genitive after title `i` and ends in a name in `i`'s case
        (`зам председателя правительства Ольга Хасбулатова`, where the mention leaves out `зам`); not the
        person of a genitive (`дочерью Путина`)."""
        t = self.doc.tokens[i]
        case = t.feats.get("Case")
        if t.pos != "NOUN" or not case or case == "Gen":
            return None
        for g in self.children(i, "nmod"):
            e = self.entity_at(g)
            if e is None or e.type != "PER" or self.doc.tokens[g].feats.get("Case") != "Gen":
                continue
            spans = {r.start: r.stop for r in (self.doc.tokens_in(m.start, m.stop) for m in e.mentions) if r}
            stop = next((b for a, b in spans.items() if a <= g < b), None)
            if stop not in spans:  # a role mention and a name mention side by side, not a name alone
                continue           # (`сын Кэтрин Джексон`)
            while stop in spans:
                stop = spans[stop]
            last = self.doc.tokens[stop - 1]
            if last is not None and last.pos == "PROPN" and last.feats.get("Case") == case:
                return e
        return None

    def object_under_place(self, i: int) -> int | None:
        """The person verb `i` takes as its object when the parser hung them on the place before them
        (`принял в резиденции на улице Гренель премьер-министра Франции Фийона`, read as the prime minister's
        residence; `принял в Ново-Огарёво Дадли`, the name glued to the place's): a noun without a preposition,
        in the accusative or genitive (any case when glued), naming a person, below an oblique of place and after
        it; None when the verb has an object of its own."""
        if self.children(i, "obj"):
            return None
        for o in self.children(i, "obl"):
            if self.preposition(o) not in ("в", "на"):
                continue
            layer = [o]
            for _ in range(3):
                layer = [g for h in layer for rel in PLACE_HOLDS for g in self.children(h, rel)]
                for g in layer:
                    t = self.doc.tokens[g]
                    if g > o and not self.children(g, "case") and (t.feats.get("Case") in ("Gen", "Acc") or t.rel == "flat:name") \
                            and (t.lemma in self.titles or (e := self.entity_at(g)) is not None and e.type == "PER"):
                        return g
        return None

    def partner_after(self, i: int) -> list[Entity]:
        """`встретился там с Марком Стааке` when the parser hung `с Марком` elsewhere: a `с` right after
        the trigger (a word or two between at most, or an insertion such as `в том числе`) and the name it
        introduces, within PARTNER_WORDS after it (a title may come first)."""
        tokens = self.doc.tokens
        s = self.doc.sentence_of(i)
        k = i + 1
        while k < s.last and k <= i + 3 and tokens[k].pos in ("ADV", "PART", "ADJ", "NOUN") \
                and tokens[k].lemma != "с":
            k += 1
        for words in INSERTIONS:  # `встречался в том числе и с губернатором`
            if [t.lemma for t in tokens[k:k + len(words)]] == list(words):
                k += len(words)
                k += k < s.last and tokens[k].lemma == "и"
        if k >= s.last - 1 or tokens[k].lemma != "с" or tokens[k].pos != "ADP":
            return []
        for j in range(k + 1, min(k + 1 + PARTNER_WORDS, s.last)):
            e = self.entity_at(j)
            if e is not None and tokens[j].feats.get("Case") == "Ins":
                return [e]
            if tokens[j].pos in ("PUNCT", "VERB", "ADP"):
                break
        return []

    def antecedent(self, i: int) -> list[Entity]:
        """`X и Y, которые встречаются`: the nouns the relative clause of `i` belongs to; where the parser left
        the clause unattached, the person named right before its comma, if `который` agrees with the name
        (`Крис Хьюн, который обсуждал с Сечиным`)."""
        k = i
        for _ in range(4):
            t = self.doc.tokens[k]
            if t.head < 0:
                break
            if t.rel == "acl:relcl":
                return self.entities(t.head) or self.predicated_of(t.head)
            k = t.head
        return self.named_before_comma(i)

    def predicated_of(self, k: int) -> list[Entity]:
        """The subject of the copula whose predicate noun `k` is, or hangs on (`Первым из лидеров, с кем Путин
        провел встречу, стал Си Цзиньпин`: the leader is Си)."""
        for _ in range(2):
            t = self.doc.tokens[k]
            if t.head < 0:
                return []
            if t.rel in ("xcomp", "obl") and self.doc.tokens[t.head].lemma in COPULAS \
                    and t.feats.get("Case") == "Ins":
                return self.entities_of_subject(t.head)
            if t.rel != "nmod":
                return []
            k = t.head
        return []

    def named_before_comma(self, i: int) -> list[Entity]:
        """The person named right before the comma before `который` at `i`, if the two agree."""
        doc = self.doc
        which = doc.tokens[i]
        if i < 2 or doc.tokens[i - 1].text != "," or which.feats.get("Case") != "Nom":
            return []
        e = self.entity_at(i - 2)
        if e is None or e.type != "PER":
            return []
        name = doc.tokens[i - 2]
        if which.feats.get("Number", "Sing") != "Sing" or name.feats.get("Gender") not in (which.feats.get("Gender"), None):
            return []
        return [e]

    def speaker_at(self, offset: int, direct: bool = False) -> Entity | None:
        """The speaker of the quote holding `offset` (only of a direct quote, if `direct`), if any."""
        for start, stop, entity_id, is_direct in self.speakers:
            if start <= offset < stop and (is_direct or not direct):
                return self.by_id.get(entity_id)
        return None


def moves_on(doc: Doc, s: int) -> bool:
    """Whether sentence `s` opens with a word that moves to another time or scene (`Позднее`, `Тем временем`:
    lexicon/event_narrative_breaks.txt)."""
    return opens_with(doc, s, narrative_breaks())


def opens_with(doc: Doc, s: int, openings: Iterable[tuple[str, ...]]) -> bool:
    """Whether the words of sentence `s` (lower case, punctuation left out) start with one of `openings`."""
    words = tuple(t.text.lower() for t in doc.sentence_tokens(s) if t.pos != "PUNCT")
    return any(words[:len(b)] == b for b in openings)


def is_dateline(doc: Doc, start: int, stop: int) -> bool:
    """`ВАШИНГТОН — Премьер-министр Израиля ...`: a place in capitals opening a paragraph says where the report
    was filed; it takes no part in what the sentence tells."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    return doc.text[start:stop].isupper() and not doc.text[line_start:start].strip() \
        and doc.text[stop:stop + 3].lstrip()[:1] in ("—", "–", "-", ",")


def mention_index(doc: Doc) -> dict[int, tuple[int, Entity]]:
    """token → (length, entity) of the shortest mention covering it. A pronoun inside a sentence is left to
    `pronouns.resolve`, which knows who else the event names (`Вечером он встретился с Мишустиным`: not
    Мишустин); one opening a sentence keeps the entities stage's reading."""
    out: dict[int, tuple[int, Entity]] = {}
    for e in doc.entities:
        for m in e.mentions:
            span = doc.tokens_in(m.start, m.stop)
            if m.kind == "pronoun" and span and span.start != doc.sentences[doc.tokens[span.start].sent].first:
                continue
            if e.type == "LOC" and is_dateline(doc, m.start, m.stop):
                continue
            for i in span:
                if i not in out or len(span) < out[i][0]:
                    out[i] = (len(span), e)
    return out


def one_case(a: str | None, b: str | None) -> bool:
    """Whether two names in a list may be in one case: the same, or the accusative and the genitive, which a
    man's name shares and the tagger tells apart by guess (`пригласил Олега Орлова и Светлану Ганнушкину`,
    `Олега` tagged a genitive)."""
    return a == b or {a, b} == {"Gen", "Acc"}
