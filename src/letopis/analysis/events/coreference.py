"""One event, one record: later mentions of an event already recorded are merged into it.

An article names a meeting once in full and then refers back to it (`Обама провел встречу с Кенни, после
встречи президент отметил ...`; `Путин встретился с Си. На встрече присутствовал также Лавров`). A later event
is a mention of an earlier one, within MENTION_DISTANCE sentences of the earlier one's latest mention, when
they are of the same kind (MEET and NEGOTIATE count as one kind), their dates do not differ, they have the
same source (the outlet, or one quote; the later mention's modality may differ, as it often reflects only its
own clause: `встреча может стать ...`; where no meeting of its own source fits, the outlet may say in its own
words who was at a meeting a quote told of: `По его словам, решение приняли на встрече, которую провел X. В
переговорах участвовали Y и Z`), and either

- it names no one the earlier one does not (a repeated mention), or
- it is an event noun of talks or meetings that names no new partner (`с X`), only people present
  (`на встрече присутствовал Лавров`, `в ходе переговоров Лавров заявил`), or a verb that seats people at
  the table or in the hall (`За столом собрались X и Y`; not at a phone call): they join the earlier event.

A mention that only says who was present (`В совещании также приняли участие X и Y`, `В беседе участвовал
X`, `На встречу приехали X и Y`, `Переговоры прошли в расширенном составе; в последнем участвовал X`), or
only names the partner of an earlier meeting (`Встреча с Каном продолжалась 40 минут`), reaches further
back, PRESENT_DISTANCE sentences: an article tells of a meeting and its content first and of the others at
the table later. A session named again by its own noun (`Медведев
провел заседание президиума ... Открывая заседание, глава государства ...`) reaches SESSION_DISTANCE back to
the event of that noun, unless a word makes it another session (`следующее заседание`) or the sentence moves
on to another time (`Позднее Сечин доложил об итогах совещания`).

A sentence that opens by going back in time (`Накануне`, `Ранее`, `Перед этим`) tells of another occasion:
its meeting is no mention of one told before (`Клювгант навестил Ходорковского. Накануне в колонию
приезжала мать осужденного, которой разрешили свидание с сыном`).

The merged event keeps the first trigger and takes the place and date it lacked from the later mention; of a
later mention by a noun only its people join (`встретился с Керри на саммите АСЕАН`: not АСЕАН).

A headline tells the story's meeting before the text does (`Путин в Бишкеке: знакомство с Роухани`, then
`Путин встретился с Хасаном Роухани` ten sentences on): a meeting of the headline joins the first meeting of
the text, at any distance, that names everyone it names (`merge_headline`), and the text's mention keeps its
trigger.
"""

from __future__ import annotations

import re

from letopis.analysis.document import Doc
from letopis.analysis.events.arguments import moves_on, opens_with
from letopis.analysis.events.candidates import PRESENT_VERBS, SESSION_NOUNS, TALKS, Candidate, by_phone, presence
from letopis.analysis.events.frames import other_occasion_words, part_nouns
from letopis.analysis.events.presence import seated_at
from letopis.model import Event

MENTION_DISTANCE = 2  # sentences
PRESENT_DISTANCE = 5  # sentences, for a mention that names the people present
SESSION_DISTANCE = 8  # sentences, for a session named again by its own noun
ANOTHER_SESSION = frozenset({"следующий", "очередной", "прошлый", "предыдущий", "другой", "ближайший", "новый",
                             "последний", "первый", "второй", "третий", "внеочередной", "будущий"})


def same_kind(a: str, b: str) -> bool:
    return a == b or (a in TALKS and b in TALKS)


def merge_mentions(doc: Doc, found: list[tuple[Candidate, Event]],
                   mentions: dict[int, list[int]] | None = None) -> list[Event]:
    """The events, each later mention of an earlier event merged into it. `mentions`, when given, receives
    id(event) → the trigger tokens of all its mentions, in text order."""
    kept: list[tuple[Candidate, Event]] = []
    last: dict[int, int] = {}  # id(event) → the sentence of its latest mention
    people = {x.id for x in doc.entities if x.type == "PER"}
    for c, e in found:
        earlier = earlier_mention(doc, kept, c, e, last)
        if mentions is not None:
            mentions.setdefault(id(earlier if earlier is not None else e), []).append(c.token)
        last[id(earlier if earlier is not None else e)] = doc.tokens[c.token].sent
        if earlier is None:
            kept.append((c, e))
            continue
        noun = doc.tokens[c.token].pos in ("NOUN", "PROPN")
        for x in e.actors + e.targets:
            if noun and x not in people:
                continue  # `встретился с Керри на саммите АСЕАН`: the summit's body is not at the meeting
            if x not in earlier.actors and x not in earlier.targets:
                earlier.actors.append(x)
        earlier.place = earlier.place or e.place
        if earlier.date is None and e.date is not None:
            earlier.date, earlier.date_text = e.date, e.date_text
    return [e for _, e in kept]


