"""Third-person pronouns inside an event (`встретился с ним`, `где он провел переговоры`).

The entities stage resolves the pronouns that open a sentence; the others an event needs are resolved
here: to the person of the same gender mentioned last before the pronoun, within SCOPE sentences, and not
one already taking part in the event (`Путин встретился с ним` is not Путин meeting himself). A pronoun that
is a subject goes on with the subject of the sentence before, when that sentence or the one after it holds
the last mention (`Бородин был выбран для встречи с Путиным. ... он снова встречался с президентом`: он is
Бородин, though Путин was named last).
"""

from __future__ import annotations

from dataclasses import dataclass

from letopis.analysis import lexicon
from letopis.analysis.document import Doc, Token
from letopis.analysis.person_names import fold, gender_pair, shown_gender
from letopis.model import Entity

SCOPE = 2  # sentences back
PERSONAL = {"он": "Masc", "она": "Fem"}
PLURAL = ("они", "их")
POSSESSIVE = {"его": "Masc", "ее": "Fem", "её": "Fem"}


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int
    sent: int
    gender: str | None
    entity: Entity
    subject: bool  # in the nominative: the clause's subject, most likely
    relative: bool = False  # inside a relative clause (`Янукович, которого поддерживает Ахметов, ...`: Ахметов)
    stop: int = 0  # where the mention ends


def person_mentions(doc: Doc) -> list[PersonMention]:
    """Every mention of a person, with the gender its last word shows and whether that word is a nominative,
    in text order. A title's last word is its complement's (`вице-премьером Госсовета КНР`), so a title takes
    the gender the person's names show and the case of its own noun."""
    out = []
    for e in doc.entities:
        if e.type != "PER":
            continue
        names = [shown_gender(doc, span) for m in e.mentions if m.kind == "name"
                 for span in [doc.tokens_in(m.start, m.stop)] if span]
        known = [g for g in names if g]
        name_gender = max(sorted(set(known)), key=known.count) if known else None
        for m in e.mentions:
            span = doc.tokens_in(m.start, m.stop)
            if not span:
                continue
            last = doc.tokens[span.stop - 1]
            if m.kind == "role":  # the title's case, not its complement's (`председатель КНР`)
                head = next((doc.tokens[k] for k in span if doc.tokens[k].pos in ("NOUN", "PROPN")), last)
                out.append(PersonMention(m.start, last.sent, name_gender, e, head.feats.get("Case") == "Nom",
                                         doc.in_relative_clause(span.start), m.stop))
            else:
                out.append(PersonMention(m.start, last.sent, shown_gender(doc, span), e, last.feats.get("Case") == "Nom",
                                         doc.in_relative_clause(span.start), m.stop))
    return sorted(out, key=lambda p: p.start)


def fronted_topic(people: list[PersonMention], sent: int) -> PersonMention | None:
    """The mention a sentence opens with, when it is no subject there but was the subject of the sentence
    before: the one the story goes on about, whom a later `он` means (`Лавров прибыл в Тегеран. Его принял
    Роухани. Затем он встретился с Зарифом`: Лавров), or None."""
    first = next((p for p in people if p.sent == sent), None)
    if first is None or first.subject:
        return None
    before = any(p.sent == sent - 1 and p.subject and not p.relative and p.entity is first.entity for p in people)
    return first if before else None


