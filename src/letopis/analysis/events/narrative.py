"""People who deal with a meeting's participants in the sentences that go on telling of it: `Путин провел
совещание с губернатором. Аман Тулеев доложил главе правительства ...`, `Федотов представил президенту
проект`, `Главный упрек премьер адресовал Олегу Дерипаске`.

For a MEET or NEGOTIATE event that names a participant and is no phone call, the NARRATIVE sentences after its own are read
until one tells of another meeting, call or visit (holds another such event, other than a question, thanks or
the like put within the scene: `долго расспрашивал ректора`) or opens with a word that moves to another time
or scene (lexicon/event_narrative_breaks.txt: `позднее`, `накануне`, `тем временем`).
In each, a person who is the subject of a verb addressed to a participant (the verb's dative, `к` + dative,
the object of a verb of address such as `поблагодарить`, or `от` after `потребовать`: `потребовал от
Колокольцева`), or who is so addressed by a participant,
joins the event, and so does one a participation phrase names on a verb whose subject is the event's people
(`Там, в присутствии советника канцлера Тельчика, они договорились`). Mentions on the other side of a quote's
edge from the event are left alone.

A session (`заседание`, `совещание`, `саммит`, `съезд`) is told over more sentences, SESSION of them, and
those who speak or report at it there join it too (`С основным докладом выступила министр Скрынник`,
`Шойгу доложил о пожарах`), unless the verb names another place or a listener, and so do those who represent a
country or a body there (`Афганистан представлял президент Хамид Карзай`) and those whose clause names the
session again as where or when it is (`в течение всего заседания сидел Собянин`, `Приглашенный на заседание
Чубайс`), and those who say what its body did (`Кудрин сообщил, что правительство одобрило проект`).
Once someone has spoken at it (or one of its people has said something), whoever says something after (in
that sentence too), to no listener and nowhere else, takes a turn there too (`Докладывая об итогах, Санашев
отметил ... Лазарев пояснил, что ...`; not a spokesman), and each turn keeps the session told of for SESSION
sentences more (up to TURNS past the first SESSION). A
session's window opens after each of its mentions (`Открывая заседание, ...`), and after one by the same noun
in the SESSION sentences before that named no one (`30 июля состоялось заседание правительства ...
Выступивший на заседании Путин`); an event is a session when any of its mentions names one (`провел ряд
встреч. Рабочий день начался с совещания`).

Requires: the events (their sentences parsed), entities, quotes. Assigns: more actors and targets.
"""

from __future__ import annotations

from letopis.analysis.document import Doc
from letopis.analysis.events.arguments import Arguments, moves_on
from letopis.analysis.events.candidates import (
    ARRIVAL_VERBS,
    SAID_AT,
    SESSION_NOUNS,
    SPEAKING_VERBS,
    TALKS,
    by_phone,
    spokesman,
)
from letopis.analysis.events.coreference import session_bodies
from letopis.model import Event

NARRATIVE = 2  # sentences after the meeting's own
SESSION = 5  # sentences after a session's own, where those who speak at it are told of one by one
TURNS = 5  # sentences more, for the turns of speech told one after another (each opens SESSION more)
REPRESENTING_VERBS = frozenset({"представлять", "представить"})
# converbs of SPEAKING_VERBS, which the tagger reads as adverbs of their own lemma (`Докладывая об итогах, X отметил`)
SPEAKING_CONVERBS = frozenset({"докладывая", "доложив", "выступая", "выступив", "отчитываясь", "отчитавшись"})
SESSION_PREPOSITIONS = frozenset({"на", "в течение", "в ходе", "во время", "на протяжении"})  # `в течение заседания`
SCENE_TYPES = (*TALKS, "VISIT")
DEMANDING_VERBS = frozenset({"потребовать", "требовать"})  # `потребовал от Колокольцева`: addressed to him
# what one says in one's turn at a session (`Лазарев пояснил`, `Антарадонов заметил`)
REPLYING_VERBS = SAID_AT | {"пояснить", "заметить", "добавить", "указать", "возразить", "ответить", "напомнить"}
ADDRESS_OBJECT_VERBS = frozenset({"поблагодарить", "благодарить", "упрекнуть", "попросить", "просить", "заверить",
                                  "поздравить", "убедить", "призвать", "пригласить", "спросить", "спрашивать",
                                  "расспросить", "расспрашивать"})


