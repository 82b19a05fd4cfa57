"""Event candidates: trigger tokens whose frame holds, with their actors, targets and place filled.

A trigger is a token whose lemma has a frame in `lexicon/event_triggers.txt` (a verb, an adjective such
as `готов`, or a noun). Its dependents fill the frame's slots; an event noun carried by a light verb
(`провели переговоры`, `получил помощь`) takes the verb's subject; an event noun in a circumstance of a
clause (`в ходе встречи с X`, `на переговорах`) takes the clause's subject when it has no actor of its own;
a talk noun told by how long it lasted that names no one takes the two people the clause before it brings
together (lasting_talks.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from letopis.analysis import lexicon
from letopis.analysis.document import Doc, Token
from letopis.analysis.events import pronouns
from letopis.analysis.events.arguments import (
    HOMES,
    HOSTING_VERBS,
    PRESENT_VERBS,
    SUMMONING_VERBS,
    TIME_PARTS,
    Arguments,
    undeclined_name,
)
from letopis.analysis.events.frames import (
    Frame,
    context_words,
    frame_of,
    frames_of,
    idioms,
    light_nouns,
    light_verbs,
    occasions,
    part_nouns,
    place_nouns,
)
from letopis.analysis.events.lasting_talks import lasting_talk_people
from letopis.analysis.events.modality import negated
from letopis.analysis.events.protagonist import finite_third_person, short_passive
from letopis.analysis.person_names import oblique_only
from letopis.model import Entity

TRIGGER_POS = ("VERB", "ADJ", "NOUN", "PROPN")
NESTED_RELS = ("obj", "obl", "nmod", "xcomp", "ccomp", "iobj", "acl")
PLACE_PREPOSITIONS = ("в", "во", "на")
TALKS = ("MEET", "NEGOTIATE")
PARTICIPATION_NOUN = "участие"  # `приняли участие в нем`
SPEAKING_VERBS = frozenset({"выступить", "выступать", "доложить", "докладывать", "отчитаться", "отчитываться"})
SAID_AT = SPEAKING_VERBS | {"заявить", "сказать", "сообщить", "отметить", "подчеркнуть", "предложить", "рассказать",
                            "обсуждать", "обсудить", "спорить", "поспорить"}
# `совещание, на котором Миллер доложил`: who speaks at a meeting is there
SESSION_NOUNS = frozenset({"заседание", "совещание", "саммит", "съезд", "коллегия", "президиум", "совет", "форум"})
# a gathering told of over many sentences, named again and again (`провел заседание ... Открывая заседание, ...`)
ARRIVAL_VERBS = ("приехать", "прийти", "прибыть", "прилететь", "явиться", "собраться", "съехаться",  # to a meeting
                 "пригласить")  # `Приглашенный на заседание Чубайс`
RECIPROCAL = "друг"  # `друг с другом`
GAME_WORDS = ("встреча", "встретиться", "встречаться")  # meeting words that also name a game or a bout


@dataclass(slots=True)
class Candidate:
    token: int
    frame: Frame
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    offered: bool = False  # a meeting or talks under a proposal (`готов принять его`): proposed, whatever its clause

    @property
    def type(self) -> str:
        return self.frame.type

    def add(self, slot: str, entity_ids: list[str]) -> None:
        for e in entity_ids:
            if e in self.actors or e in self.targets:
                continue
            (self.actors if slot == "actor" else self.targets).append(e)


def trigger_tokens(doc: Doc) -> list[int]:
    """Tokens whose lemma has a frame, except inside an idiom (`с помощью`, `призыв в армию`) and a game
    called a meeting (`встреча между Яном и Стерлингом` in a sentence about a bout: lexicon
    `event_sport_words`)."""
    return [i for i, t in enumerate(doc.tokens)
            if t.pos in TRIGGER_POS and frame_of(t.lemma) is not None and not in_idiom(doc, i)
            and not (t.lemma in GAME_WORDS and sport_sentence(doc, t.sent))]


def sport_sentence(doc: Doc, sent: int) -> bool:
    sport = lexicon.words("event_sport_words")
    return any(t.lemma in sport or t.text.lower() in sport for t in doc.sentence_tokens(sent))


def in_idiom(doc: Doc, i: int) -> bool:
    lemma = doc.tokens[i].lemma
    for idiom in idioms():
        for p, word in enumerate(idiom):
            if word == lemma and 0 <= i - p and i - p + len(idiom) <= len(doc.tokens) and \
                    all(doc.tokens[i - p + k].lemma == w for k, w in enumerate(idiom)):
                return True
    return False


def worth_parsing(doc: Doc, triggers: list[int]) -> list[int]:
    """The triggers whose frames may hold, judged without a parse from the words of their sentence:
    `принял` needs a person named there, `отправил` the word `отставка`, `готов` an infinitive."""
    by_sentence: dict[int, list[int]] = {}
    for i in triggers:
        by_sentence.setdefault(doc.tokens[i].sent, []).append(i)
    types = entity_types_by_sentence(doc)
    out = []
    for sent, found in by_sentence.items():
        tokens = doc.sentence_tokens(sent)
        words = {t.lemma for t in tokens} | {t.text.lower() for t in tokens}
        infinitive = any(t.feats.get("VerbForm") == "Inf" for t in tokens)
        dative = any(t.feats.get("Case") == "Dat" or t.pos == "PROPN" and (oblique_only(t.text) == "Dat" or undeclined_name(t.text))
                     for t in tokens)  # `позвонил Лукашенко`: a name that does not decline, tagged as a nominative
        for i in found:
            if any(all(any(may_hold(key, condition, len(found) > 1, words, types.get(sent, set()), infinitive, dative)
                           for key, condition in need.alternatives) for need in frame.needs)
                   for frame in frames_of(doc.tokens[i].lemma)):
                out.append(i)
    return sorted(out)


TOGETHER_ADVERBS = frozenset({"вместе", *pronouns.COLLECTIVE_ADVERBS})  # `летели вместе`, `вдвоём`: side by side


def may_hold(key: str, condition: str, other_trigger: bool, words: set[str], types: set[str],
             infinitive: bool, dative: bool) -> bool:
    if key == "nested":
        return other_trigger and (not condition or condition in words)
    if key == "xcomp":
        return infinitive
    if key == "together":
        return True
    if key == "accompanied":
        return ("с" in words or bool(words & TOGETHER_ADVERBS)) and "PER" in types
    if key == "at_that":
        return {"при", "этом"} <= words
    if key == "clause":
        return condition in types
    if key in ("joined", "with", "held"):
        return True
    if key == "pred":
        return "PER" in types
    if key == "home":
        return "PER" in types and bool(words & HOMES)
    if condition == "PERSON":
        return "PER" in types or bool(words & person_words())
    if condition in ("PER", "ORG", "LOC"):
        return condition in types
    if condition:
        return any(w in words for w in condition.split("|"))
    if key == "dat":
        return dative
    preposition = key.split(":")[0]
    return preposition in ("subj", "obj", "gen") or preposition in words


def entity_types_by_sentence(doc: Doc) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for e in doc.entities:
        for m in e.mentions:
            i = doc.token_at(m.start)
            if i is not None:
                out.setdefault(doc.tokens[i].sent, set()).add(e.type)
    return out


def build(args: Arguments, triggers: list[int]) -> dict[int, Candidate]:
    """token → candidate, for the triggers one of whose frames holds (the first that does); a talk with a
    reporter is an interview, no event (lexicon/event_interviewers.txt)."""
    trigger_set = set(triggers)
    out = {}
    for i in triggers:
        if interview(args, i):
            continue
        for frame in frames_of(args.doc.tokens[i].lemma):
            args.avoid = set()  # not the people of the trigger before (`Алиев прибыл в Москву. Его принял Медведев`)
            if all(holds(args, i, need.alternatives, trigger_set) for need in frame.needs) and \
                    not any(holds(args, i, bar.alternatives, trigger_set) for bar in frame.unless):
                out[i] = fill(args, i, frame)
                if not out[i].actors and not out[i].targets:  # `Лигачева принял Брежнев: разговор продолжался`
                    actors, targets = lasting_talk_people(args, i)
                    out[i].add("actor", actors)
                    out[i].add("target", targets)
                break
    return out


@cache
def person_words() -> frozenset[str]:
    """Lemmas of nouns that name people without a name: the titles and lexicon/event_person_nouns.txt."""
    return (frozenset(lexicon.table("titles")) | lexicon.words("event_person_nouns")) - {"член"}  # `принять новых членов`


FORMATS = frozenset({"состав", "формат"})  # of talks: `в расширенном составе с участием X`
CONVERSATION = frozenset({"беседа", "побеседовать", "беседовать", "разговор", "поговорить"})


PHONE_WORDS = frozenset({"телефон", "телефонный", "позвонить", "звонить", "созвониться", "созваниваться", "звонок"})


def by_phone(doc: Doc, i: int) -> bool:
    """Whether the meeting at `i` is a call: its trigger or a word of its sentence is one of the telephone's. A call
    has the two people it names; whoever the next sentences seat or address is elsewhere."""
    return doc.tokens[i].lemma in PHONE_WORDS or any(t.lemma in PHONE_WORDS for t in doc.sentence_tokens(doc.tokens[i].sent))


def interview(args: Arguments, i: int) -> bool:
    """`в беседе с корреспондентом «Интерфакса»`, `встретился с журналистами`; a conversation with a body and
    no one of it named is one with its newspaper or agency (`в беседе с ФАН`, `в беседе с НСН сообщил`)."""
    if not any(f.type in TALKS for f in frames_of(args.doc.tokens[i].lemma)):
        return False
    reporters = lexicon.words("event_interviewers")
    partners = [k for keys, k in args.dependents(i) if keys[-1] == "с"]
    if any(args.doc.tokens[k].lemma in reporters for k in partners):
        return True
    if args.doc.tokens[i].lemma not in CONVERSATION:
        return False
    # the partner word itself names the body, and no one else is named beside it
    body = any((e := args.entity_at(k)) is not None and e.type == "ORG" for k in partners)
    return body and all(e.type == "ORG" for k in partners for e in args.entities(k))


# --- conditions -------------------------------------------------------------------------------------


def holds(args: Arguments, i: int, alternatives: tuple[tuple[str, str], ...], triggers: set[int]) -> bool:
    return any(holds_one(args, i, key, condition, triggers) for key, condition in alternatives)


def holds_one(args: Arguments, i: int, key: str, condition: str, triggers: set[int]) -> bool:
    if key == "nested":
        return nested_trigger(args, i, condition or None, triggers)
    if key == "xcomp":
        return any(args.doc.tokens[k].pos == "VERB" for k in args.children(i, "xcomp"))
    if key == "together":  # a noun: the subject of the light verb that carries it (`провели рабочий завтрак`),
        verb = light_verb_of(args, i)  # or of the clause it is a circumstance of (`за ужином X и Y договорились`)
        if verb is None and args.doc.tokens[i].pos == "NOUN" and args.circumstance(i) and args.doc.tokens[i].head >= 0:
            verb = args.doc.tokens[i].head
        return len([e for e in args.entities_of_subject(i if verb is None else verb) if e.type == "PER"]) >= 2
    if key == "accompanied":  # `Кузнецов вместе со Стржалковским объехал`, `Путин с Медведевым осмотрели`
        subject = args.children(i, "nsubj")
        companions = args.together_with(i) + [g for k in subject for g in args.together_with(k) + args.comitative(k, i)]
        if args.doc.tokens[i].feats.get("Number") == "Plur" and len(subject) == 1 \
                and args.doc.tokens[subject[0]].feats.get("Number") == "Sing":  # `с Медведевым` hung on the verb
            companions += [g for g in args.children(i, "obl") if args.preposition(g) == "с"
                           and args.doc.tokens[g].feats.get("Case") == "Ins"]
        if any(args.doc.tokens[k].lemma in TOGETHER_ADVERBS for k in args.children(i, "advmod")):
            # `в Канны Михалков и Кончаловский летели вместе`: the subject's people, together
            return len([e for e in args.entities_of_subject(i) if e.type == "PER"]) >= 2
        return any(e.type == "PER" for g in companions for e in args.entities(g))
    if key == "at_that":  # `При этом присутствовал Путин`: at what the sentence before told of its subject doing
        return at_that(args, i) and bool(subjects_of_sentence_before(args, i))
    if key == "clause":
        return bool(addressed(args, i, condition))
    if key == "joined":  # or the next sentences say who took part: kept only if presence.py finds them
        return gathered_at(args, i) or presence(args.doc, i) or told_present_after(args.doc, i)
    if key == "held":
        return held(args, i)
    if key == "with":  # on the noun, or on the verb it is the subject of (`под председательством X состоялось заседание`)
        return any(args.participants(k) for _, k in args.dependents(i) + occurrence_dependents(args, i)) \
            or bool(present_in_relative(args, i))
    if key == "obj" and condition == "PERSON" and (passive_of_person_above(args, i) or passive_left_out(args, i)
                                                   or args.doc.tokens[i].pos == "VERB" and args.object_under_place(i) is not None):
        return True
    if key == "obj" and condition == "PER" and args.doc.tokens[i].pos == "VERB" and (g := args.object_under_place(i)) \
            is not None and any(e.type == "PER" for e in args.entities(g)):  # `собрал в офисе Бовта и Гозмана`
        return True
    if key == "pred":
        return bool(predicated(args, i))
    if key == "с" and condition in ("", "PER") and reciprocal(args, i):
        return True
    found = [k for keys, k in args.dependents(i) + carried_dependents(args, i) if key in keys]
    if key == "subj" and not found and args.doc.tokens[i].rel in ("conj", "acl:relcl"):
        found = args.subject(i)  # shared with the verb before: `прилетел Чубайс и уговаривал Немцова`, `был в
        # Тбилиси, где уговаривал Саакашвили`
    return any(fits(args, k, condition) for k in found)


def fits(args: Arguments, k: int, condition: str) -> bool:
    """Whether the dependent at `k` meets a frame's condition ("" for none)."""
    if not condition:
        return True
    if condition == "PERSON":  # a person, named or not: `принял Саркози`, `принял лидеров партий`
        return args.doc.tokens[k].lemma in person_words() or any(e.type == "PER" for e in args.entities(k))
    if condition in ("PER", "ORG", "LOC"):
        return any(e.type == condition for e in args.entities(k))
    return args.doc.tokens[k].lemma in condition.split("|")


