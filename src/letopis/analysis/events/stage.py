"""The events stage: triggers → candidates → nested events merged → records with modality, date, source.

requires: tokens, morph, syntax, entities, quotes, dates        assigns: events

Only the sentences that hold a trigger are parsed, and of those only the ones that can name a participant
(an entity mention, `он`/`она`, a title, or `я`/`мы` or `мой`/`наш` in a quote) and whose words allow the
trigger's frame to hold. An event nested under a proposal, a rejection or a demand (`предложил провести
переговоры в Москве`, `отказался от встречи с X`), or under a trigger of its own type (`подписали соглашение`),
is part of that event: its participants join the governing event's targets and its place becomes the
governing event's place when it has none. A meeting or talks offered, that name someone (`готов встретиться с X`, `предложил
Лукашенко провести переговоры`; not talks a venue is offered for), stay an event too, of proposed modality,
with the proposer among their people. An event agreed on that names no participant of its own is among the
parties to the agreement (`договорились о встрече`). A later mention of an event already recorded is merged
into it (see coreference.py); the people present at a meeting named in the sentences after it join it
(presence.py), and so do the other people of a meeting's own sentence who may have been at it
(sentence_people.py) and the people who deal with its participants in the sentences that go on telling of it
(narrative.py). An agreement between people implies that they talked: the talks are recorded beside it
(implied_talks.py). An event that names no participant (`переговоры надо продолжать`) is dropped: a chronicle
records who did what. Photo captions that show people together are meetings too (captions.py), numbered after
the rest.
"""

from __future__ import annotations

from letopis.analysis import lexicon
from letopis.analysis.dates import DateMention
from letopis.analysis.document import Doc
from letopis.analysis.events import pronouns
from letopis.analysis.events.arguments import CHANNELS, COUNTS, Arguments, first_person
from letopis.analysis.events.candidates import NESTED_RELS, TALKS, Candidate, build, trigger_tokens, worth_parsing
from letopis.analysis.events.captions import caption_events
from letopis.analysis.events.coreference import another_occasion, merge_headline, merge_mentions
from letopis.analysis.events.frames import light_nouns
from letopis.analysis.events.implied_talks import add_implied_talks
from letopis.analysis.events.modality import anchor, modality
from letopis.analysis.events.narrative import join_narrative_people
from letopis.analysis.events.narrator import narrator
from letopis.analysis.events.presence import join_present, named_after_count, presence_sentences
from letopis.analysis.events.protagonist import join_protagonist, life_subject, protagonist
from letopis.analysis.events.sentence_people import join_sentence_people
from letopis.model import Cue, Event

ABSORBING_TYPES = ("PROPOSE", "REJECT", "DEMAND")
INHERITING_TYPES = ("AGREE",)
NESTING_DEPTH = 3


class Events:
    name = "events"
    requires = ("tokens", "morph", "syntax", "entities", "quotes", "dates")
    assigns = ("events",)

    def __call__(self, doc: Doc) -> None:
        doc.events = []
        doc.layers["narrator"] = narrator(doc)  # once: Arguments, here and in presence and narrative, read it
        doc.layers["protagonist"] = protagonist(doc)
        people = pronouns.person_mentions(doc)
        doc.layers["life_subject"] = life_subject(doc, people)
        worth = sentences_with_participants(doc, people)
        found_triggers = trigger_tokens(doc)
        # a meeting that names no one, told before the sentence that says who took part (`Переговоры заняли
        # пять часов. В расширенной части участвовали X и Y`), may be a later mention of a meeting named before
        worth |= {doc.tokens[i].sent for i in found_triggers if doc.tokens[i].pos == "NOUN"
                  and doc.tokens[i].sent not in worth and presence_sentences(doc, doc.tokens[i].sent)}
        triggers = worth_parsing(doc, [i for i in found_triggers if doc.tokens[i].sent in worth])
        if not triggers:
            doc.events = number(caption_events(doc))
            return
        sentences = sorted({doc.tokens[i].sent for i in triggers})
        doc.parse(sentences)
        args = Arguments(doc, sentences)
        candidates = build(args, triggers)
        absorb_nested(args, candidates)
        dates = doc.layers.get("dates", [])
        found = [(c, to_event(args, c, "", dates)) for _, c in sorted(candidates.items())
                 if c.actors or c.targets or awaits_people(doc, c)]
        mentions: dict[int, list[int]] = {}
        doc.events = merge_mentions(doc, found, mentions)
        join_present(doc, doc.events, mentions)
        named_after_count(doc, doc.events, mentions)
        doc.events = [e for e in doc.events if e.actors or e.targets]
        join_sentence_people(doc, doc.events)
        join_narrative_people(doc, doc.events, mentions)
        join_protagonist(doc, doc.events)
        doc.events = add_implied_talks(doc, doc.events)
        doc.events = merge_headline(doc, doc.events)
        doc.events = number(doc.events + caption_events(doc))


