"""People who join a meeting in a sentence that names it only by a pronoun: `Медведев провел переговоры с
Лукашенко. Со стороны Белоруссии в них участвовали Азаров и Грищенко`, `В нем приняли участие Сечин и
Миллер`, `Позже к ним присоединился Назарбаев`.

A noun may stand in for the pronoun (`В заседании также приняли участие X и Y`, `В расширенной части
участвовали X и Y`: STAND_INS and the part nouns), and so may `там`, its place (`на совещании у Шувалова. Там
были Кудрин, Костин и Собянин`).

Such a sentence holds no event trigger, so the stage would not parse it: it is parsed only when it holds a
verb of presence (PRESENT_VERBS, or `принять участие`) and a third-person pronoun, within MEETING_DISTANCE
sentences after a MEET or NEGOTIATE event, or in the event's own sentence after its trigger (`Встреча
продолжалась час, в ней участвовал Лавров`). The subject of that verb, unless the verb is negated (`В нем не
участвовал Громов`), joins the nearest such event, with anyone the verb's `помимо` names (`в них, помимо
Дадли, участвовал Гроут`), when

- the pronoun hangs on the verb (`в них`, `на ней`, `к ним`), in the locative or the dative, and agrees with
  the meeting's noun or the part it is of (`Основной раунд переговоров прошел в Ростове. В нем участвовали X
  и Y`), or
- the pronoun is an instrumental for the people met (`С ними был Стэн Половец`), or
- the verb is one of joining and its `к` names the people of the meeting, by a plural pronoun or a plural noun
  of people, or by name, whatever the meeting's noun (`Беседа шла час; затем к ним присоединился Козлов`,
  `Позднее к президентам присоединились министры X и Y`, `на второй день к Лаврову и Керри присоединился
  Брахими`, those named joining too).

So does the subject of a sentence that makes someone its host or guest (`Хозяином выступил X`, `Гостем стал
Y`), or seats them at the table, in the hall or in the office (`За столом собрались X и Y`, `В зале сидели X и
Y`, `В кабинете оставался X`, `За столом их ждали X и Y`), or makes them the head of a delegation
(`Иранскую делегацию возглавлял X`), or its chair by a pronoun (`Вел его Осипов`).
"""

from __future__ import annotations

import itertools

from letopis.analysis.document import Doc, Token
from letopis.analysis.events.arguments import COLLECTIVE, COPULAS, GUESTS, HOSTS, Arguments
from letopis.analysis.events.candidates import PARTICIPATION_NOUN, PRESENT_VERBS, TALKS, besides, same_form
from letopis.analysis.events.frames import part_nouns
from letopis.analysis.events.modality import negated
from letopis.analysis.events.pronouns import person_mentions
from letopis.model import Event

MEETING_DISTANCE = 2  # sentences
BE = "быть"  # `на мероприятии был также X`: presence, with a word that stands for the meeting
PRESENCE_WORDS = frozenset({*PRESENT_VERBS, BE})
HOST_WORDS = frozenset(HOSTS + GUESTS + ("председатель", "сопредседатель", "модератор"))  # `Сопредседателями выступили X и Y`
MEETING_GENITIVES = frozenset({"встреча", "переговоры", "беседа", "ужин", "обед", "завтрак", "прием", "приём"})
PRONOUNS = ("он", "она", "они", "оно")
JOIN_VERBS = frozenset({"присоединиться", "присоединяться", "подключиться", "подключаться"})
# who sat at the table or in the hall of the meeting just told of: `За столом сидели X и Y`, `В зале собрались X и Y`
SEATED = frozenset({"сидеть", "просидеть", "собраться", "рассесться", "разместиться", "оказаться", "оставаться",
                    "остаться", "ждать"})  # `За столом их ждали X и Y`
SEATS = {"стол": "за", "зал": "в", "кабинет": "в"}  # the seat and its preposition
CHAIR_VERBS = frozenset({"вести", "открыть", "открывать", "закрыть", "закрывать"})  # `Вел его X`: the meeting's chair
LEAD_VERBS = frozenset({"возглавлять", "возглавить"})  # `Российскую делегацию возглавлял X`: a side at the talks
DELEGATION = "делегация"
PRESENT_TOO, TOO = "присутствовать", frozenset({"также", "тоже"})  # `Присутствовали также X и Y`, the sentence after
THERE = "там"  # `на совещании у Шувалова. Там были Кудрин и Костин`: where the meeting was
STAND_INS = ("заседание", "мероприятие", "обсуждение", "состав", "формат")  # nouns that stand for a meeting
# named before, not triggers themselves (a trigger noun, `в совещании участвовали`, is an event of its own,
# merged by coreference), with the parts of one (`В расширенной части участвовали X и Y`: lexicon/event_part_nouns.txt)