def at_that(args: Arguments, i: int) -> bool:
    """Whether `при этом` hangs on the verb at `i` (or stands in its clause before it)."""
    tokens = args.doc.tokens
    return any(tokens[k].text.lower() == "этом" and any(tokens[c].lemma == "при" for c in args.children(k))
               for k in args.children(i)) or \
        any(tokens[k].lemma == "при" and k + 1 < i and tokens[k + 1].text.lower() == "этом"
            for k in args.doc.clause_before(i))


def subjects_of_sentence_before(args: Arguments, i: int) -> list[str]:
    """The people the sentence before the one of `i` names as its subjects, outside relative clauses: whom
    `при этом присутствовал X` joins (`Зорькин осмотрел здание. При этом присутствовал Путин`)."""
    sent = args.doc.tokens[i].sent
    present = {e.id for e in args.entities_of_subject(i)}
    out = [p.entity.id for p in args.people if p.sent == sent - 1 and p.subject and not p.relative
           and p.entity.id not in present and args.doc.quote_at(p.start) is None]
    return list(dict.fromkeys(out))


def reciprocal(args: Arguments, i: int) -> bool:
    """`Берлускони и Путин советовались друг с другом`: each other (`друг с другом`, which the parser reads
    as one word), said of a subject naming two or more people."""
    tokens = args.doc.tokens
    return any(tokens[k].lemma == RECIPROCAL and any(tokens[c].lemma == "с" for c in args.children(k))
               for k in args.children(i)) and len([e for e in args.entities_of_subject(i) if e.type == "PER"]) >= 2