def number(events: list[Event]) -> list[Event]:
    for n, e in enumerate(events, 1):
        e.id = f"v{n}"
    return events


def awaits_people(doc: Doc, c: Candidate) -> bool:
    """A meeting noun that names no one yet, followed by a sentence that may say who took part (`Встреча прошла
    в Кремле. В ней приняли участие X и Y`): kept until presence.py has read it, unless a word makes it another
    meeting than the one just told of (`в преддверии второго раунда переговоров`), which the next sentence's
    people are not at."""
    t = doc.tokens[c.token]
    return c.type in TALKS and t.pos == "NOUN" and bool(presence_sentences(doc, t.sent)) \
        and another_occasion(doc, c.token) is None  # `в преддверии второго раунда переговоров`: another one


def sentences_with_participants(doc: Doc, people: list[pronouns.PersonMention]) -> set[int]:
    """The sentences that can name a participant: they hold an entity mention, `он`/`она`/`они`, `его`/`их`
    (`в составе делегации он встречался с президентом`, `их встреча`), a title that may name a person of the
    article, a word for partners (lexicon/event_partner_nouns.txt), or `я`/`мы` (`мой`/`наш`)
    inside a quote, or outside one in a text told by a narrator (narrator.py). Only their triggers are worth a parse.
    `people`: the article's person mentions (pronouns.person_mentions)."""
    titles = lexicon.table("titles").keys()
    partners = lexicon.words("event_partner_nouns")  # `бывшие партнеры ужинали вдвоем`
    out = {t.sent for t in doc.tokens if t.lemma in titles or t.lemma in partners or t.pos in ("PRON", "DET") and (
        t.lemma in pronouns.PERSONAL or t.lemma in pronouns.PLURAL or t.lemma in pronouns.POSSESSIVE)}
    for e in doc.entities:
        for m in e.mentions:
            i = doc.token_at(m.start)
            if i is not None:
                out.add(doc.tokens[i].sent)
    out |= pronouns.sentences_after_pairs(doc, people)  # `X и Y прибыли. Встреча прошла`
    out |= {t.sent for k, t in enumerate(doc.tokens[:-1]) if t.lemma in COUNTS  # `встреча двух чиновников`
            and doc.tokens[k + 1].feats.get("Animacy") == "Anim" and doc.tokens[k + 1].feats.get("Number") == "Plur"}
    for q in doc.quotes:
        if q.speaker is not None and q.speaker.entity:
            for i in doc.tokens_in(q.content.start, q.content.stop):
                if first_person(doc.tokens[i]):
                    out.add(doc.tokens[i].sent)
    if doc.layers.get("narrator") is not None:  # a memoir's `мы с Кочемасовым поехали к Кренцу`
        out |= {t.sent for t in doc.tokens if first_person(t) and doc.quote_at(t.start) is None}
    return out


def governing(args: Arguments, i: int, candidates: dict[int, Candidate]) -> int | None:
    """The nearest trigger above `i`, through complements and obliques, if any; a circumstance (`на встрече`)
    is no complement, unless a noun of participation governs it (`отказался от участия во встрече`)."""
    k = i
    for _ in range(NESTING_DEPTH):
        t = args.doc.tokens[k]
        if t.head < 0 or t.rel not in NESTED_RELS or \
                args.circumstance(k) and args.doc.tokens[t.head].lemma not in light_nouns():
            return None
        k = t.head
        if k in candidates:
            return k
    return None


def through_preposition(args: Arguments, i: int, parent: int) -> bool:
    """Whether the way up from trigger `i` to the trigger `parent` above it passes a prepositional phrase
    (`площадку для переговоров`, `предложение о встрече`)."""
    doc = args.doc
    k = i
    while k != parent and k >= 0:
        if any(doc.tokens[c].rel == "case" for c in doc.children(k)):
            return True
        k = doc.tokens[k].head
    return False