def candidate_sentences(doc: Doc, events: list[Event],
                        mentions: dict[int, list[int]] | None = None) -> dict[int, tuple[Event, int]]:
    """sentence index → (the meeting event it may add people to, the token of the mention it follows). Every
    mention of an event counts (`mentions`: id(event) → trigger tokens, from coreference.merge_mentions)."""
    meetings = []
    for e in events:
        i = doc.token_at(e.trigger.start)
        if e.type in TALKS and i is not None:
            for k in (mentions or {}).get(id(e), [i]):
                meetings.append((k, e))
    out: dict[int, tuple[Event, int]] = {}
    for k, e in sorted(meetings, key=lambda m: m[0]):
        for s in presence_sentences(doc, doc.tokens[k].sent):
            out[s] = (e, k)  # a later meeting takes over: the nearest one before wins
    return out


def presence_sentences(doc: Doc, sent: int) -> list[int]:
    """The sentences within MEETING_DISTANCE after sentence `sent` that hold a verb of presence and a word that
    may stand for a meeting named before."""
    out = []
    for s in range(sent, min(sent + 1 + MEETING_DISTANCE, len(doc.sentences))):
        tokens = doc.sentence_tokens(s)
        lemmas = {t.lemma for t in tokens}
        if (lemmas & PRESENCE_WORDS or PARTICIPATION_NOUN in lemmas) and any(stands_for_meeting(t) for t in tokens) \
                or s == sent + 1 and PRESENT_TOO in lemmas and lemmas & TOO \
                or lemmas & JOIN_VERBS and any(for_its_people(t, u) for t, u in itertools.pairwise(tokens)) \
                or lemmas & HOST_WORDS and lemmas & COPULAS or lemmas & (SEATED | {BE}) and lemmas & SEATS.keys() \
                or lemmas & LEAD_VERBS and DELEGATION in lemmas \
                or lemmas & CHAIR_VERBS and any(t.pos == "PRON" and t.lemma in PRONOUNS and t.feats.get("Case") == "Acc"
                                                for t in tokens):
            out.append(s)
    return out


def join_present(doc: Doc, events: list[Event], mentions: dict[int, list[int]] | None = None) -> None:
    todo = candidate_sentences(doc, events, mentions)
    if not todo:
        return
    doc.parse(sorted(todo))
    args = Arguments(doc, sorted(todo))
    for s, (event, trigger) in todo.items():
        sentence = doc.sentences[s]
        first = sentence.first if doc.tokens[trigger].sent != s else trigger + 1
        for i in range(first, sentence.last):  # in the meeting's own sentence, after it: `встреча ..., в ней участвовал X`
            verb = host_or_guest(args, i) or (i if seated_at(doc, i) or leads_delegation(args, i)
                                              or chaired(args, i, doc.tokens[trigger]) else None)
            if verb is None:
                verb = presence_verb(args, i)
                if verb is None:
                    continue
                if not any(stands_for_meeting(doc.tokens[k]) and agrees(doc, k, doc.tokens[trigger])
                           for k in [verb, *args.children(verb), *args.children(i), *doc.clause_before(verb)]) \
                        and not (s == doc.tokens[trigger].sent + 1 and present_too(args, verb)) \
                        and not (doc.tokens[verb].lemma in JOIN_VERBS and any(  # `к ним`, `к президентам присоединились X и Y`
                            for_its_people(doc.tokens[k - 1], doc.tokens[k]) for k in args.children(verb) if k > 0)):
                    # `Впервые на подобном мероприятии обещал быть X, а Y отказался`: `на мероприятии` hung on
                    # the second verb, and yet in the first one's clause
                    continue
                if negated(args, verb):  # `В нем не участвовал Громов`
                    continue
            joined = [e.id for e in args.entities_of_subject(verb) if e.type == "PER"] + besides(args, verb)
            if doc.tokens[verb].lemma in JOIN_VERBS:  # `к Лаврову и Керри присоединился X`: those joined were there too
                joined += [e.id for k in args.children(verb, "obl") if args.preposition(k) == "к"
                           for e in args.entities(k) if e.type == "PER"]
            for e in joined:  # `со стороны BP в них, помимо Дадли, участвовал Гроут`: both were there
                if e not in event.actors and e not in event.targets:
                    event.actors.append(e)