def resolve(doc: Doc, people: list[PersonMention], i: int, avoid: set[str],
            subjects: set[str] = frozenset()) -> Entity | None:
    """The person the pronoun at token `i` stands for, or None. `subjects`: the people that are subjects of
    the clauses above the pronoun, which a personal pronoun other than a subject does not mean (`Обама
    заявлял, что не уверен во встрече с ним`: `ним` is not Обама), and which a subject pronoun does (`Лавров
    сообщил, что с Керри он обсудил Сирию`: `он` is Лавров)."""
    t = doc.tokens[i]
    possessive = t.pos == "DET"  # `его переговоры`: the number is the noun's
    gender = POSSESSIVE.get(t.lemma) if possessive else PERSONAL.get(t.lemma)
    if gender is None or not possessive and t.feats.get("Number") == "Plur":
        return None
    antecedent = doc.relative_antecedent(i)  # not the one `который` stands for (`Кудрин, с которым он встречался`)
    if antecedent is not None:
        at = doc.tokens[antecedent].start
        avoid = avoid | {p.entity.id for p in people if any(m.start <= at < m.stop for m in p.entity.mentions)}
    if t.feats.get("Case") == "Nom" and not possessive:
        above = [p for p in people if p.start < t.start and p.sent == t.sent and p.entity.id in subjects
                 and p.entity.id not in avoid and p.gender in (gender, None)]
        if above:
            return above[-1].entity
    avoid = avoid | subjects
    fits = [p for p in people if p.start < t.start and t.sent - p.sent <= SCOPE
            and p.entity.id not in avoid and p.gender in (gender, None)]
    if not fits:
        return None
    if t.feats.get("Case") == "Nom" and not possessive:  # a subject pronoun goes on with the subject of a sentence before
        earlier = [p for p in fits if p.subject and p.sent < t.sent]
        if earlier and earlier[-1].sent >= fits[-1].sent - 1:
            # the subject of the sentence itself, not of a relative clause in it (`Янукович, которого
            # поддерживает Ахметов, прибыл в Брюссель. Там он встретился с Баррозу`: Янукович)
            main = [p for p in earlier if p.sent == earlier[-1].sent and not p.relative]
            topic = fronted_topic(people, earlier[-1].sent)
            if topic is not None and topic.entity.id not in avoid and topic.gender in (gender, None):
                return topic.entity
            return (main or earlier)[-1].entity
    elif not possessive and fits[-1].sent == t.sent - 1:
        # an object pronoun that opens its sentence's people goes on with the sentence before's subject, its
        # topic (`он пытался дозвониться до Путина ... Зато в Лондоне его навестил Орджоникидзе`: Лужков)
        topic = [p for p in fits if p.subject and p.sent == t.sent - 1 and p.gender == gender]
        if topic:
            return topic[0].entity
    known = [p for p in fits if p.sent == fits[-1].sent and p.gender == gender]
    if known:  # `Лагард провела переговоры с Ван Цишанем. На следующий день ее принял ...`: the one whose gender
        return known[-1].entity  # the text shows, over a foreign name whose gender it does not
    return fits[-1].entity


def resolve_plural(doc: Doc, people: list[PersonMention], i: int, avoid: set[str], depth: int = 2) -> list[Entity]:
    """The people `они`/`их` at token `i` stands for: the two or more people named in the nominative (the
    subjects) earlier in its own sentence, or else in the sentence before (`Алиев и Саргсян прибыли в Сочи, где
    прошла их встреча`, `Путин и Си прибыли в Осаку. Там они встретились с Моди`, `Коль и Геншер прилетели в
    Москву. Горбачев принял их`); or a lone subject there and the one other person of its sentence
    (`Президент отвел в сторону посла. Их разговор ...`), or all the others when a collective adverb counts
    them (`Гордеев познакомил Гельмана с губернатором. Втроем они ужинали`); or, where no person is a subject,
    the two people it names (`С премьером у Чавеса отношения давние. Их первая встреча ...`); before all these,
    the people a word for partners that is a subject before it in its sentence stands for (`Затем посредники
    возвращались в Киев, и их принимал президент`); or those an `они` of the sentence before stands for, when
    it names no one (`назначил Квасьневского и Кокса. Они приезжали в Киев. Первым делом они ехали в Харьков`,
    up to `depth` such steps back); or else, outside a quote, the two people the two sentences name, when they
    name no one else."""
    t = doc.tokens[i]
    s = doc.sentences[t.sent]
    partner_nouns = lexicon.words("event_partner_nouns")
    partners = [k for k in range(s.first, i) if doc.tokens[k].rel == "nsubj" and doc.tokens[k].feats.get("Number") == "Plur"
                and doc.tokens[k].lemma in partner_nouns]
    if partners and depth > 0:  # `посредники возвращались в Киев, и их принимал президент`: the partners,
        k = partners[-1]        # named together before, or as the `они` of the sentences before are
        group = subjects_together(doc, people, k, avoid) or the_pair(doc, people, k, avoid)
        earlier = [j for j in range(doc.sentences[max(0, t.sent - 2)].first, s.first) if they(doc.tokens[j])]
        if len(group) < 2 and earlier:
            group = resolve_plural(doc, people, earlier[-1], avoid, depth - 1)
        if len(group) >= 2:
            return group
    for sent in (t.sent, t.sent - 1):
        near = [p for p in people if p.start < t.start and p.sent == sent and p.entity.id not in avoid]
        if not near and sent == t.sent - 1 and sent >= 0 and depth > 0:
            s = doc.sentences[sent]
            they_at = next((k for k in range(s.first, s.last) if they(doc.tokens[k])), None)
            if they_at is not None:
                return resolve_plural(doc, people, they_at, avoid, depth - 1)
        out: list[Entity] = []
        for p in near:
            if p.subject and p.entity not in out:
                out.append(p.entity)
        if len(out) == 1:
            others = {p.entity.id: p.entity for p in near if p.entity not in out}
            if len(others) == 1 or len(others) + 1 == together_count(doc, t.sent):
                out.extend(others.values())  # `Гордеев познакомил Гельмана с губернатором. Втроем они ужинали`
        if not out:  # `С премьером у Чавеса отношения давние. Их первая встреча ...`: the two it names, if two
            named = {p.entity.id: p.entity for p in near}
            out = list(named.values()) if len(named) == 2 else []
        if len(out) >= 2:
            return out
    # `Путин приехал в библиотеку. Ректор водил гостя по залам, а потом они разговаривали`: the two people the
    # two sentences name, one each; not in a quote, whose `они` are others than its speaker, often unnamed
    return the_pair(doc, people, i, avoid, scope=1) if not in_quotation_marks(doc, t.start) else []