def join_narrative_people(doc: Doc, events: list[Event], mentions: dict[int, list[int]] | None = None) -> None:
    """`mentions`: id(event) → the trigger tokens of all its mentions (coreference.merge_mentions); a session's
    window opens after each (`Открывая заседание, ...`)."""
    scenes = {}  # sentence → the events of other scenes told there
    for e in events:
        i = doc.token_at(e.trigger.start)
        # a question or thanks within the scene opens none (`Президент провел в здании около часа и долго
        # расспрашивал ректора Алфёрова`)
        if e.type in SCENE_TYPES and i is not None and e.trigger.lemma not in ADDRESS_OBJECT_VERBS:
            scenes.setdefault(doc.tokens[i].sent, []).append(e)
    windows = []  # (event, the sentences that go on telling of it, whether it is a session)
    for e in events:
        i = doc.token_at(e.trigger.start)
        if e.type in TALKS and i is not None and (e.actors or e.targets) and not by_phone(doc, i):
            others = {s for s, es in scenes.items() if any(x is not e for x in es)}
            marks = (mentions or {}).get(id(e), [i])
            session = any(doc.tokens[k].lemma in SESSION_NOUNS for k in marks)  # `провел ряд встреч. ... начался с
            if session:  # `состоялось заседание правительства. ... Выступивший на заседании Путин`
                marks = announced_before(doc, marks, others) + marks
            told = {doc.tokens[k].sent for k in marks} if session else {doc.tokens[i].sent}  # совещания`
            reach = SESSION + TURNS if session else NARRATIVE
            sentences = sorted({s for t in told for s in window(doc, t, others, reach)})
            windows.append((e, sentences, session, marks))
    todo = sorted({s for _, w, _, _ in windows for s in w})
    if not todo:
        return
    own = {doc.tokens[k].sent for _, _, _, marks in windows for k in marks}  # its mentions, an earlier one too
    doc.parse(sorted(set(todo) | own))
    args = Arguments(doc, sorted(set(todo) | own))
    for event, sentences, session, marks in windows:
        told = {doc.tokens[k].sent for k in marks}
        turned: set[int] = set()  # the sentences in which someone took a turn at the session
        for s in sentences:
            if session and s - max((t for t in told | turned if t < s), default=s) > SESSION:
                continue  # SESSION sentences past its last mention or turn
            pairs = addressed_pairs(args, s, event) + witnesses(args, s, event)
            if session:
                heard = speakers(args, s, event)  # a participant's words are a turn, and after one, anyone's
                turns = heard + [(e, side) for e, side in replies(args, s, event)
                                 if turned or heard or e.id in event.actors + event.targets]
                pairs += turns + present_at(args, s, event) + reporters_of_body(args, s, event, marks)
                if turns:
                    turned.add(s)
            if s == sentences[0] and group_partner(args, event):
                pairs += arrivals(args, s)
            for person, side in pairs:
                if person.id not in event.actors and person.id not in event.targets:
                    (event.actors if side == "actor" else event.targets).append(person.id)


def window(doc: Doc, sent: int, other_scenes: set[int], reach: int = NARRATIVE) -> list[int]:
    """The sentences after `sent` that go on telling of its meeting: up to one that tells of another
    meeting, call or visit (`other_scenes`) or opens with a break word."""
    out = []
    for s in range(sent + 1, min(sent + 1 + reach, len(doc.sentences))):
        if s in other_scenes or moves_on(doc, s):
            break
        out.append(s)
    return out


def addressed_pairs(args: Arguments, s: int, event: Event) -> list[tuple[object, str]]:
    """(person, slot) for each person of sentence `s` who deals with a participant of `event`: the subject of
    a verb addressed to a participant (an actor), or one a participant addresses (a target)."""
    doc = args.doc
    inside = set(event.actors + event.targets)
    out = []
    sentence = doc.sentences[s]
    for v in range(sentence.first, sentence.last):
        verb = doc.tokens[v]
        if verb.pos != "VERB" or doc.quote_at(verb.start) != event.source:
            continue
        subjects = [e for e in args.entities_of_subject(v) if e.type == "PER"]
        addressees = []
        for keys, g in args.dependents(v):
            if keys[0] == "dat" or keys[0] == "к:dat" or keys[0] == "obj" and verb.lemma in ADDRESS_OBJECT_VERBS \
                    or keys[-1] == "от" and verb.lemma in DEMANDING_VERBS:
                addressees.extend(e for e in args.entities(g) if e.type == "PER")
        if not subjects or not addressees:
            continue
        if any(e.id in inside for e in subjects):
            out.extend((e, "target") for e in addressees if e.id not in inside)
        elif any(e.id in inside for e in addressees):
            out.extend((e, "actor") for e in subjects if e.id not in inside)
    return out