def named_after_count(doc: Doc, events: list[Event], mentions: dict[int, list[int]] | None = None) -> None:
    """A meeting told with a count of people (`В кабинете Иванова собрались трое.`) whose next sentence opens
    on as many people in the nominative, before its verb (`Иванов, ..., Сурков и Володин говорили около
    часа`): they are the ones counted."""
    people = None
    for e in events:
        i = doc.token_at(e.trigger.start)
        if e.type not in TALKS or i is None:
            continue
        for k in (mentions or {}).get(id(e), [i]):
            s = doc.tokens[k].sent
            count = next((COLLECTIVE[t.lemma] for t in doc.sentence_tokens(s) if t.lemma in COLLECTIVE), 0)
            if not count or s + 1 >= len(doc.sentences):
                continue
            after = doc.sentences[s + 1]
            verb = next((j for j in range(after.first, after.last) if doc.tokens[j].pos == "VERB"
                         and doc.tokens[j].feats.get("VerbForm") == "Fin"), None)
            if verb is None:
                continue
            people = person_mentions(doc) if people is None else people
            named = {p.entity.id for p in people if p.sent == s + 1 and p.subject and p.start < doc.tokens[verb].start}
            if len(named) == count:
                e.actors.extend(x for x in sorted(named) if x not in e.actors and x not in e.targets)


def present_too(args: Arguments, verb: int) -> bool:
    """`Присутствовали также X и Y` opening the sentence right after a meeting: `присутствовать` with `также` or
    `тоже` and no place of its own, those present at the meeting just told of."""
    tokens = args.doc.tokens
    return tokens[verb].lemma == PRESENT_TOO and any(tokens[k].lemma in TOO for k in args.children(verb)) \
        and not any(args.preposition(k) for k in args.children(verb, "obl"))


def stands_for_meeting(t: Token) -> bool:
    """`в них`, `на ней`, `к ним`, `в заседании`, `в последнем`: a third-person pronoun, a stand-in noun or
    `последний` standing for one, in the locative or the dative; or `с ними`, `с ним`: a pronoun for the people
    met, whom someone was with; or `там`, where it was."""
    if accompanied(t) or t.lemma == THERE:
        return True
    return t.feats.get("Case") in ("Loc", "Dat") and (
        t.pos == "PRON" and t.lemma in PRONOUNS or t.pos == "NOUN" and (t.lemma in STAND_INS or t.lemma in part_nouns())
        or t.pos == "ADJ" and t.lemma == "последний")  # `в расширенном составе; в последнем участвовал X`


def for_its_people(before: Token, t: Token) -> bool:
    """`к ним`, `к президентам`, `к лидерам`, `к Лаврову и Керри`: `к` and a plural pronoun, a plural noun of
    people or a name, for the people of the meeting just told of, whom someone joins (JOIN_VERBS)."""
    return before.lemma == "к" and t.feats.get("Case") == "Dat" and (t.pos == "PROPN" or t.feats.get("Number") == "Plur" and (
        t.pos == "PRON" and t.lemma in PRONOUNS or t.pos == "NOUN" and t.feats.get("Animacy") == "Anim"))


def accompanied(t: Token) -> bool:
    """`С ними был Половец`: a third-person pronoun in the instrumental, for the people of the meeting."""
    return t.pos == "PRON" and t.lemma in PRONOUNS and t.feats.get("Case") == "Ins"


def agrees(doc: Doc, k: int, noun: Token) -> bool:
    """Whether pronoun `k` can stand for the meeting named by `noun`: `в них` for `переговоры`, `в ней` for
    `встреча`, `в нем` for `совещание` or `разговор`, or for the part the noun is of (`раунд переговоров`); a
    verb (`встретились`) leaves the noun unsaid, so any pronoun may."""
    if noun.pos not in ("NOUN", "PROPN"):
        return True
    pron = doc.tokens[k]
    if pron.pos in ("NOUN", "ADJ") or accompanied(pron) or pron.lemma == THERE:  # a stand-in names a part or the
        return True  # meeting itself, not its noun; `с ними` its people; `там` its place
    part = doc.tokens[noun.head] if noun.head >= 0 and noun.rel == "nmod" else None
    return same_form(pron, noun) or part is not None and part.lemma in part_nouns() and same_form(pron, part)