def in_quotation_marks(doc: Doc, offset: int) -> bool:
    """Whether `offset` is inside «...» on its line, a quote the quotes stage found or not."""
    line = doc.text[doc.text.rfind("\n", 0, offset) + 1:offset]
    return line.count("«") > line.count("»") or doc.quote_at(offset) is not None


COLLECTIVE_ADVERBS = {"вдвоем": 2, "вдвоём": 2, "втроем": 3, "втроём": 3, "вчетвером": 4, "впятером": 5}


def together_count(doc: Doc, sent: int) -> int | None:
    """How many people a collective adverb of sentence `sent` says there were (`втроем` → 3), if it has one."""
    s = doc.sentences[sent]
    return next((COLLECTIVE_ADVERBS[doc.tokens[k].text.lower()] for k in range(s.first, s.last)
                 if doc.tokens[k].text.lower() in COLLECTIVE_ADVERBS), None)


def they(t: Token) -> bool:
    """Whether token `t` is `они` as a subject would be: in the nominative."""
    return t.lemma == "они" and t.feats.get("Case") == "Nom"


COMPANION_REACH = 6  # words from `вместе с` to the companion's name: `вместе с министром сельского хозяйства Еленой`


def subject_and_companions(doc: Doc, people: list[PersonMention], i: int, avoid: set[str]) -> list[Entity]:
    """For `они с X`, the one who is `они` besides X: the last person named as a subject before token `i`, in its
    sentence or the one before (`Осипов передавал дела: они с Фортовым обедали вдвоём`), with one joined to them
    by `и` (`Пашинян и Алиев прилетели`) and whoever their sentence says came `вместе с` them (`Путин прилетел в
    область вместе с министром Еленой Скрынник. От аэродрома они ехали с губернатором`: Путин and Скрынник)."""
    t = doc.tokens[i]
    near = [p for p in people if p.start < t.start and t.sent - p.sent <= 1 and p.subject and p.entity.id not in avoid]
    if not near:
        return []
    one = near[-1]
    out = [one.entity]
    for p in people:
        k = doc.token_at(p.start)
        if p.sent != one.sent or p.entity.id in avoid or p.entity in out or k is None:
            continue
        words = [x.text.lower() for x in doc.tokens[max(k - COMPANION_REACH, 0):k] if x.sent == one.sent]
        with_them = any(words[n:n + 2] == ["вместе", "с"] and "," not in words[n:] for n in range(len(words) - 1))
        # `Пашинян и Алиев прилетели в Брюссель. Там они встретились с Мишелем`: both
        joined = p.subject and doc.text[min(p.stop, one.stop):max(p.start, one.start)].strip() == "и"
        if with_them or joined:
            out.append(p.entity)
    return out


def last_named(doc: Doc, people: list[PersonMention], i: int, n: int, avoid: set[str], scope: int = 3) -> list[Entity]:
    """The `n` people named last before token `i`, within `scope` sentences, for a count of people no name
    is tied to (`Отношения Рогозина с Сердюковым испортились. ... Встреча двух чиновников состоялась в
    январе`); none when fewer are named."""
    t = doc.tokens[i]
    out: list[Entity] = []
    for p in reversed(people):
        if p.start >= t.start or p.entity.id in avoid or p.entity in out:
            continue
        if t.sent - p.sent > scope:
            break
        out.append(p.entity)
        if len(out) == n:
            return out[::-1]
    return []