def witnesses(args: Arguments, s: int, event: Event) -> list[tuple[object, str]]:
    """(person, `actor`) for each person a participation phrase of sentence `s` names (`в присутствии X`, `с
    участием X`) on a verb whose subject is the meeting's participants (`Горбачев пригласил Коля к себе ...
    Там, в присутствии советника канцлера Хорста Тельчика, они договорились о главном`), on the same side of a
    quote's edge."""
    doc = args.doc
    inside = set(event.actors + event.targets)
    out = []
    sentence = doc.sentences[s]
    for v in range(sentence.first, sentence.last):
        if doc.tokens[v].pos != "VERB" or doc.quote_at(doc.tokens[v].start) != event.source:
            continue
        subjects = [e for e in args.entities_of_subject(v) if e.type == "PER"]
        if not subjects or any(e.id not in inside for e in subjects):
            continue
        phrases = [c for _, k in args.dependents(v) for c in [k, *args.children(k, "conj")]]  # `в доме, в присутствии X`
        out.extend((e, "actor") for k in phrases for g in args.participants(k)
                   for e in args.entities(g) if e.type == "PER" and e.id not in inside)
    return out


def present_at(args: Arguments, s: int, event: Event) -> list[tuple[object, str]]:
    """(person, `actor`) for each person of sentence `s` whose clause names the session of `event` again by its
    noun, as where or when it is (`Рядом с президентом в течение всего заседания сидел Собянин`, `Приглашенный
    на заседание Чубайс уложился в пять минут`): the subject of the verb the noun hangs on, or the one a
    participle over it describes; not in a clause that is negated or on the other side of a quote's edge."""
    doc = args.doc
    noun = doc.tokens[doc.token_at(event.trigger.start)].lemma
    out = []
    sentence = doc.sentences[s]
    for k in range(sentence.first, sentence.last):
        t = doc.tokens[k]
        if t.lemma != noun or t.rel != "obl" or t.head < 0 or args.preposition(k) not in SESSION_PREPOSITIONS \
                or doc.quote_at(t.start) != event.source:
            continue
        h = doc.tokens[t.head]
        if any(doc.tokens[g].lemma == "не" for g in args.children(t.head, "advmod")):
            continue  # `не приехал на заседание`
        if h.rel in ("acl", "amod") and h.head >= 0:  # `Приглашенный на заседание глава «Роснано» Чубайс`
            named = args.entities(h.head)
        elif h.pos in ("VERB", "AUX"):
            named = args.entities_of_subject(t.head)
        else:
            continue
        out.extend((e, "actor") for e in named if e.type == "PER")
    return out


def speakers(args: Arguments, s: int, event: Event) -> list[tuple[object, str]]:
    """(person, `actor`) for each person of sentence `s` who speaks or reports at the session of `event`, told
    of without naming it again (`С основным докладом выступила министр Скрынник`, `Глава МЧС Сергей Шойгу
    доложил о пожарах`, `Выступивший следом Кудрин сообщил`, `Докладывая об итогах, Санашев отметил`): the
    subject of a verb of speaking at a session (or of the verb its converb hangs on) that names no other place
    or listener, on the same side of a quote's edge."""
    doc = args.doc
    out = []
    sentence = doc.sentences[s]
    for v in range(sentence.first, sentence.last):
        verb = doc.tokens[v]
        converb = verb.lemma in SPEAKING_CONVERBS and verb.rel == "advcl" and verb.head >= 0
        if verb.lemma not in SPEAKING_VERBS | REPRESENTING_VERBS and not converb \
                or doc.quote_at(verb.start) != event.source:
            continue
        if any(keys[-1] in ("в", "на", "перед") or keys[0] in ("dat",) for keys, _ in args.dependents(v)):
            continue  # `выступил на форуме`, `выступил перед студентами`, `доложил президенту`: elsewhere, or to one
        named = args.entities_of_subject(verb.head if converb else v)  # `Докладывая об итогах, Санашев отметил`
        if verb.lemma in REPRESENTING_VERBS:  # `Афганистан представлял президент Карзай`: either order
            named = named + [e for keys, k in args.dependents(v) if keys[0] == "obj" for e in args.entities(k)]
            if not any(e.type in ("LOC", "ORG") for e in named):
                continue  # a country or a body is represented, not a film or a report
        out.extend((e, "actor") for e in named if e.type == "PER")
    return out