COPULAS = frozenset({"стать", "становиться", "быть", "оказаться", "являться"})


def predicated(args: Arguments, i: int) -> list:
    """The people noun `i` is said of: the subject of its copula (`Керри был его собеседником`,
    `собеседником Лаврова стал Керри`) or of `в числе` (`в числе собеседников Путина был Карзай`)."""
    doc = args.doc
    t = doc.tokens[i]
    if args.children(i, "cop"):
        holders = args.children(i, "nsubj")
    elif t.head >= 0 and doc.tokens[t.head].lemma in COPULAS and t.rel in ("xcomp", "obl"):
        holders = args.subject(t.head)
    elif t.head >= 0 and t.rel == "nmod" and doc.tokens[t.head].lemma == "число" and args.preposition(t.head) == "в":
        among = t.head  # `в числе собеседников`: of a copula (`был`) or of the verb above
        if args.children(among, "cop"):
            holders = args.children(among, "nsubj")
        else:
            holders = args.subject(doc.tokens[among].head) if doc.tokens[among].head >= 0 else []
    else:
        return []
    return [e for k in holders for e in args.entities(k) if e.type == "PER"]


def passive_of_person_above(args: Arguments, i: int) -> bool:
    """A passive verb without a subject of its own whose clause speaks of a person above it (`Митчелл
    вылетел в Дамаск, где был принят Асадом`): that person is its object."""
    t = args.doc.tokens[i]
    if t.pos != "VERB" or t.lemma.endswith(("ся", "сь")) or not args.passive(i) \
            or args.children(i, "nsubj", "nsubj:pass"):
        return False
    return any(e.type == "PER" for e in args.entities_of_subject(i))


def passive_left_out(args: Arguments, i: int) -> bool:
    """A passive heading its sentence whose subject is left out and found before (`В апреле 1999 года был принят
    в Кремле Ельциным`, in a reference note): that one is its object (build adds them)."""
    return args.passive(i) and bool(dropped_subject(args, i))


def carried_dependents(args: Arguments, i: int) -> list[tuple[tuple[str, ...], int]]:
    """The dative and `к` dependents of the light verb that carries noun `i` (`нанес визит вежливости
    заместителю министра`): they count for the noun's conditions."""
    verb = light_verb_of(args, i)
    if verb is None or args.doc.tokens[i].pos != "NOUN":
        return []
    return [(keys, k) for keys, k in args.dependents(verb) if k != i and keys[0] in ("dat", "к:dat")]


def occurrence_dependents(args: Arguments, i: int) -> list[tuple[tuple[str, ...], int]]:
    """The other dependents of the verb noun `i` is the subject of (`под председательством X состоялось
    заседание`, `встреча прошла с участием X`)."""
    t = args.doc.tokens[i]
    if t.pos != "NOUN" or t.rel not in ("nsubj", "nsubj:pass") or t.head < 0 or args.doc.tokens[t.head].pos != "VERB":
        return []
    return [(keys, k) for keys, k in args.dependents(t.head) if k != i]


def light_verb_of(args: Arguments, i: int) -> int | None:
    """The light verb noun `i` is the object of (`провели переговоры`, `нанес визит`), or None."""
    t = args.doc.tokens[i]
    if t.pos not in ("NOUN", "PROPN") or t.head < 0 or t.rel != "obj" or args.doc.tokens[t.head].lemma not in light_verbs():
        return None
    return t.head


def nested_trigger(args: Arguments, i: int, preposition: str | None, triggers: set[int], depth: int = 3) -> bool:
    """Whether an event trigger lies below `i`, within `depth` steps (through `preposition`, when given:
    `предоставить площадку для переговоров`)."""
    if depth == 0:
        return False
    for k in args.children(i, *NESTED_RELS):
        if preposition is None or args.preposition(k) == preposition:
            if k in triggers or nested_trigger(args, k, None, triggers, depth - 1):
                return True
        elif nested_trigger(args, k, preposition, triggers, depth - 1):
            return True
    return False


def addressed(args: Arguments, i: int, entity_type: str = "PER", verb: int | None = None) -> list:
    """The entities of that type the verb above `i` (or `verb`, when `i` hangs on it through a noun: `по итогам
    совещания заверил Путина`) addresses besides its subject: its object, its dative, its partner with `с`
    (`поздравил Обаму по телефону`, `сообщил по телефону Путину`)."""
    head = args.doc.tokens[i].head if verb is None else verb
    if head < 0 or args.doc.tokens[head].pos != "VERB":
        return []
    out = []
    for keys, g in args.dependents(head):
        if g != i and keys[0] in ("obj", "dat", "с:ins"):
            out.extend(e for e in args.entities(g) if e.type == entity_type and e not in out)
    return out


# --- slots --------------------------------------------------------------------------------------------


