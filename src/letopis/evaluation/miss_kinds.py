"""Where the gold meetings that letopis misses lie, told by counts alone.

A held-out set is for reporting: its texts and misses are not read, or rules would be fitted to it. What can be
said of its misses without reading them is where they lie in the record letopis made, and that points to the
stage that lost them. Each missed meeting is of one kind, the first that holds:

- `no person`: some participant is no person of the record (the NER or the linking of names missed them);
- `short`: everyone is named in one sentence (by a name, a title or a pronoun the record ties to them) that
  holds a MEET or NEGOTIATE event, and the event leaves someone out (the frame or the resolver lost them);
- `no event`: everyone is named in one sentence that holds no MEET or NEGOTIATE event (the meeting is told
  without a word letopis reads as one, or its frame did not hold);
- `spread`: the participants are never all named in one sentence (a meeting told over several).

Requires: the record's PER entities with their mentions, its events, and, for each gold participant, the
entities it may be (events.score compares names). Assigns nothing: `letopis eval events` prints the counts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable

from letopis.analysis.linguistic import reading_view, sentence_spans
from letopis.model import Article

MEETING_TYPES = ("MEET", "NEGOTIATE")
KINDS = {
    "no person": "a participant is no person of the record",
    "short": "all named in one sentence whose meeting event leaves one out",
    "no event": "all named in one sentence that holds no meeting event",
    "spread": "never all named in one sentence",
}


class Sentences:
    """The article's sentences as the pipeline cuts them, to say which one an offset falls in."""

    def __init__(self, text: str) -> None:
        self.starts = [start for start, _ in sentence_spans(reading_view(text))]

    def of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


def miss_kind(participants: list[set[str]], record: Article, sentences: Sentences) -> str:
    """The kind (a key of KINDS) of a missed meeting whose participants may each be any of the given entity ids."""
    if not all(participants):
        return "no person"
    mentioned = {e.id: {sentences.of(m.start) for m in e.mentions} for e in record.entities if e.type == "PER"}
    where = [set().union(*(mentioned.get(pid, set()) for pid in ids)) for ids in participants]
    together = set.intersection(*where)
    if not together:
        return "spread"
    events = {sentences.of(event.sentence[0]) for event in record.events if event.type in MEETING_TYPES}
    return "short" if together & events else "no event"


def tally(kinds: Iterable[str]) -> list[tuple[str, int]]:
    """The count of each kind, in the order of KINDS."""
    counts = Counter(kinds)
    return [(kind, counts[kind]) for kind in KINDS]
