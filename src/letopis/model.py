"""The record `letopis.article/1`: dataclasses and their JSON form.

The record is the contract between readers, analysis, store, CLI and API. Offsets are Python string
indices into the record's own `text`, half-open `[start, stop)`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "letopis.article/1"

MENTION_KINDS = ("name", "role", "pronoun")
ENTITY_TYPES = ("PER", "ORG", "LOC")
SPEAKER_TYPES = ("PER", "ORG", "LOC", "ANON")
QUOTE_KINDS = ("direct", "indirect", "mixed")
MODALITIES = ("asserted", "planned", "proposed", "possible", "negated", "refused")


@dataclass(slots=True)
class Span:
    """A stretch of the article text."""

    start: int
    stop: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "stop": self.stop, "text": self.text}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Span:
        return cls(d["start"], d["stop"], d["text"])


@dataclass(slots=True)
class Mention:
    start: int
    stop: int
    text: str
    kind: str = "name"  # name | role | pronoun

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "stop": self.stop, "text": self.text, "kind": self.kind}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Mention:
        return cls(d["start"], d["stop"], d["text"], d.get("kind", "name"))


@dataclass(slots=True)
class Entity:
    id: str
    type: str  # PER | ORG | LOC
    name: str
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "roles": list(self.roles),
            "mentions": [m.to_json() for m in self.mentions],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Entity:
        return cls(d["id"], d["type"], d["name"], list(d.get("roles", [])),
                   [Mention.from_json(m) for m in d.get("mentions", [])])


@dataclass(slots=True)
class Cue:
    """The reporting word(s) of a quote or the trigger of an event, with its lemma."""

    start: int
    stop: int
    text: str
    lemma: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "stop": self.stop, "text": self.text, "lemma": self.lemma}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Cue:
        return cls(d["start"], d["stop"], d["text"], d.get("lemma", ""))


@dataclass(slots=True)
class Speaker:
    """Who a quote is attributed to: an entity of the article, or a description (type ANON)."""

    name: str
    type: str  # PER | ORG | LOC | ANON
    entity: str | None = None
    start: int | None = None
    stop: int | None = None
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"entity": self.entity, "name": self.name, "type": self.type,
                "start": self.start, "stop": self.stop, "text": self.text}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Speaker:
        return cls(d["name"], d["type"], d.get("entity"), d.get("start"), d.get("stop"), d.get("text"))


@dataclass(slots=True)
class Quote:
    id: str
    kind: str  # direct | indirect | mixed
    content: Span
    cue: Cue | None
    speaker: Speaker | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "content": self.content.to_json(),
            "cue": self.cue.to_json() if self.cue else None,
            "speaker": self.speaker.to_json() if self.speaker else None,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Quote:
        return cls(d["id"], d["kind"], Span.from_json(d["content"]),
                   Cue.from_json(d["cue"]) if d.get("cue") else None,
                   Speaker.from_json(d["speaker"]) if d.get("speaker") else None)


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Cue
    sentence: tuple[int, int]
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    date_text: str | None = None
    modality: str = "asserted"
    source: str | None = None  # id of the quote that carries this event, if any

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "trigger": self.trigger.to_json(),
            "actors": list(self.actors), "targets": list(self.targets), "place": self.place,
            "date": self.date, "date_text": self.date_text, "modality": self.modality,
            "source": self.source, "sentence": {"start": self.sentence[0], "stop": self.sentence[1]},
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Event:
        s = d.get("sentence") or {"start": d["trigger"]["start"], "stop": d["trigger"]["stop"]}
        return cls(d["id"], d["type"], Cue.from_json(d["trigger"]), (s["start"], s["stop"]),
                   list(d.get("actors", [])), list(d.get("targets", [])), d.get("place"),
                   d.get("date"), d.get("date_text"), d.get("modality", "asserted"), d.get("source"))


@dataclass(slots=True)
class Attribution:
    """The chain of attribution of the whole report: the publishing outlet and the sources it relies on."""

    outlet: str | None = None
    via: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "via": list(self.via)}

    @classmethod
    def from_json(cls, d: dict[str, Any] | None) -> Attribution:
        d = d or {}
        return cls(d.get("outlet"), list(d.get("via", [])))


def text_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    text: str
    id: str = ""
    date: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attribution: Attribution = field(default_factory=Attribution)
    schema: str = SCHEMA

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_id(self.text)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "id": self.id,
            "date": self.date,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "text": self.text,
            "entities": [e.to_json() for e in self.entities],
            "quotes": [q.to_json() for q in self.quotes],
            "events": [e.to_json() for e in self.events],
            "attribution": self.attribution.to_json(),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Article:
        schema = d.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"unsupported record schema {schema!r}; this letopis reads {SCHEMA!r}")
        return cls(
            text=d["text"], id=d.get("id") or "", date=d.get("date"), title=d.get("title"),
            url=d.get("url"), outlet=d.get("outlet"),
            entities=[Entity.from_json(e) for e in d.get("entities", [])],
            quotes=[Quote.from_json(q) for q in d.get("quotes", [])],
            events=[Event.from_json(e) for e in d.get("events", [])],
            attribution=Attribution.from_json(d.get("attribution")),
        )