def earlier_mention(doc: Doc, kept: list[tuple[Candidate, Event]], c: Candidate, e: Event,
                    last: dict[int, int] | None = None) -> Event | None:
    """The earlier event `e` is a later mention of, or None. Distances count from an event's latest mention
    (`last`: id(event) → its sentence), so a meeting told over several sentences stays one."""
    sent = doc.tokens[c.token].sent
    noun = doc.tokens[c.token].pos in ("NOUN", "PROPN")
    # a mention that names the people present, or only the partner of an earlier meeting (`Встреча с Каном
    # продолжалась 40 минут`), refers back further
    seated = seated_at(doc, c.token)  # `За столом собрались X и Y`: those at the meeting just told of
    far = seated or noun and e.type in TALKS and (presence(doc, c.token) or bool(c.targets) and not c.actors
                                                  or presence_after(doc, c.token))
    reach = PRESENT_DISTANCE if far else MENTION_DISTANCE
    session = session_named_again(doc, c.token) if noun and e.type in TALKS else None
    another = another_occasion(doc, c.token) if noun else None
    last = last or {}

    def latest(k: tuple[Candidate, Event]) -> int:
        return last.get(id(k[1]), doc.tokens[k[0].token].sent)

    def order(k: tuple[Candidate, Event]) -> tuple[int, bool]:  # the latest first; of two told as late, the
        return latest(k), doc.tokens[k[0].token].lemma == doc.tokens[c.token].lemma  # one of the same noun

    own = set(e.actors + e.targets)
    joins = (noun or seated) and e.type in TALKS
    year = told_year(e)
    published = doc.meta.get("date") or ""

    def first_fitting(ranked: list[tuple[Candidate, Event]]) -> Event | None:
        """The first of the earlier events `ranked` (the latest told first) that `e` may be a mention of."""
        for pc, pe in ranked:
            gap = sent - latest((pc, pe))
            if gap > max(reach, SESSION_DISTANCE if session else 0):
                return None
            if gap > reach and doc.tokens[pc.token].lemma != session:
                continue  # `Открывая заседание, ...` sentences after the one that told of the session
            if not same_kind(pe.type, e.type) or (e.date and pe.date and e.date != pe.date):
                continue
            if seated and by_phone(doc, pc.token):
                continue  # `за одним столом оказались X и Y`: not at a call told before
            if year and not told_year(pe) and published and year != published[:4]:
                continue  # `Наутро его ждал Путин. Их первая встреча состоялась в 2001 году`: another year's
            if another is not None and another_occasion(doc, pc.token) != another:
                continue  # `провёл отдельную встречу с X`, `второй раунд переговоров`: not the meeting just told of
            if noun and other_bodies(doc, pc.token, c.token):
                continue  # `заседание Госдумы ... на заседании правительства`: two bodies, two sessions
            theirs = set(pe.actors + pe.targets)
            if own <= theirs or joins and set(e.targets) <= theirs:
                return pe
        return None

    if opens_earlier(doc, sent):
        return None  # `Накануне в колонию приезжала мать ..., которой разрешили свидание с сыном`: another day's
    ranked = sorted(kept, key=order, reverse=True)
    found = first_fitting([k for k in ranked if k[1].source == e.source])
    if found is None and (far and (e.source is None or not own) or noun and not own and e.type in TALKS):
        # the outlet may say in its own words who was at a meeting a quote told of (`По его словам, решение
        # приняли на встрече, которую провел X. В переговорах участвовали Y и Z`), when no meeting it told fits;
        # and a source may say who was at a meeting the outlet told of, naming no one else (`пригласил к себе
        # Когогина. Как сообщил источник, беседа продолжалась два часа; в ней участвовал и Халиков`); and a noun
        # naming no one is the meeting just told of, whoever told it (`X принял Y, сообщает пресс-служба.
        # Беседа продолжалась больше часа`)
        found = first_fitting(ranked)
    return found


EARLIER_TIMES = (("накануне",), ("ранее",), ("днем", "ранее"), ("днём", "ранее"), ("прежде",), ("перед", "этим"))


def opens_earlier(doc: Doc, s: int) -> bool:
    """Whether sentence `s` opens by going back to an earlier time (`Накануне`, `Ранее`, `Перед этим`): what
    it tells is another occasion than the meeting just told of."""
    return opens_with(doc, s, EARLIER_TIMES)