def fill(args: Arguments, i: int, frame: Frame) -> Candidate:
    doc = args.doc
    c = Candidate(i, frame)
    t = doc.tokens[i]
    slots = frame.slots_for(t.pos)
    noun = t.pos in ("NOUN", "PROPN")
    # a trigger whose own lemma ends in -ся (`созваниваться`) is reflexive or reciprocal, never a passive
    passive = not noun and not t.lemma.endswith(("ся", "сь")) and args.passive(i)
    args.avoid = set()
    if not noun and "subj" in slots:  # `был арестован Ковальчук`: a passive's subject is acted upon
        if any(doc.tokens[k].pos == "PRON" for k in args.subject(i)):
            args.avoid = named_partners(args, i)  # `Вечером он встретился с Мишустиным`: он is someone else
        c.add("target" if passive else slots["subj"], ids(args.entities_of_subject(i)))
    args.avoid = set(c.actors + c.targets)
    for keys, k in args.dependents(i):
        if "subj" in keys:
            continue
        if keys == ("agent",) and passive:  # `задержан полицией`
            c.add("actor", ids(args.entities(k)))
            continue
        if c.type in TALKS and args.participants(k):  # `встреча с участием X, Y и Z`
            join_participants(args, c, k)
            continue
        if c.type in TALKS and args.entity_at(k) is None:  # `переговоры в нормандском формате с участием X`
            for g in args.children(k, "nmod"):
                if args.participants(g):
                    join_participants(args, c, g)
        slot = next((slots[key] for key in keys if key in slots), None)
        if slot is not None:
            put(args, c, slot, k)
        elif keys[-1] in PLACE_PREPOSITIONS and not c.place:
            c.place = place_of(args, k)
    if "с" in slots and not any("с" in keys for keys, _ in args.dependents(i)):
        c.add(slots["с"], ids(args.partner_after(i)))
    if c.type in TALKS and c.actors and not c.targets:  # `Помимо хозяина и Медведева за столом сидели X и Y`
        c.add("actor", besides(args, i))
    if not noun and "obj" in slots and any(("obj", "PERSON") in need.alternatives or ("obj", "PER") in need.alternatives
                                           for need in frame.needs):
        g = args.object_under_place(i)  # `принял в резиденции на улице X премьер-министра Франции Фийона`
        if g is not None:  # and the people listed after, hung on the place too: `принял в Ново-Огарёво Дадли, X и Y`
            c.add(slots["obj"], ids(args.entities(g)) + [e.id for e in args.listed_on(g) if e.type == "PER"])
    if noun and c.type in TALKS and been_at(doc, i):  # `на встрече был также Лавров`
        for k in args.children(i, "nsubj") + [g for v in args.children(i, "cop") for g in args.children(v, "nsubj")]:
            c.add("actor", [e.id for e in args.entities(k) if e.type == "PER"])
    if "before" in slots:  # `При этом присутствовал Путин`: with the one the sentence before told of
        c.add(slots["before"], subjects_of_sentence_before(args, i))
    if noun and "pred" in slots:  # `собеседником Лаврова стал Керри`
        c.add(slots["pred"], ids(predicated(args, i)))
    if noun and c.type in TALKS and not c.actors and not c.targets and t.rel in ("nsubj", "nsubj:pass") \
            and not any(keys[-1] in ("с", "gen", "между") and not sides(args, k)  # no one unnamed
                        for keys, k in args.dependents(i)):
        # `Саргсян и Медведев прибыли в Сочи. Встреча прошла в Бочаровом Ручье`: the meeting of those two
        c.add("actor", ids(pronouns.subjects_before(doc, args.people, i)))
    if noun and t.lemma in SESSION_NOUNS and c.type in TALKS:
        c.add("actor", ids(convener_before(args, i)))  # `Садовничий собрал союз ректоров. На заседании выступали`
    if noun and c.type in TALKS and not c.actors and not c.targets:
        c.add("actor", ids(named_before_colon(args, i)))  # `Путин и Лукашенко: переговоры в Минске`
        c.add("actor", ids(invited_before_colon(args, i)))  # `Медведев пригласил его в Горки: разговор шел два часа`
    if noun and c.type in TALKS and c.targets and not c.actors and (
            t.rel in ("nsubj", "nsubj:pass", "root") or t.rel == "obl" and t.head >= 0
            and not any(e.type == "PER" for e in args.entities_of_subject(t.head))):
        # `Тимошенко прилетела в Москву. Разговор с Путиным продолжался два часа`: the one who came; also
        # `На переговорах с Гюлем тема Ближнего Востока заняла ...`, a clause whose subject is no person
        if t.rel == "nsubj" and t.head >= 0:  # `ему помог разговор с Ратманским`: the one it did something for
            c.add("actor", [e.id for k in args.children(t.head, "iobj", "obl") if doc.tokens[k].feats.get("Case") == "Dat"
                            and not args.preposition(k) for e in args.entities(k) if e.type == "PER" and e.id not in c.targets])
        if not c.actors and t.rel.startswith("nsubj"):  # `... а затем встретился с премьером. Встреча с
            c.add("actor", [e.id for e in going_round(args, i) if e.id not in c.targets])  # Кэмероном свелась`
        if not c.actors:
            visitor = args.visitor(i, any_gender=True)
            if visitor is None:  # `они ехали в Харьков ... Беседы с ней длились три часа`: those who came
                c.add("actor", [e.id for e in args.visitors(i) if e.id not in c.targets])
            elif visitor.id not in c.targets:
                c.add("actor", [visitor.id])
    if noun and c.type in TALKS:  # `Визит начался с переговоров с X`: the visitor
        c.add("actor", ids(occasion_owner(args, i)))
    if noun:
        if c.type in TALKS:  # `совещание, которое прошло под председательством X`
            for r in args.children(i, "acl:relcl", "acl"):
                for _, g in args.dependents(r):
                    if args.participants(g):
                        join_participants(args, c, g)
            for v in present_in_relative(args, i):  # `ужин, в котором приняли участие X и Y`
                if negated(args, v):  # `совещание, на которое Громов не пришел`
                    continue
                if doc.tokens[v].lemma in SUMMONING_VERBS:  # `совещание, на которое позвали X и Y`
                    c.add("actor", [e.id for k in args.children(v, "obj") for e in args.entities(k) if e.type == "PER"])
                else:
                    c.add("actor", ids(args.entities_of_subject(v)))
        carrier(args, c, i)
    else:
        for k in args.children(i, "xcomp"):  # `предложил провести переговоры с X в Y`
            complement(args, c, k)
        if c.type in TALKS and not c.actors:
            c.add("actor", ids(restated_subject(args, i, c.type)))
    if c.type in TALKS and not c.actors and not passive:  # `Вечером встретился с X`, `Вечером провел переговоры с X`
        c.add("actor", [e.id for e in dropped_subject(args, clause_verb(args, i)) if e.id not in c.targets])
    elif c.type in TALKS and passive:  # `В 1998 году был приглашён на встречу с Ельциным`: the one invited
        c.add("target", [e.id for e in dropped_subject(args, i) if e.id not in c.actors])
    return c


def clause_verb(args: Arguments, i: int) -> int:
    """The verb whose subject is the doer of trigger `i`: the light verb that carries a noun (`провел
    переговоры`) or the verb a noun is a circumstance of (`после встречи с X подал прошение`), and of verbs
    joined with no subject of their own, the first, and the finite verb above a converb (`Утром побывал в
    Кремле, а вечером встретился с X`, `обсудив планы за ужином с X, объявил`); `i` itself otherwise."""
    tokens = args.doc.tokens
    v = i
    if (light := light_verb_of(args, i)) is not None and light_verbs()[tokens[light].lemma] == "actor":
        v = light
    elif tokens[i].pos in ("NOUN", "PROPN") and tokens[i].head >= 0 and args.circumstance(i):
        h = tokens[i].head
        if tokens[h].rel == "obj" and tokens[h].pos == "NOUN" and tokens[h].head >= 0:
            h = tokens[h].head  # hung on the verb's object: `обсудив планы за ужином с X`
        if tokens[h].pos == "VERB":
            v = h
    while tokens[v].rel in ("conj", "advcl") and tokens[v].head >= 0 and tokens[tokens[v].head].pos == "VERB" \
            and not args.subject(v):
        v = tokens[v].head
    return v


DROPPED_SUBJECT_REACH = 3  # sentences back, over sentences that go on without a subject of their own


def dropped_subject(args: Arguments, i: int) -> list[Entity]:
    """The one the sentence before names as its subject, for a finite singular verb that opens a sentence of
    its own with no subject (`Эрдоган прилетел в Москву в понедельник. Вечером встретился с Путиным`), of the
    verb's gender where it shows one; no one when that sentence names someone else as well, or no one. A
    sentence before that names no subject and goes on without a subject of its own, its verb agreeing, is passed
    over to the one before it (`Прохоров родился в Москве. В 1992 году переехал в Норильск. Там познакомился
    с Дерипаской`; `Эрдоган прилетел в Москву. Вечером встретился с Путиным. Затем провёл переговоры с
    Медведевым`: whom it names is not its subject), up to DROPPED_SUBJECT_REACH sentences back."""
    doc = args.doc
    t = doc.tokens[i]
    if not subjectless(args, i):
        return []
    gender = t.feats.get("Gender") if t.feats.get("Gender") in ("Masc", "Fem") else None  # the past shows it
    for sent in range(t.sent - 1, max(t.sent - 1 - DROPPED_SUBJECT_REACH, -1), -1):
        before = {p.entity.id: p for p in args.people if p.sent == sent and p.subject and not p.relative
                  and doc.quote_at(p.start) is None}
        if before:
            if len(before) != 1:
                return []
            person = next(iter(before.values()))
            life = doc.layers.get("life_subject")
            if life is not None and life.entity.id != person.entity.id and speaks_of(args, sent, life):
                person = life  # a life's subject goes on after one who dealt with them (`Путин принял Чайку`)
            return [person.entity] if gender is None or person.gender in (gender, None) else []
        if not goes_on_without_subject(args, sent, gender):
            if any(p.sent == sent for p in args.people):
                return []
            break
    # a text told without subjects is about one person (`Награжден орденом. После Игр сделал перерыв. В
    # марте 2009 года, обсудив планы за ужином с Мишиным, объявил о возвращении`): protagonist.life_subject
    life = doc.layers.get("life_subject")
    agrees = life is not None and life.start < t.start and (gender is None or life.gender in (gender, None))
    return [life.entity] if agrees else []  # a verb of the present shows no gender: any agrees