def host_or_guest(args: Arguments, i: int) -> int | None:
    """The verb that makes its subject the host, the guest or a chair of the meeting just told of: `Хозяином
    выступил Рустам Минниханов`, `Гостем из Москвы стал министр Максим Соколов`, `Сопредседателями выступили
    X и Y`; not the host or guest of something else (`хозяином положения`, `гостем программы`, `председателем
    комитета`), which the noun's genitive would name."""
    t = args.doc.tokens[i]
    if t.lemma not in HOST_WORDS or t.feats.get("Case") != "Ins" or t.head < 0:
        return None
    if args.doc.tokens[t.head].lemma not in COPULAS:
        return None
    if any(args.doc.tokens[k].feats.get("Case") == "Gen" and args.preposition(k) is None
           and args.doc.tokens[k].lemma not in MEETING_GENITIVES for k in args.children(i, "nmod")):
        return None
    return t.head


def seated_at(doc: Doc, i: int) -> bool:
    """Whether the verb at `i` seats its subject at the table or in the hall (`За столом собрались X и Y`), or
    the seat at `i` is the predicate of `быть` (`За столом была и Ракова`)."""
    t = doc.tokens[i]
    if t.lemma in SEATS:
        kids = [doc.tokens[k] for k in doc.children(i)]
        return any(k.rel == "cop" and k.lemma == BE for k in kids) and \
            any(k.rel == "case" and k.lemma == SEATS[t.lemma] for k in kids)
    if t.lemma not in SEATED or t.pos != "VERB":
        return False
    for k in doc.children(i):
        if doc.tokens[k].rel == "obl" and doc.tokens[k].lemma in SEATS and any(
                doc.tokens[c].rel == "case" and doc.tokens[c].lemma == SEATS[doc.tokens[k].lemma] for c in doc.children(k)):
            return True
    return False


def chaired(args: Arguments, i: int, noun: Token) -> bool:
    """Whether the verb at `i` makes its subject the chair of the meeting just told of, by a pronoun that agrees
    with its noun (`обсуждали на заседании президиума. Вел его Осипов`, `Открыл ее губернатор`)."""
    t = args.doc.tokens[i]
    # its object, or the word right after it (`Вел его президент академии`: `его` read as a possessive)
    objects = args.children(i, "obj") + ([i + 1] if i + 1 < len(args.doc.tokens) else [])
    return t.lemma in CHAIR_VERBS and t.pos == "VERB" and any(
        args.doc.tokens[k].pos == "PRON" and args.doc.tokens[k].lemma in PRONOUNS
        and args.doc.tokens[k].feats.get("Case") == "Acc" and agrees(args.doc, k, noun) for k in objects)


def leads_delegation(args: Arguments, i: int) -> bool:
    """Whether the verb at `i` makes its subject the head of a delegation (`Иранскую делегацию возглавлял X`):
    one of the sides of the talks just told of, there."""
    t = args.doc.tokens[i]
    return t.lemma in LEAD_VERBS and t.pos == "VERB" and any(
        args.doc.tokens[k].lemma == DELEGATION for k in args.children(i, "obj"))


def presence_verb(args: Arguments, i: int) -> int | None:
    """The verb of presence at `i`: `участвовали`, `был` (`на нем был X`; the verb over it in `обещал быть`),
    or `приняли` of `приняли участие`."""
    t = args.doc.tokens[i]
    if t.lemma in PRESENT_VERBS and t.pos == "VERB":
        return i
    if t.lemma == BE and t.pos in ("AUX", "VERB"):  # `на мероприятии был X`, `на нем обещал быть X`, and
        return t.head if t.rel in ("xcomp", "cop") and t.head >= 0 else i  # `на нем` the parser's predicate
    if t.lemma == PARTICIPATION_NOUN and t.head >= 0 and args.doc.tokens[t.head].lemma == "принять":
        return t.head
    return None