def told_year(e: Event) -> str:
    """The year an event is dated to, by its date or, where only a year is given (`в 2001 году`), its text."""
    if e.date:
        return e.date[:4]
    found = re.search(r"\b(1[89]|20)\d\d\b", e.date_text or "")
    return found.group(0) if found else ""


def another_occasion(doc: Doc, i: int) -> str | None:
    """The word that makes meeting noun `i`, or the part of a meeting it names (`второй раунд переговоров`),
    an occasion of its own (`отдельная встреча`, `новый раунд`: lexicon/event_other_occasion.txt), or None."""
    words = other_occasion_words()
    heads = [i]
    t = doc.tokens[i]
    if t.rel == "nmod" and t.head >= 0 and doc.tokens[t.head].lemma in part_nouns():
        heads.append(t.head)
    s = doc.sentences[t.sent]
    return next((doc.tokens[k].lemma for k in range(s.first, s.last)
                 if doc.tokens[k].head in heads and doc.tokens[k].rel == "amod" and doc.tokens[k].lemma in words), None)


def other_bodies(doc: Doc, i: int, k: int) -> bool:
    """Whether `i` and `k` are the same session noun, each of a body in the genitive (`заседание Госдумы`,
    `заседании правительства`), and the bodies differ (a `саммит СНГ` may be held as a `заседание Совета глав
    государств`)."""
    if doc.tokens[i].lemma not in SESSION_NOUNS or doc.tokens[k].lemma != doc.tokens[i].lemma:
        return False
    a, b = session_bodies(doc, i), session_bodies(doc, k)
    return bool(a and b) and not a & b


def session_bodies(doc: Doc, i: int) -> set[str]:
    """The lemmas of the nouns in the genitive that the meeting noun at `i` (its sentence parsed) governs:
    whose session it is (`заседание российского правительства` → правительство)."""
    return {doc.tokens[g].lemma for g in doc.children(i) if doc.tokens[g].rel == "nmod"
            and doc.tokens[g].feats.get("Case") == "Gen" and doc.tokens[g].pos in ("NOUN", "PROPN")}


def presence_after(doc: Doc, i: int) -> bool:
    """`Переговоры прошли в расширенном составе; в последнем участвовал Мясникович`: the meeting noun's own
    sentence goes on to say who was present."""
    s = doc.sentences[doc.tokens[i].sent]
    return any(doc.tokens[k].lemma in PRESENT_VERBS and doc.tokens[k].pos == "VERB" for k in range(i + 1, s.last))


def session_named_again(doc: Doc, i: int) -> str | None:
    """The lemma of session noun `i` (`заседание`, `саммит`: candidates.SESSION_NOUNS) when it may name again a
    session told of before, not another one (`следующее заседание`, `первый саммит`); else None."""
    t = doc.tokens[i]
    if t.lemma not in SESSION_NOUNS or moves_on(doc, t.sent):
        return None  # `Позднее Сечин доложил об итогах совещания Путину`: another scene, that names the session
    s = doc.sentences[t.sent]
    if any(doc.tokens[k].head == i and doc.tokens[k].lemma in ANOTHER_SESSION for k in range(s.first, s.last)):
        return None
    return t.lemma


HEADLINE_WORDS = 25  # at most, in the first line of a text that is its headline
HEADLINE = re.compile(r"\s*([^\n]*\S)[ \t\r]*\n[ \t\r]*\n")  # a first line, then a blank line


def merge_headline(doc: Doc, events: list[Event]) -> list[Event]:
    """The events, a meeting of the headline merged into the first later meeting that names all its people."""
    headline = headline_stop(doc)
    if headline is None:
        return events
    dropped = set()
    for h in events:
        if h.type not in TALKS or h.trigger.start >= headline or not (h.actors or h.targets):
            continue
        people = set(h.actors + h.targets)
        later = next((e for e in events if e.trigger.start >= headline and same_kind(e.type, h.type)
                      and e.source == h.source and people <= set(e.actors + e.targets)), None)
        if later is not None:
            later.place = later.place or h.place
            if later.date is None and h.date is not None:
                later.date, later.date_text = h.date, h.date_text
            dropped.add(id(h))
    return [e for e in events if id(e) not in dropped]


def headline_stop(doc: Doc) -> int | None:
    """Where the headline ends: the first line of the text when a blank line follows it and it is short and
    not a sentence ended by a full stop; None for a text without one."""
    m = HEADLINE.match(doc.text)
    if m is None or m.group(1).rstrip().endswith(".") or len(m.group(1).split()) > HEADLINE_WORDS:
        return None
    return m.end(1)