def speaks_of(args: Arguments, sent: int, life: pronouns.PersonMention) -> bool:
    """Whether sentence `sent` names the subject of a life told without subjects other than as its subject: by
    name (`Путин принял Юрия Чайку в Кремле`) or by a pronoun of their gender out of the nominative (`Скуратов
    пригласил его для разговора`). The verbs that go on without a subject after it are then theirs again: in
    a reference note, the one who received them or asked them in has their sentence, not the life."""
    doc = args.doc
    if any(p.sent == sent and p.entity.id == life.entity.id and not p.subject for p in args.people):
        return True
    s = doc.sentences[sent]
    return any(pronouns.PERSONAL.get(doc.tokens[k].lemma) == life.gender
               and doc.tokens[k].feats.get("Case") not in ("Nom", None) for k in range(s.first, s.last))


def subjectless(args: Arguments, i: int) -> bool:
    """Whether `i` is a finite singular verb of the third person, or a short passive participle (`назначен`,
    `был приглашён`), heading its sentence with no subject, outside quotes."""
    t = args.doc.tokens[i]
    return t.head < 0 and (finite_third_person(t) or short_passive(t)) and t.feats.get("Number") == "Sing" \
        and not args.subject(i) and args.doc.quote_at(t.start) is None



def goes_on_without_subject(args: Arguments, sent: int, gender: str | None) -> bool:
    """Whether sentence `sent` names no one and its verb goes on with the subject before it: a finite verb of
    the same gender heading it with no subject (`В 1992 году переехал в Норильск`). Not a passive (`Награжден
    орденом`): the one it speaks of may be the object of the sentence before (`ему позвонил Путин`)."""
    doc = args.doc
    args.parse(sent)
    s = doc.sentences[sent]
    roots = [k for k in range(s.first, s.last) if doc.tokens[k].head < 0 and doc.tokens[k].pos == "VERB"]
    return len(roots) == 1 and subjectless(args, roots[0]) and finite_third_person(doc.tokens[roots[0]]) \
        and (gender is None or doc.tokens[roots[0]].feats.get("Gender") in (gender, None))


def going_round(args: Arguments, i: int) -> list[Entity]:
    """The people who, in the sentence before that of `i`, last went to meet someone: the subject of its last
    verb of meeting or talks whose frame holds, unless it receives a guest (`Между заседаниями он принял Си Цзиньпина, а
    затем встретился с японским премьером. Обещанная встреча с Кэмероном свелась к беседе`: the one going
    from meeting to meeting, not the guest he received)."""
    doc = args.doc
    sent = doc.tokens[i].sent
    if sent == 0:
        return []
    s = doc.sentences[sent - 1]
    if not s.parsed:  # it holds no trigger worth a parse
        return []
    avoid, args.avoid = args.avoid, set()  # that sentence's `он` is read as there, not kept off this event's people
    try:
        verbs = [v for v in range(s.first, s.last) if doc.tokens[v].pos == "VERB" and tells_of_talks(args, v)]
        if not verbs or doc.tokens[verbs[-1]].lemma in HOSTING_VERBS or doc.quote_at(doc.tokens[verbs[-1]].start) is not None:
            return []
        return [e for e in args.entities_of_subject(verbs[-1]) if e.type == "PER"]
    finally:
        args.avoid = avoid


def tells_of_talks(args: Arguments, v: int) -> bool:
    """Whether a frame of meeting or talks holds of the trigger at `v` (`встретился с премьером`; not `Асад
    говорил о партнерстве`)."""
    return any(f.type in TALKS and all(holds(args, v, need.alternatives, set()) for need in f.needs)
               and not any(holds(args, v, bar.alternatives, set()) for bar in f.unless)
               for f in frames_of(args.doc.tokens[v].lemma))


def restated_subject(args: Arguments, i: int, kind: str) -> list[Entity]:
    """The people a clause after a dash names as the subject of the same act told again: `Дубине позвонили
    из Киева — звонил лично Ющенко`, where the first verb has none."""
    return [e for k in args.children(i, "parataxis") if any(f.type == kind for f in frames_of(args.doc.tokens[k].lemma))
            for e in args.entities_of_subject(k) if e.type == "PER"]


def occasion_owner(args: Arguments, i: int) -> list[Entity]:
    """The one whose visit or day the meeting noun `i` opens, goes on with or closes
    (lexicon/event_occasions.txt): the people of the occasion's genitive (`Рабочий день главы «Роснефти»
    Игоря Сечина начался с завтрака с X`), else the one who came (`Путин прибыл в Бишкек. Визит начался с
    переговоров с X`)."""
    nouns, verbs = occasions()
    t = args.doc.tokens[i]
    if t.rel != "obl" or t.head < 0 or args.doc.tokens[t.head].lemma not in verbs:
        return []
    for s in args.children(t.head, "nsubj"):
        if args.doc.tokens[s].lemma not in nouns:
            continue
        owners = [e for g in args.children(s, "nmod") for e in args.entities(g) if e.type == "PER"]
        if owners:
            return owners
        visitor = args.visitor(s, any_gender=True)
        return [visitor] if visitor is not None else []
    return []


def named_before_colon(args: Arguments, i: int) -> list:
    """The two or more people a headline names, in the nominative and with no verb, before a colon that the
    meeting noun `i` follows (`Путин и Лукашенко: переговоры в Минске`, `Путин — Лукашенко: встреча в Минске`)."""
    doc = args.doc
    s = doc.sentence_of(i)
    colon = colon_before(doc, i)
    if colon is None or any(doc.tokens[k].pos == "VERB" for k in range(s.first, colon)):
        return []
    out = []
    for k in range(s.first, colon):
        e = args.entity_at(k)
        if e is not None and e.type == "PER" and e not in out and doc.tokens[k].feats.get("Case") in ("Nom", None):
            out.append(e)
    return out if len(out) >= 2 else []


def colon_before(doc: Doc, i: int) -> int | None:
    """The last colon before token `i` in its sentence, or None."""
    s = doc.sentence_of(i)
    return next((k for k in range(i - 1, s.first - 1, -1) if doc.tokens[k].text == ":"), None)


CONVENING_VERBS = frozenset({"собрать", "созвать"})  # `собрал Российский союз ректоров`: the session is theirs


def convener_before(args: Arguments, i: int) -> list:
    """The one the sentence before session noun `i` tells as gathering people or a body (`Почти тогда же
    Садовничий собрал Российский союз ректоров. На заседании выступали Кропачев, Стриханов и Ливанов`): the
    person named in the nominative before that sentence's verb of convening, if one."""
    doc = args.doc
    sent = doc.tokens[i].sent
    if sent == 0 or any(doc.tokens[k].lemma in CONVENING_VERBS for k in range(doc.sentences[sent].first, i)):
        return []
    before = doc.sentences[sent - 1]
    verb = next((k for k in range(before.first, before.last) if doc.tokens[k].lemma in CONVENING_VERBS
                 and doc.tokens[k].pos == "VERB"), None)
    if verb is None:
        return []
    subjects = {p.entity.id: p.entity for p in args.people if p.sent == sent - 1 and p.subject
                and p.start < doc.tokens[verb].start}
    return list(subjects.values()) if len(subjects) == 1 else []


def invited_before_colon(args: Arguments, i: int) -> list:
    """The one who invited or summoned someone, and that someone, in the clause before a colon that the meeting
    noun `i` follows as a subject (`Медведев пригласил его в Горки: разговор шел почти два часа`)."""
    doc = args.doc
    s = doc.sentence_of(i)
    colon = colon_before(doc, i)
    if colon is None or doc.tokens[i].rel not in ("nsubj", "nsubj:pass"):
        return []
    verb = next((k for k in range(colon - 1, s.first - 1, -1) if doc.tokens[k].pos == "VERB"), None)
    if verb is None or doc.tokens[verb].lemma not in SUMMONING_VERBS:
        return []
    people = args.entities_of_subject(verb) + [e for k in args.children(verb, "obj") for e in args.entities(k)]
    out = [e for n, e in enumerate(people) if e.type == "PER" and e not in people[:n]]
    return out if len(out) >= 2 else []