def subjects_together(doc: Doc, people: list[PersonMention], i: int, avoid: set[str], scope: int = 3) -> list[Entity]:
    """The two or more people named together as subjects in the nearest sentence, up to `scope` sentences back,
    that names two or more, for `гости` with no one tied to them (`Вестервелле и Сикорский провели переговоры
    с Лукашенко. ... Утром гости встретились с Мартыновым`)."""
    t = doc.tokens[i]
    by_sentence: dict[int, list[Entity]] = {}
    for p in people:
        if p.start < t.start and 0 < t.sent - p.sent <= scope and p.subject and p.entity.id not in avoid:
            found = by_sentence.setdefault(p.sent, [])
            if p.entity not in found:
                found.append(p.entity)
    for sent in sorted(by_sentence, reverse=True):
        if len(by_sentence[sent]) >= 2:
            return by_sentence[sent]
    return []


def named_near(doc: Doc, people: list[PersonMention], i: int, avoid: set[str], scope: int = 1) -> list[Entity]:
    """The people named before token `i` in its sentence and the `scope` sentences before, each once."""
    t = doc.tokens[i]
    out: list[Entity] = []
    for p in people:
        if p.start < t.start and t.sent - p.sent <= scope and p.entity.id not in avoid and p.entity not in out:
            out.append(p.entity)
    return out


def the_pair(doc: Doc, people: list[PersonMention], i: int, avoid: set[str], scope: int = 3) -> list[Entity]:
    """The two people named within `scope` sentences before token `i`, when no one else is named there
    (`Потанин отнесся к истории болезненно. Весной бывшие партнеры ужинали вдвоем`, Прохоров named the
    sentence before); none otherwise."""
    near = named_near(doc, people, i, avoid, scope)
    return near if len(near) == 2 else []


def subjects_before(doc: Doc, people: list[PersonMention], i: int) -> list[Entity]:
    """The two or more people named in the nominative in the sentence right before token `i`'s, for a
    meeting that names no one (`Саргсян и Медведев прибыли в Сочи. Встреча прошла в Бочаровом Ручье`)."""
    sent = doc.tokens[i].sent
    out: list[Entity] = []
    for p in people:
        if p.sent == sent - 1 and p.subject and p.entity not in out:
            out.append(p.entity)
    return out if len(out) >= 2 else []


def sentences_after_pairs(doc: Doc, people: list[PersonMention]) -> set[int]:
    """The sentences right after one naming two or more people in the nominative."""
    by_sentence: dict[int, set[str]] = {}
    for p in people:
        if p.subject:
            by_sentence.setdefault(p.sent, set()).add(p.entity.id)
    return {s + 1 for s, ids in by_sentence.items() if len(ids) >= 2}


# the close kin who most often share a person's surname, with the gender of the one each names (not all of
# lexicon/kin_nouns.txt, which holds in-laws and friends as well: `тесть`, `друг`)
KIN_GENDERS = {"муж": "Masc", "супруг": "Masc", "сын": "Masc", "отец": "Masc", "брат": "Masc",
               "жена": "Fem", "супруга": "Fem", "дочь": "Fem", "мать": "Fem", "сестра": "Fem"}


def kin_of(doc: Doc, people: list[PersonMention], i: int, avoid: set[str]) -> Entity | None:
    """The person a kin noun with no name at token `i` stands for (`встретилась с мужем`, `свидание с сыном`):
    the one other person of the article who bears the surname of a person its sentence names before it as a
    subject, of the noun's gender where its last name shows one; None unless exactly one fits (`Мать рядового
    Челаха ... после свидания с сыном` names no one whose son he is)."""
    t = doc.tokens[i]
    gender = KIN_GENDERS.get(t.lemma)
    if gender is None or t.feats.get("Number") != "Sing":
        return None
    own = [p for p in people if p.sent == t.sent and p.start < t.start and p.subject]
    own_ids = {p.entity.id for p in own}
    surnames = {fold(p.entity.name.split()[-1]) for p in own if len(p.entity.name.split()) >= 2}
    kin: dict[str, Entity] = {}
    for p in people:
        e = p.entity
        if e.id in own_ids or e.id in avoid or len(e.name.split()) < 2:
            continue
        surname = fold(e.name.split()[-1])  # one family's: `Бут` and `Бут`, `Ходорковская` and `Ходорковский`
        if any(surname == other or gender_pair(surname, other) for other in surnames) and p.gender in (None, gender):
            kin[e.id] = e
    return next(iter(kin.values())) if len(kin) == 1 else None
