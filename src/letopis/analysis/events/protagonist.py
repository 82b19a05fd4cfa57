"""The person an article is about: a profile or a long story told around one man or woman (`Прохоров` named
forty times, no one else more than a dozen). A pronoun or a title that the article ties to no one near it
stands for them when nothing else does (`По словам самого бизнесмена, ... он был принят Медведевым`).

The protagonist is the person with the most mentions, when they have at least MIN_MENTIONS and at least
DOMINANCE times as many as anyone else; otherwise there is none, and no one is guessed. A meeting noun that
names only its partner, in a sentence that names no one else, is the protagonist's with them (`решающий
разговор с Германом Грефом прошёл у того в кабинете`, in a profile of Чернышенко): join_protagonist.

A text told without subjects (a reference note, a life year by year: `Родился в 1982 году. ... После Игр
сделал перерыв`) is about the person its title or lead names: life_subject. A verb whose subject is left out
takes them where the sentences before go back to no one (candidates.dropped_subject), and so does a pronoun of
their gender with no one else of it named before it in its sentence (Arguments.life_subject_for).

Requires: the entities. The events stage finds the protagonist and the life's subject once and keeps them in
`doc.layers["protagonist"]` and `doc.layers["life_subject"]`.
"""

from __future__ import annotations

from letopis.analysis.document import Doc, Token
from letopis.analysis.events.pronouns import PersonMention
from letopis.analysis.morph_guard import first_reading
from letopis.model import Entity, Event

MIN_MENTIONS = 5
DOMINANCE = 2.0
MIN_SUBJECTLESS = 3  # sentences told with no subject, for a text told so (a reference note, a life year by year)
LEAD_SENTENCES = 2  # the title and the lead, where a life's subject is named first
MIN_SUBJECTLESS_SHARE = 0.15  # of its sentences outside quotes (a news story or a long piece has some, 2-8%)


def protagonist(doc: Doc) -> Entity | None:
    """The person `doc` is about, or None (the rule is the module's)."""
    people = sorted((e for e in doc.entities if e.type == "PER"), key=lambda e: -len(e.mentions))
    if not people or len(people[0].mentions) < MIN_MENTIONS:
        return None
    runner_up = len(people[1].mentions) if len(people) > 1 else 0
    return people[0] if len(people[0].mentions) >= DOMINANCE * runner_up else None


def life_subject(doc: Doc, people: list[PersonMention]) -> PersonMention | None:
    """The person a text told without subjects is about: a reference note or a life told year by year
    (`Плющенко Евгений Викторович. Родился в 1982 году. ... В 2006 году выиграл олимпийский турнир`), whose
    finite verbs go on with no subject of their own sentence after sentence. It is the person the text names
    in its first LEAD_SENTENCES sentences (the title and the lead), when at least MIN_SUBJECTLESS sentences
    outside quotes, and MIN_SUBJECTLESS_SHARE of them, name no one and open with no nominative before a finite
    singular verb of the past or of the present (`В 1975 году поступает в МГУ`) or a short passive participle
    (`Назначен министром`); None otherwise. Read from the words alone, without a parse. `people`: the
    article's person mentions (pronouns.person_mentions)."""
    if not people or people[0].sent >= LEAD_SENTENCES:
        return None
    named = {p.sent for p in people}
    in_names = {k for span in doc.ner for k in range(span.first, span.last)}
    subjectless = told = 0
    for n, s in enumerate(doc.sentences):
        if doc.quote_at(s.start) is not None:
            continue
        told += 1
        if n in named:
            continue
        for k in range(s.first, s.last):
            t = doc.tokens[k]
            if t.feats.get("Case") == "Nom" and (t.pos in ("NOUN", "PRON") or t.pos == "PROPN" and k in in_names):
                break  # a nominative, but not `Родился`, which the tagger takes for a name
            if t.pos == "VERB" and (finite_third_person(t) and t.feats.get("Tense") in ("Past", "Pres")
                                    or short_passive(t)) and t.feats.get("Number") == "Sing" \
                    or k == s.first and past_verb_word(t.text):
                subjectless += 1
                break
    return people[0] if subjectless >= max(MIN_SUBJECTLESS, MIN_SUBJECTLESS_SHARE * told) else None


def finite_third_person(t: Token) -> bool:
    """A finite verb not of the first or second person (the past shows no person): a life may be told in the
    past or the present (`В 1975 году поступает в МГУ`)."""
    return t.feats.get("VerbForm") == "Fin" and t.feats.get("Person") not in ("1", "2")


def past_verb_word(word: str) -> bool:
    """A word the dictionary reads first as a verb of the past, singular (`Окончил`, `Родилась`): opening a
    short sentence, the tagger may take it for a name or an adjective (`Родился в 1950 году в Москве.`)."""
    return {"VERB", "past", "sing"} <= first_reading(word)


def short_passive(t: Token) -> bool:
    """`назначен`, `приглашена`: a short passive participle, which says what was done to its subject (a life
    told without subjects goes on so: `В 1999 году назначен вице-премьером`)."""
    return t.feats.get("VerbForm") == "Part" and t.feats.get("Variant") == "Short" and t.feats.get("Voice") == "Pass"


ONE_SIDED_TYPES = ("MEET", "NEGOTIATE")
ONE_SIDED_MODALITIES = ("asserted", "planned")


def join_protagonist(doc: Doc, events: list[Event]) -> None:
    """The protagonist becomes the actor of a meeting noun outside quotes that names one person, as its partner
    and not the protagonist, in a sentence that names no one else, after the protagonist was named. In a text
    told without subjects, where no one is named often enough to be the protagonist, the life's subject does
    (`Знакомство с Любимовым состоялось в Ленинграде`, in a reference note on Эрнст)."""
    person = doc.layers.get("protagonist")
    if person is None and (life := doc.layers.get("life_subject")) is not None:
        person = life.entity
    if person is None:
        return
    for event in events:
        i = doc.token_at(event.trigger.start)
        if event.type not in ONE_SIDED_TYPES or event.actors or len(event.targets) != 1 or person.id in event.targets \
                or event.modality not in ONE_SIDED_MODALITIES or i is None or doc.tokens[i].pos != "NOUN" \
                or event.source is not None or doc.quote_at(event.trigger.start) is not None:
            continue
        if not any(m.start < event.trigger.start for m in person.mentions):
            continue
        start, stop = event.sentence
        others = {e.id for e in doc.entities if e.type == "PER" and e.id not in event.targets and e.id != person.id
                  and any(start <= m.start < stop for m in e.mentions)}  # they may be named there themselves
        if not others:
            event.actors.append(person.id)
