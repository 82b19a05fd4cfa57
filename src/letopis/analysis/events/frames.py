"""Event triggers and frames, read from the lexicon files once per process.

`lexicon/event_triggers.txt` holds one trigger per line: its lemma, its type (one of
`lexicon/event_types.txt`), which dependents fill which slot, and the conditions it needs. The syntax of a
line is described at the top of that file; a malformed line raises ValueError naming it. A lemma may have
several frames, tried in the order of the file: the first whose conditions hold is the event (`посетить`
a person is a meeting, `посетить` a country a visit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from letopis.analysis import lexicon

SLOTS = ("actor", "target", "place", "where")
VERB_DEFAULTS = {"subj": "actor", "obj": "target", "dat": "target"}
CASES = ("nom", "gen", "dat", "acc", "ins", "loc")
MODALITIES = ("asserted", "planned", "proposed", "possible", "negated", "refused")


@dataclass(frozen=True, slots=True)
class Need:
    """One condition of a frame; it holds when any of its alternatives does."""

    alternatives: tuple[tuple[str, str], ...]  # (key, condition); condition "" when none


@dataclass(frozen=True, slots=True)
class Frame:
    lemma: str
    type: str
    slots: dict[str, str] = field(default_factory=dict)  # key → slot, for a noun trigger
    verb_slots: dict[str, str] = field(default_factory=dict)  # key → slot, for a verb or adjective
    needs: tuple[Need, ...] = ()
    modality: str | None = None
    unless: tuple[Need, ...] = ()  # conditions any of which keeps the frame from holding

    def slots_for(self, pos: str) -> dict[str, str]:
        return self.slots if pos in ("NOUN", "PROPN") else self.verb_slots


@cache
def event_types() -> dict[str, str]:
    """TYPE → what it covers."""
    return {k.upper(): v for k, v in lexicon.table("event_types").items()}


@cache
def frames() -> dict[str, tuple[Frame, ...]]:
    """trigger lemma → its frames, in the order of the file."""
    types = event_types()
    out: dict[str, tuple[Frame, ...]] = {}
    for line in lexicon.entries("event_triggers"):
        frame = parse_frame(line)
        if frame.type not in types:
            raise ValueError(f"event_triggers.txt: {line!r}: unknown type {frame.type}; "
                             f"known: {', '.join(types)}")
        out[frame.lemma] = out.get(frame.lemma, ()) + (frame,)
    return out


def frames_of(lemma: str) -> tuple[Frame, ...]:
    """The frames of a lemma, or of the last part of a compound (`онлайн-встреча`); () when it has none."""
    table = frames()
    return table.get(lemma) or (table.get(lemma.rsplit("-", 1)[1], ()) if "-" in lemma else ())


def frame_of(lemma: str) -> Frame | None:
    """The first frame of a lemma: whether it is a trigger at all."""
    found = frames_of(lemma)
    return found[0] if found else None


def parse_frame(line: str) -> Frame:
    """A frame from one line of event_triggers.txt."""
    lemma, type_, *specs = line.split()
    slots: dict[str, str] = {}
    dropped: set[str] = set()
    needs: list[Need] = []
    unless: list[Need] = []
    modality = None
    for spec in specs:
        if spec.startswith("need="):
            needs.append(parse_need(spec[5:]))
        elif spec.startswith("unless="):
            unless.append(parse_need(spec[7:]))
        elif spec.startswith("modality="):
            modality = spec[9:]
            if modality not in MODALITIES:
                raise ValueError(f"event_triggers.txt: {line!r}: unknown modality {modality!r}")
        elif spec.startswith("-"):
            dropped.add(spec[1:])
        elif "=" in spec:
            key, slot = spec.split("=", 1)
            if slot not in SLOTS:
                raise ValueError(f"event_triggers.txt: {line!r}: unknown slot {slot!r}; known: {', '.join(SLOTS)}")
            slots[key] = slot
        else:
            raise ValueError(f"event_triggers.txt: {line!r}: cannot read {spec!r} (expected key=slot, -key, "
                             f"need=..., unless=... or modality=...)")
    verb_slots = {k: v for k, v in VERB_DEFAULTS.items() if k not in dropped} | slots
    return Frame(lemma.replace("ё", "е"), type_.upper(), slots, verb_slots, tuple(needs), modality, tuple(unless))


def parse_need(text: str) -> Need:
    alternatives = []
    for alt in text.split(","):
        key, _, condition = alt.partition(":")
        case, _, rest = condition.partition(":")
        if case in CASES:  # `в:acc` is a key of its own, with a condition after it or none (`в:acc:ORG`)
            key, condition = f"{key}:{case}", rest
        alternatives.append((key, condition))
    return Need(tuple(alternatives))


@cache
def light_verbs() -> dict[str, str]:
    """verb lemma → the slot its subject fills in the event of the noun it carries."""
    return lexicon.table("event_light_verbs")


@cache
def light_nouns() -> dict[str, str]:
    """noun lemma → the slot the subject of its verb fills (`принял участие во встрече`)."""
    return lexicon.table("event_light_nouns")


@cache
def context_words() -> dict[str, dict[str, frozenset[str]]]:
    """`noun` and `preposition` → word → the event types it is limited to (empty: any); see
    lexicon/event_context.txt."""
    types = event_types()
    out: dict[str, dict[str, frozenset[str]]] = {"noun": {}, "preposition": {}}
    for entry in lexicon.entries("event_context"):
        kind, *words = entry.split()
        limited = [w for w in words if w in types]
        word = " ".join(w for w in words if w not in types).lower()
        out[kind][word] = frozenset(limited)
    return out


@cache
def modality_words() -> dict[str, str]:
    return lexicon.table("event_modality")


@cache
def compound_prepositions() -> dict[tuple[str, str], str]:
    """(preposition, noun) → the key the two act as with the noun's genitive: `в отношении X` is `против`,
    `из рук X` is `hand` (lexicon/event_compound_prepositions.txt; the preposition is `в` unless a third
    column gives another)."""
    out = {}
    for noun, rest in lexicon.table("event_compound_prepositions").items():
        key, *preposition = rest.split()
        out[(preposition[0] if preposition else "в", noun)] = key
    return out


@cache
def narrative_breaks() -> tuple[tuple[str, ...], ...]:
    """Openings of a sentence that move a report to another time or scene (`позднее`, `тем временем`)."""
    return tuple(tuple(w.split()) for w in lexicon.entries("event_narrative_breaks"))


@cache
def part_nouns() -> frozenset[str]:
    """Nouns that stand for the event noun they govern (`раунд переговоров`, `часть переговоров`)."""
    return lexicon.words("event_part_nouns")


@cache
def other_occasion_words() -> frozenset[str]:
    """Adjectives that make a meeting noun an occasion of its own (`отдельная встреча`, `второй раунд`)."""
    return lexicon.words("event_other_occasion")


@cache
def occasions() -> tuple[frozenset[str], frozenset[str]]:
    """(nouns of a visit or a day, verbs of their phases) from lexicon/event_occasions.txt."""
    rows = [e.split() for e in lexicon.entries("event_occasions")]
    return frozenset(w for kind, w in rows if kind == "noun"), frozenset(w for kind, w in rows if kind == "verb")


@cache
def place_nouns() -> frozenset[str]:
    return lexicon.words("event_place_nouns")


@cache
def idioms() -> tuple[tuple[str, ...], ...]:
    """Phrases (as lemmas) in which a trigger names no event: `с помощью`, `призыв в армию`."""
    return tuple(tuple(e.split()) for e in lexicon.entries("event_idioms"))