def sides(args: Arguments, k: int) -> bool:
    """`встреча лидеров`, `переговоры сторон`, `встреча президентов`: a plural title or `сторона` that named no
    one the article ties to it, which leaves the meeting to the pair named before."""
    t = args.doc.tokens[k]
    return t.feats.get("Number") == "Plur" and (t.lemma in args.titles or t.lemma == "сторона") \
        and args.preposition(k) is None


def ids(entities: list) -> list[str]:
    return [e.id for e in entities]


def put(args: Arguments, c: Candidate, slot: str, k: int) -> None:
    if slot == "place":
        c.place = c.place or place_of(args, k)
        return
    entities = args.entities(k)
    if entities and not c.place:  # `переговоры с Си Цзиньпином в Пекине`: a place hung on a participant
        for keys, g in args.dependents(k):
            if keys[-1] in PLACE_PREPOSITIONS:
                c.place = c.place or place_of(args, g)
    if slot == "where":  # a place visited is the place; a host is a target
        for e in entities:
            if e.type == "LOC" and not c.place:
                c.place = e.id
            else:
                c.add("target", [e.id])
        return
    c.add(slot, ids(entities))


def place_of(args: Arguments, k: int) -> str | None:
    """The place an oblique names: `в Москве`, `в Кремле`, `на полях Генассамблеи ООН`."""
    t = args.doc.tokens[k]
    if t.lemma in place_nouns():
        for g in args.children(k, "nmod"):
            e = args.entity_at(g)
            if e is not None and e.type in ("LOC", "ORG"):
                return e.id
        return None
    if t.feats.get("Case") not in ("Loc", None):
        return None
    e = args.entity_at(k)
    return e.id if e is not None and e.type in ("LOC", "ORG") else None


def complement(args: Arguments, c: Candidate, k: int) -> None:
    """Places and partners of an infinitive complement that is no trigger itself (a light verb that is one only
    with some objects counts as none: `готов провести их в Казахстане`, `провести время с X`)."""
    lemma = args.doc.tokens[k].lemma
    if frame_of(lemma) is not None and lemma not in light_verbs():
        return
    for keys, g in args.dependents(k):
        if keys[-1] == "с":
            c.add("target", ids(args.entities(g)))
        elif keys[-1] in PLACE_PREPOSITIONS and not c.place:
            c.place = place_of(args, g)


def carrier(args: Arguments, c: Candidate, i: int) -> None:
    """The verb an event noun hangs on: a light verb's subject fills its slot; a circumstance
    (`в ходе встречи`, `на переговорах`) lends the clause's subject when the noun has no actor."""
    doc = args.doc
    lemma = doc.tokens[i].lemma
    args.avoid = set(c.actors + c.targets)  # a pronoun subject is not the partner (`он провел переговоры с Путиным`)
    i = args.standing_for(i)  # `провели новый раунд переговоров`: the round is what the verb carries
    t = doc.tokens[i]
    head = t.head
    circumstance = args.circumstance(i, lemma)
    if circumstance and head >= 0 and doc.tokens[head].lemma in context_words()["noun"]:
        head = doc.tokens[head].head  # `в ходе` read as a noun: the verb is one step further up
    if circumstance and head >= 0 and doc.tokens[head].rel == "obj" and doc.tokens[head].pos == "NOUN" \
            and doc.tokens[head].head >= 0 and doc.tokens[doc.tokens[head].head].pos == "VERB":
        head = doc.tokens[head].head  # hung on the verb's object: `подписали протокол по итогам переговоров`
    carried = light_nouns().get(doc.tokens[head].lemma) if head >= 0 else None
    if carried and doc.tokens[head].head >= 0:  # `принял участие во встрече с X`
        head = doc.tokens[head].head
        if doc.tokens[head].lemma == "один":  # `один из участников встречи, губернатор Груздев, рассказал`
            one, verb = head, doc.tokens[head].head  # the name beside `один`, or the verb's other subject
            beside = [k for k in args.children(verb, "nsubj") if k != one] if verb >= 0 else []
            c.add(carried, ids(args.entities(one) or [e for k in beside for e in args.entities(k)]
                               or named_after_comma(args, one)))
            return
        if doc.tokens[head].pos in ("VERB", "ADJ") and not negated(args, head):  # not `участия не принимал`
            c.add(carried, ids(args.entities_of_subject(head)))
        return
    if head < 0 or doc.tokens[head].pos not in ("VERB", "ADJ"):
        return
    verb = doc.tokens[head]
    light = light_verbs().get(verb.lemma)
    takes_part = verb.lemma in PRESENT_VERBS or any(doc.tokens[k].lemma == PARTICIPATION_NOUN for k in args.children(head))
    if negated(args, head) and takes_part:
        return  # `в переговорах участия не принимал`: who did not take part
    if circumstance:  # a passive's subject is what was done (`в ходе переговоров обсуждалась Сирия`)
        subject = [] if args.passive(head) else args.entities_of_subject(head)
        if not subject and takes_part:  # `В 2011 году участвовал во встрече Медведева с X`: the life's subject
            subject = dropped_subject(args, head)
        if not c.actors or verb.lemma in PRESENT_VERBS:  # `в совещании участвовали X и Y`: they take part
            c.add("actor", ids(subject))
            if c.type in TALKS and verb.lemma in PRESENT_VERBS:  # `помимо Путина во встрече участвовали X и Y`
                c.add("actor", besides(args, head))
                for k in present_too(args, head):  # `Во встрече участвовал и Лавров; присутствовал и Макфол`
                    c.add("actor", ids(args.entities_of_subject(k)))
        else:  # `сообщил Неверов в ходе встречи Путина с лидерами фракций`: the one who speaks there is there
            c.add("actor", [e.id for e in subject if e.type == "PER"])
        if c.type in TALKS and not c.targets and c.actors:
            # `в телефонном разговоре пригласил X`, `на встрече поблагодарил X`, `поздравил X по телефону`:
            # the one addressed was there
            c.add("target", ids(addressed(args, i, verb=head)))
        if c.type in TALKS and c.targets and not c.actors and not subject:
            # `Он сообщил, что во время встречи с X они договорились`: the one who reports the meeting
            c.add("actor", ids(reporter(args, head)))
        return
    if c.type in TALKS and t.rel == "obl" and verb.lemma in ARRIVAL_VERBS and args.preposition(i) in ("на", "в") \
            and t.feats.get("Case") == "Acc":  # `на встречу приехали X, Y и Z`: those who came to it
        c.add("actor", ids(args.entities_of_subject(head)))
        return
    if c.type in TALKS and t.rel == "obl" and verb.lemma in SUMMONING_VERBS and args.preposition(i) == "на" \
            and t.feats.get("Case") == "Acc":  # `X и Y были вызваны на ужин`, `вызвал X на беседу`: those called
        if not negated(args, head):  # came to it, and who called them (not `Бородина на совещание не позвали`)
            c.add("actor", [e.id for e in summoned(args, head) if e.type == "PER"])
            c.add("actor", [e.id for e in args.entities_of_subject(head) if e.type == "PER"])
        return
    if c.type in TALKS and t.rel in ("obl", "obj") and c.targets and not c.actors and not light:
        # `был выбран для встречи с Путиным`, `рассказал о разговоре с Байденом`, `назвал встречу с Обамой
        # полезной`: one side is named, the other is the one the clause is about (not a spokesman)
        subject = args.entities_of_subject(head)
        c.add("actor", ids(subject if t.rel == "obl" else [e for e in subject if not spokesman(e)]))
        return
    if light and t.rel in ("obj", "obl", "nmod", "iobj"):  # `посвятил утро встречам с X`
        # `принял приглашение Путина`: with an actor of its own, the noun's carrier is its target
        c.add(light if light != "actor" or not c.actors else "target", ids(args.entities_of_subject(head)))
        if c.type in TALKS:  # `провел с ней переговоры`, `удостоил аудиенции X`, `нанес визит X`: the
            for keys, g in args.dependents(head):  # partner hung on the light verb
                if g != i and (keys[-1] == "с" or keys[0] in ("obj", "dat")):
                    c.add("target", [e.id for e in args.entities(g) if e.type == "PER"])
    elif t.rel not in ("nsubj", "nsubj:pass"):  # `встреча прошла в Сочи`
        return
    for keys, g in args.dependents(head):  # `провели переговоры в Пекине`, `встреча прошла в Сочи`
        if c.type in TALKS and args.participants(g):  # `встреча прошла с участием X и Y`
            join_participants(args, c, g)
        elif c.type in TALKS and doc.tokens[g].lemma in FORMATS:  # `в расширенном составе с участием X`
            for n in args.children(g, "nmod"):
                if args.participants(n):
                    join_participants(args, c, n)
        elif c.type in TALKS and keys[-1] in ("у", "между") and t.rel in ("nsubj", "nsubj:pass"):
            # `у Лаврова состоится встреча с X`: his meeting; `между X и Y состоялся разговор`: theirs
            c.add("actor", ids(args.entities(g)))
            if keys[-1] == "у":  # `у Чернышенко с Вайнштоком был разговор`, the partner hung on the name
                for k in args.children(g, "nmod"):
                    if args.preposition(k) == "с" and doc.tokens[k].feats.get("Case") == "Ins":
                        c.add("target", [e.id for e in args.entities(k) if e.type == "PER"])
        elif c.type in TALKS and keys == ("home",):  # `в кабинете Козака прошло совещание`: his office, his meeting
            c.add("target", [e.id for e in args.entities(g) if e.type == "PER"])
        elif c.type in TALKS and keys[-1] == "с" and doc.tokens[g].feats.get("Case") == "Ins":
            # `у них с Потрясаевым состоялся разговор`: the partner hung on the verb the talk is subject of
            c.add("target", [e.id for e in args.entities(g) if e.type == "PER"])
        elif keys[-1] in PLACE_PREPOSITIONS and not c.place and g != i:
            c.place = place_of(args, g)