def depth(doc: Doc, i: int) -> int:
    n = 0
    while doc.tokens[i].head >= 0 and n < 50:
        i, n = doc.tokens[i].head, n + 1
    return n


def absorb_nested(args: Arguments, candidates: dict[int, Candidate]) -> None:
    for i in list(candidates):  # `беседовал с X по телефону`: one call, told by the verb
        t = args.doc.tokens[i]
        if t.lemma in REMOTE_CHANNELS and t.head in candidates and candidates[t.head].type in TALKS:
            candidates[t.head].add("target", candidates[i].actors + candidates[i].targets)
            del candidates[i]
    for i in sorted(candidates, key=lambda i: -depth(args.doc, i)):
        p = governing(args, i, candidates)
        if p is None:
            continue
        parent, child = candidates[p], candidates[i]
        if parent.type in ABSORBING_TYPES or parent.type == child.type:
            parent.add("target", child.actors + child.targets)
            parent.place = parent.place or child.place
            if parent.type == "PROPOSE" and child.type in TALKS and (child.actors or child.targets) \
                    and not through_preposition(args, i, p):
                # `готов принять его`, `предложил Лукашенко встретиться`: the meeting offered is one too, of
                # proposed modality; not talks a venue is offered for (`площадку для переговоров`)
                child.add("actor", [x for x in parent.actors if x not in child.targets])
                child.offered = True
                continue
            del candidates[i]
        elif parent.type in INHERITING_TYPES and not child.actors and not child.targets:
            child.add("actor", parent.actors + parent.targets)  # `договорились о встрече`: they will meet


# the channels of `по телефону с X` (arguments.CHANNELS) that keep people apart, and calls by video
REMOTE_CHANNELS = (CHANNELS - {"связь"}) | {"видеоконференция", "видеомост"}
REMOTE_ADJECTIVES = frozenset({"телефонный"})


def talk_type(args: Arguments, c: Candidate) -> str:
    """The type of the event of `c`: a meeting held over a line is talks, as MEET is in person (`беседовали по
    телефону`, `пообщались по видеосвязи`, `телефонная беседа`)."""
    if c.type != "MEET":
        return c.type
    for k in args.children(c.token):
        t = args.doc.tokens[k]
        if t.lemma in REMOTE_CHANNELS and args.preposition(k) == "по" or t.lemma in REMOTE_ADJECTIVES:
            return "NEGOTIATE"
    return c.type


def to_event(args: Arguments, c: Candidate, event_id: str, dates: list[DateMention]) -> Event:
    doc = args.doc
    t = doc.tokens[c.token]
    s = doc.sentences[t.sent]
    date = date_of(args, c.token, dates)
    said = modality(args, c.token, c.frame)
    return Event(
        id=event_id, type=talk_type(args, c), trigger=Cue(t.start, t.stop, t.text, t.lemma), sentence=(s.start, s.stop),
        actors=list(c.actors), targets=list(c.targets), place=c.place,
        date=date.day if date else None, date_text=date.text if date else None,
        modality=offered(said) if c.offered else said,
        source=doc.quote_at(t.start),
    )


def offered(said: str) -> str:
    """The modality of a meeting offered (`готов встретиться`): proposed, unless its own clause negates or
    refuses it."""
    return said if said in ("negated", "refused") else "proposed"


def date_of(args: Arguments, i: int, dates: list[DateMention]) -> DateMention | None:
    """The date expression of the clause of `i`: one attached to the trigger or to a word above it;
    else the only one in the sentence."""
    doc = args.doc
    sent = doc.tokens[i].sent
    here = [m for m in dates if doc.tokens[m.first].sent == sent]
    if not here:
        return None
    steps = {}
    k, n = anchor(doc, i), 0
    steps[i] = 0
    while k >= 0 and n < 50:
        steps.setdefault(k, n)
        k, n = doc.tokens[k].head, n + 1
    best, best_steps = None, None
    for m in here:
        h = attachment(doc, m)
        if h is not None and h in steps and (best_steps is None or steps[h] < best_steps):
            best, best_steps = m, steps[h]
    return best if best is not None else (here[0] if len(here) == 1 else None)


def attachment(doc: Doc, m: DateMention) -> int | None:
    """The token a date expression hangs on (the head of its own head word)."""
    for k in range(m.first, m.last):
        h = doc.tokens[k].head
        if not m.first <= h < m.last:
            return h if h >= 0 else None
    return None
