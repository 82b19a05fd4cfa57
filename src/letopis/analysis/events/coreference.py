"""One event, one record: later mentions of an event already recorded are merged into it.

An article names a meeting once in full and then refers back to it (`Обама провел встречу с Кенни, после
встречи президент отметил ...`; `Путин встретился с Си. На встрече присутствовал также Лавров`). A later event
is a mention of an earlier one, within MENTION_DISTANCE sentences of the earlier one's latest mention, when
they are of the same kind (MEET and NEGOTIATE count as one kind), their dates do not differ, they have the
same source (the outlet, or one quote; the later mention's modality may differ, as it often reflects only its
own clause: `встреча может стать ...`), and either

- it names no one the earlier one does not (a repeated mention), or
- it is an event noun of talks or meetings that names no new partner (`с X`), only people present
  (`на встрече присутствовал Лавров`, `в ходе переговоров Лавров заявил`): they join the earlier event.

A mention that only says who was present (`В совещании также приняли участие X и Y`, `В беседе участвовал
X`, `На встречу приехали X и Y`), or only names the partner of an earlier meeting (`Встреча с Каном
продолжалась 40 минут`), reaches further back, PRESENT_DISTANCE sentences: an article tells of a meeting and
its content first and of the others at the table later.

The merged event keeps the first trigger and takes the place and date it lacked from the later mention.
"""

from __future__ import annotations

from letopis.analysis.document import Doc
from letopis.analysis.events.candidates import TALKS, Candidate, presence
from letopis.model import Event

MENTION_DISTANCE = 2  # sentences
PRESENT_DISTANCE = 5  # sentences, for a mention that names the people present


def same_kind(a: str, b: str) -> bool:
    return a == b or (a in TALKS and b in TALKS)


def merge_mentions(doc: Doc, found: list[tuple[Candidate, Event]],
                   mentions: dict[int, list[int]] | None = None) -> list[Event]:
    """The events, each later mention of an earlier event merged into it. `mentions`, when given, receives
    id(event) → the trigger tokens of all its mentions, in text order."""
    kept: list[tuple[Candidate, Event]] = []
    last: dict[int, int] = {}  # id(event) → the sentence of its latest mention
    for c, e in found:
        earlier = earlier_mention(doc, kept, c, e, last)
        if mentions is not None:
            mentions.setdefault(id(earlier if earlier is not None else e), []).append(c.token)
        last[id(earlier if earlier is not None else e)] = doc.tokens[c.token].sent
        if earlier is None:
            kept.append((c, e))
            continue
        for x in e.actors + e.targets:
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
    own = set(e.actors + e.targets)
    # a mention that names the people present, or only the partner of an earlier meeting (`Встреча с Каном
    # продолжалась 40 минут`), refers back further
    far = noun and e.type in TALKS and (presence(doc, c.token) or bool(c.targets) and not c.actors)
    reach = PRESENT_DISTANCE if far else MENTION_DISTANCE
    last = last or {}

    def latest(k: tuple[Candidate, Event]) -> int:
        return last.get(id(k[1]), doc.tokens[k[0].token].sent)

    for pc, pe in sorted(kept, key=latest, reverse=True):
        if sent - latest((pc, pe)) > reach:
            return None
        if not same_kind(pe.type, e.type) or (e.date and pe.date and e.date != pe.date) or e.source != pe.source:
            continue
        theirs = set(pe.actors + pe.targets)
        if own <= theirs:
            return pe
        if noun and e.type in TALKS and set(e.targets) <= theirs:
            return pe
    return None