def named_partners(args: Arguments, i: int) -> set[str]:
    """The entities the `с` dependents of verb `i` name, pronouns left out."""
    return {e.id for keys, k in args.dependents(i) if keys[-1] == "с" and args.doc.tokens[k].pos != "PRON"
            for e in args.entities(k)}


def spokesman(person: Entity) -> bool:
    """Whether one of a person's roles is that of one who speaks for someone else (lexicon/event_spokespeople.txt)."""
    words = tuple(lexicon.words("event_spokespeople"))
    return any(w.lower().startswith(words) for role in person.roles for w in role.split())


HOLDING_PREPOSITIONS = ("на", "в ходе", "во время")  # `на заседании`, not `перед заседанием`, `после заседания`


def held(args: Arguments, i: int) -> bool:
    """Whether a named person holds, chairs or speaks at the gathering noun `i`: the subject of its light verb
    (`Медведев провел заседание`), or of the clause it is where of (`Путин председательствовал на заседании`,
    `выступивший на заседании Путин`, `на заседании Путин поручил Левитину`)."""
    doc = args.doc
    t = doc.tokens[i]
    verb = light_verb_of(args, i)
    if verb is None:
        if t.head < 0 or not args.circumstance(i):
            return False
        if doc.tokens[t.head].lemma in ("ход", "время"):  # `в ходе заседания`, read as a noun and its preposition
            verb = doc.tokens[t.head].head
        elif args.preposition(i) in HOLDING_PREPOSITIONS:
            verb = t.head
        else:
            return False
    return verb >= 0 and doc.tokens[verb].pos in ("VERB", "ADJ") and not args.passive(verb) \
        and any(e.type == "PER" for e in args.entities_of_subject(verb))


def told_present_after(doc: Doc, i: int) -> bool:
    """Whether a sentence just after noun `i` may say who took part in it (presence.presence_sentences:
    `Заседание прошло в Москве. Сопредседателями выступили X и Y`)."""
    from letopis.analysis.events.presence import presence_sentences  # presence.py builds on this module

    t = doc.tokens[i]
    return t.pos == "NOUN" and any(s > t.sent for s in presence_sentences(doc, t.sent))


def gathered_at(args: Arguments, i: int) -> bool:
    """Whether noun `i` is where people came (`собрались на совместный ужин`, `приехали на встречу`) or were
    called (`были вызваны на ужин`)."""
    t = args.doc.tokens[i]
    if t.head < 0 or t.rel != "obl" or t.feats.get("Case") != "Acc":
        return False
    verb = args.doc.tokens[t.head].lemma
    if verb in ARRIVAL_VERBS and args.preposition(i) in ("на", "в"):
        return any(e.type == "PER" for e in args.entities_of_subject(t.head))
    return verb in SUMMONING_VERBS and args.preposition(i) == "на" and any(e.type == "PER" for e in summoned(args, t.head))


def summoned(args: Arguments, v: int) -> list[Entity]:
    """The people summoning verb `v` calls: its object, or the subject of its passive (`были вызваны`)."""
    return [e for k in args.children(v, "obj", "nsubj:pass") for e in args.entities(k)]


def named_after_comma(args: Arguments, one: int) -> list[Entity]:
    """The person named between commas right after the phrase of `один` at `one` (`один из участников встречи,
    председатель муниципалитета Игорь Зотов, губернатор попросил ...`), which the parser hung on another verb:
    the one it is."""
    doc = args.doc
    last = doc.sentence_of(one).last

    def after_phrase(i: int) -> int:  # the token right after the words below `i`
        k = i + 1
        while k < last and doc.below(k, i):
            k += 1
        return k

    comma = after_phrase(one)
    name = comma + 1
    if name >= last or doc.tokens[comma].text != "," or doc.tokens[name].feats.get("Case") != "Nom":
        return []
    end = after_phrase(name)
    if end >= last or doc.tokens[end].text != ",":
        return []  # `один из участников совещания, мэр дал понять`: the sentence's own subject, no apposition
    e = args.entity_at(name) or next((args.entity_at(g) for g in args.children(name, "appos")), None)
    return [e] if e is not None and e.type == "PER" else []


def present_too(args: Arguments, v: int) -> list[int]:
    """The verbs of presence joined to verb of presence `v` that name no place or occasion of their own: `Во
    встрече участвовал и Лавров; с американской стороны присутствовал Макфол`, where the parser hangs the
    meeting on the second verb, both were there; not `на ужине был Y` beside it."""
    return [k for k in args.children(v, "conj") if args.doc.tokens[k].lemma in PRESENT_VERBS and not negated(args, k)
            and not any(args.preposition(g) in ("в", "на") for g in args.children(k, "obl"))]


def besides(args: Arguments, i: int) -> list[str]:
    """The people of a `помимо` phrase on word `i`, or of a `кроме` one before it (`Кроме Чубайса, в кабинете
    были X и Y`; after it, `кроме` leaves them out: `были все, кроме Y`): those besides whom others took part
    took part too."""
    return [e.id for keys, k in args.dependents(i) if keys[-1] == "помимо" or keys[-1] == "кроме" and k < i
            for e in args.entities(k) if e.type == "PER"]