def replies(args: Arguments, s: int, event: Event) -> list[tuple[object, str]]:
    """(person, `actor`) for each person of sentence `s` who says something, after someone has spoken at the
    session of `event` in the sentences before (`Докладывая об итогах, Санашев отметил ... Директор ДОСААФ
    Лазарев пояснил, что ... Председатель комиссии Шапошников отметил`): the subject of a verb of saying that
    names no listener or other place, on the same side of a quote's edge, who speaks for no one else."""
    return [(e, "actor") for v in said_to_no_one(args, s, event, REPLYING_VERBS)
            for e in args.entities_of_subject(v) if e.type == "PER" and not spokesman(e)]


def said_to_no_one(args: Arguments, s: int, event: Event, verbs: frozenset[str]) -> list[int]:
    """The verbs of sentence `s` among `verbs`, on the same side of a quote's edge as `event`, that name no
    listener and no other place (not `сообщил журналистам`, `заявил на брифинге`: to others, elsewhere)."""
    doc = args.doc
    sentence = doc.sentences[s]
    return [v for v in range(sentence.first, sentence.last)
            if doc.tokens[v].lemma in verbs and doc.tokens[v].pos == "VERB"
            and doc.quote_at(doc.tokens[v].start) == event.source
            and not any(keys[-1] in ("в", "на", "перед") or keys[0] == "dat" for keys, _ in args.dependents(v))]


def announced_before(doc: Doc, marks: list[int], others: set[int]) -> list[int]:
    """The mentions of a session by the same noun in the SESSION sentences before its first mention that
    names people, with no other scene told between (`30 июля состоялось заседание правительства ...
    Выступивший на заседании правительства Путин`): the session is told of from there on. Such a mention
    names no one, and so made no event of its own. A mention of another body's session is another session
    (`заседание Госдумы` before `заседание правительства`)."""
    nouns = {doc.tokens[k].lemma for k in marks if doc.tokens[k].lemma in SESSION_NOUNS}
    bodies = {b for k in marks for b in session_bodies(doc, k)}
    sent = doc.tokens[min(marks)].sent
    out = []
    for s in range(sent - 1, max(-1, sent - 1 - SESSION), -1):
        if s in others:
            break
        found = [k for k in range(doc.sentences[s].first, doc.sentences[s].last) if doc.tokens[k].lemma in nouns]
        if found:
            doc.parse([s])  # its body, below
        out = [k for k in found if not bodies or not session_bodies(doc, k) or bodies & session_bodies(doc, k)] + out
    return out


def reporters_of_body(args: Arguments, s: int, event: Event, marks: list[int]) -> list[tuple[object, str]]:
    """(person, `actor`) for each person of sentence `s` who says what the body whose session `event` is did
    (`заседание правительства. ... Министр финансов Кудрин сообщил, что правительство одобрило проект`): the
    subject of a verb of saying whose clause has the session's body (the genitive of one of its mentions,
    `marks`, or an organisation among its people) for its subject, the verb naming no listener or other
    place, on the same side of a quote's edge."""
    doc = args.doc
    bodies = {b for i in marks for b in session_bodies(doc, i)}
    bodies |= {e.name.lower() for e in doc.entities if e.id in event.actors + event.targets and e.type == "ORG"}
    if not bodies:
        return []
    out = []
    for v in said_to_no_one(args, s, event, SAID_AT):
        clauses = args.children(v, "ccomp")
        if not any(doc.tokens[k].lemma in bodies or any(e.name.lower() in bodies for e in args.entities(k))
                   for c in clauses for k in args.children(c, "nsubj")):
            continue
        out.extend((e, "actor") for e in args.entities_of_subject(v) if e.type == "PER")
    return out


def group_partner(args: Arguments, event: Event) -> bool:
    """Whether the meeting is with a group named by a noun and no one's name (`встретился с членами клуба`,
    `с академиками`)."""
    doc = args.doc
    i = doc.token_at(event.trigger.start)
    if i is None:
        return False
    for keys, k in args.dependents(i):
        t = doc.tokens[k]
        if keys[-1] == "с" and t.pos == "NOUN" and t.feats.get("Number") == "Plur" \
                and t.feats.get("Animacy") == "Anim" and not any(e.type == "PER" for e in args.entities(k)):
            return True
    return False


def arrivals(args: Arguments, s: int) -> list[tuple[object, str]]:
    """(person, `target`) for each person sentence `s` says came (`Фортов встретился с членами клуба. В институт
    пришли Захаров, Рубаков и еще полтора десятка академиков`): the group the meeting was with, spelt out."""
    doc = args.doc
    sentence = doc.sentences[s]
    return [(e, "target") for v in range(sentence.first, sentence.last)
            if doc.tokens[v].lemma in ARRIVAL_VERBS and doc.tokens[v].pos == "VERB"
            for e in args.entities_of_subject(v) if e.type == "PER"]