def presence(doc: Doc, i: int) -> bool:
    """Whether the noun at `i` is where someone takes part: `в совещании участвовали`, `на встрече
    присутствовал`, `в ужине приняли участие`, `в расширенной части переговоров приняли участие`, `на
    встрече был также Лавров`, `к концу беседы присоединился Дворкович`."""
    if been_at(doc, i):
        return True
    h = doc.tokens[i].head
    if h >= 0 and doc.tokens[i].rel == "nmod" and (doc.tokens[h].lemma in part_nouns() or doc.tokens[h].lemma in TIME_PARTS):
        h = doc.tokens[h].head  # `к концу беседы присоединился X`
    if h < 0:
        return False
    head = doc.tokens[h]
    if head.lemma in PRESENT_VERBS:
        return True
    if head.lemma in ARRIVAL_VERBS and doc.tokens[i].feats.get("Case") == "Acc":  # `на встречу приехали X и Y`
        return True
    return head.lemma == "принять" and any(doc.tokens[k].lemma == PARTICIPATION_NOUN for k in doc.children(h))


def been_at(doc: Doc, i: int) -> bool:
    """`на встрече был также Лавров`: the noun at `i`, in the prepositional case after `на`/`в`, is the
    predicate of a copula (the parser's reading of `быть` there)."""
    t = doc.tokens[i]
    kids = doc.children(i)
    return t.feats.get("Case") == "Loc" and any(doc.tokens[k].rel == "cop" for k in kids) \
        and any(doc.tokens[k].rel == "case" and doc.tokens[k].lemma in ("на", "в") for k in kids)


RELATIVE_REACH = 8  # words between a meeting noun and its relative clause: its genitives and partners


def present_in_relative(args: Arguments, i: int) -> list[int]:
    """The verbs of presence of a relative clause on meeting noun `i` (`ужин, в котором приняли участие X`,
    `встреча, на которой присутствовали X и Y`), of speaking at it (`совещание, на котором Миллер доложил`), or of
    coming or being asked to it (`совещание, на которое приехали X и Y`, `на которое позвали X`, `совещание у Зубкова,
    куда позвали X`), or of joining it (`раунд переговоров, к которому присоединились X и Y`), found along the text, as
    the parser often leaves such a clause unattached: `в`/`на`/`к` + `который` agreeing with the noun right after it (or
    after its genitives and partners), then the verb; or of holding it (`заседание, которое провел X`:
    `held_in_relative`)."""
    doc = args.doc
    t = doc.tokens[i]
    s = doc.sentence_of(i)
    k = i + 1
    while k < s.last and doc.tokens[k].text != "," and (doc.tokens[k].pos in ("ADJ", "PUNCT") or k - i <= RELATIVE_REACH and (
            doc.tokens[k].pos in ("NOUN", "PROPN") and doc.tokens[k].feats.get("Case") in ("Gen", "Ins")
            or doc.tokens[k].lemma in ("и", "с", "у") or where_it_was(doc, k))):
        k += 1  # `саммит глав государств Таможенного союза, в котором`, `переговоров X и Y с президентом, к которому`,
        # `встреча в мэрии, которую`, `совещание у Зубкова в Белом доме, куда`: the noun's genitives, partners,
        # host and place come first
    if k + 1 < s.last and doc.tokens[k].text == "," and doc.tokens[k + 1].lemma == "куда":
        # `на совещании у Зубкова в Белом доме, куда позвали Скрынник и Гордеева`: those asked or come to it
        v = next((v for v in range(k + 2, s.last) if doc.tokens[v].pos == "VERB"), None)
        coming = v is not None and (doc.tokens[v].lemma in ARRIVAL_VERBS or doc.tokens[v].lemma in SUMMONING_VERBS)
        return [v] if coming else []
    if k + 1 < s.last and doc.tokens[k].text == "," and doc.tokens[k + 1].lemma == "который":
        return held_in_relative(args, t, k + 1)  # `заседание правительства, которое провел Медведев`
    if not (k + 2 < s.last and doc.tokens[k].text == "," and doc.tokens[k + 2].lemma == "который"
            and doc.tokens[k + 1].lemma in ("в", "на", "к")):
        return []
    which = doc.tokens[k + 2]
    part = doc.tokens[t.head] if t.rel == "nmod" and t.head >= 0 and doc.tokens[t.head].lemma in part_nouns() else None
    if not any(same_form(which, noun) for noun in (t, part) if noun is not None):
        return []  # `раунд переговоров, к которому`: `который` may agree with the part the noun is of
    for v in range(k + 3, s.last):  # the clause's first verb
        tv = doc.tokens[v]
        if tv.pos != "VERB":
            continue
        if doc.tokens[k + 1].lemma == "к":  # `раунд переговоров, к которому присоединились X и Y`
            return [v] if tv.lemma in PRESENT_VERBS and which.feats.get("Case") == "Dat" else []
        if tv.lemma in PRESENT_VERBS or tv.lemma in SAID_AT and doc.tokens[k + 1].lemma == "на" or \
                tv.lemma == "принять" and any(doc.tokens[g].lemma == PARTICIPATION_NOUN for g in args.children(v)) \
                or (tv.lemma in ARRIVAL_VERBS or tv.lemma in SUMMONING_VERBS) and which.feats.get("Case") == "Acc":
            return [v]
        return []
    return []


def where_it_was(doc: Doc, k: int) -> bool:
    """Whether token `k` is where a meeting was, after its noun: `в`/`на` and a noun in the locative (`в
    мэрии`, `в Белом доме`), or that noun or its adjective."""
    t = doc.tokens[k]
    if t.lemma in ("в", "на") and k + 1 < len(doc.tokens):
        t = doc.tokens[k + 1]
        if t.pos == "ADJ" and k + 2 < len(doc.tokens):  # `в Белом доме`
            t = doc.tokens[k + 2]
    return t.pos in ("NOUN", "PROPN", "ADJ") and t.feats.get("Case") == "Loc"


HOLDING_VERBS = frozenset({"провести", "проводить", "вести", "созвать", "созывать"})  # one who holds a meeting is at it


def held_in_relative(args: Arguments, noun: Token, w: int) -> list[int]:
    """The verb of holding of a relative clause that opens with `который` in the accusative, agreeing with
    meeting noun `noun`, when it is the clause's first verb: `заседание правительства, которое провел
    Медведев`."""
    doc = args.doc
    which = doc.tokens[w]
    if which.feats.get("Case") != "Acc" or not same_form(which, noun):
        return []
    s = doc.sentence_of(w)
    v = next((v for v in range(w + 1, s.last) if doc.tokens[v].pos == "VERB"), None)
    return [v] if v is not None and doc.tokens[v].lemma in HOLDING_VERBS else []


def same_form(pron: Token, noun: Token) -> bool:
    """Whether a pronoun for a meeting (`в нем`, `в котором`) agrees with the noun in number and, in the
    singular, in gender, the masculine and the neuter sharing their forms (`совещание, в котором`)."""
    if (pron.feats.get("Number") == "Plur") != (noun.feats.get("Number") == "Plur"):
        return False
    if pron.feats.get("Number") == "Plur":
        return True
    return (pron.feats.get("Gender") == "Fem") == (noun.feats.get("Gender") == "Fem")


def reporter(args: Arguments, head: int, depth: int = 3) -> list:
    """The people who are the subject of a clause above `head` (`Он сообщил, что во время встречи с X ...`)."""
    k = head
    for _ in range(depth):
        if args.doc.tokens[k].head < 0:
            return []
        k = args.doc.tokens[k].head
        if args.doc.tokens[k].pos == "VERB":
            people = [e for e in args.entities_of_subject(k) if e.type == "PER"]
            if people:
                return people
    return []


def join_participants(args: Arguments, c: Candidate, k: int) -> None:
    """The people of a participation phrase (`с участием X и Y`, `под председательством X`) act in the
    meeting: they join its actors."""
    for g in args.participants(k):
        c.add("actor", ids(args.entities(g)))
    c.add("actor", [e.id for e in args.listed_on(k) if e.type == "PER"])
