"""Reading factRuEval-2016 (devset, testset) as gold named entities and coreference chains.

Each document `book_N` has `.txt` (the text; offsets are character indices), `.spans` (typed word spans:
`name`, `surname`, `org_name`, `loc_name`, `org_descr`, ...), `.objects` (mentions of objects, each a typed
list of spans: `Person`, `Org`, `Location`, `LocOrg`, ...) and `.coref` (objects grouped into one real-world
entity, records separated by blank lines; a person's record gives the surname in the nominative, `lastname`).

Gold NER spans follow naeval's reading of factRuEval (`naeval/ner/adapt.py: adapt_factru`):

- a `Person` object gives one PER span, from its first span's start to its last span's stop;
- an `Org` object gives an ORG span for each of its `org_name` spans (`МИД` in `МИД России`, which is
  an Org made of an `org_name` and a `loc_name`; `России` is separately a LocOrg);
- `Location` and `LocOrg` objects give a LOC span for each of their `loc_name` spans;
- overlapping spans are dropped, the outer (earlier, then longer) one kept, and spans whose ends do not
  fall on razdel token boundaries are dropped.

Each gold span keeps the coreference chain its object belongs to, for scoring in-article grouping.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import razdel

SETS = ("devset", "testset")
OBJECT_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
NAME_SPAN = {"ORG": "org_name", "LOC": "loc_name"}  # the span kind that names an Org / a place


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    stop: int
    type: str  # PER | ORG | LOC
    chain: str  # id of the coreference chain (the real-world entity) its object belongs to


@dataclass(slots=True)
class GoldDoc:
    id: str  # `devset/book_100`
    text: str
    spans: list[GoldSpan] = field(default_factory=list)
    surnames: dict[str, str] = field(default_factory=dict)  # chain id → the person's surname (`lastname`)


@dataclass(frozen=True, slots=True)
class RawObject:
    id: str
    type: str
    spans: tuple[tuple[str, int, int], ...]  # (span kind, start, stop)


def document_ids(root: Path, sets: Iterable[str] = SETS) -> list[Path]:
    """Paths (without suffix) of every document in the given sets, in a stable order."""
    out = []
    for name in sets:
        folder = root / name
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} is not a directory: expected factRuEval-2016's {name} there")
        out.extend(sorted(p.with_suffix("") for p in folder.glob("book_*.txt")))
    return out


def load(root: Path, sets: Iterable[str] = SETS) -> list[GoldDoc]:
    """Every document of the given sets with its gold PER/ORG/LOC spans."""
    return [load_document(base, f"{base.parent.name}/{base.name}") for base in document_ids(root, sets)]


def data_hash(root: Path, sets: Iterable[str] = SETS) -> str:
    """sha256 over the names and contents of the files the evaluation reads (txt, spans, objects, coref)."""
    digest = hashlib.sha256()
    for base in document_ids(root, sets):
        for suffix in (".txt", ".spans", ".objects", ".coref"):
            path = base.with_suffix(suffix)
            digest.update(f"{base.parent.name}/{path.name}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_document(base: Path, doc_id: str) -> GoldDoc:
    text = base.with_suffix(".txt").read_text(encoding="utf-8")
    spans = read_spans(lines(base.with_suffix(".spans")))
    objects = list(read_objects(lines(base.with_suffix(".objects")), spans))
    coref = lines(base.with_suffix(".coref"))
    chains = read_chains(coref)
    return GoldDoc(doc_id, text, gold_spans(text, objects, chains), read_surnames(coref))


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def read_spans(rows: list[str]) -> dict[str, tuple[str, int, int]]:
    """`22763 loc_name 37 6 143790 1  # 143790 Москвы` → {"22763": ("loc_name", 37, 43)}."""
    out = {}
    for row in rows:
        fields = row.split("#", 1)[0].split()
        if len(fields) >= 4:
            start = int(fields[2])
            out.setdefault(fields[0], (fields[1], start, start + int(fields[3])))
    return out


def read_objects(rows: list[str], spans: dict[str, tuple[str, int, int]]) -> Iterator[RawObject]:
    """`10433 Org 22763 22764 # Москвы мэрии` → RawObject("10433", "Org", (spans...))."""
    for row in rows:
        fields = row.split("#", 1)[0].split()
        if len(fields) >= 3:
            yield RawObject(fields[0], fields[1], tuple(spans[i] for i in fields[2:] if i in spans))


def records(rows: list[str]) -> Iterator[list[str]]:
    """The records of a `.coref` file, each its lines, records being separated by blank lines."""
    record: list[str] = []
    for row in rows + [""]:
        if row.strip():
            record.append(row)
        elif record:
            yield record
            record = []


def read_chains(rows: list[str]) -> dict[str, str]:
    """object id → chain id, from records whose first line is `chain_id object_id ...`."""
    out: dict[str, str] = {}
    for record in records(rows):
        chain, *objects = record[0].split()
        for obj in objects:
            out.setdefault(obj, chain)
    return out


def read_surnames(rows: list[str]) -> dict[str, str]:
    """chain id → the value of its `lastname` line (`lastname Лужков`), for the chains that have one."""
    out: dict[str, str] = {}
    for record in records(rows):
        for row in record[1:]:
            if row.startswith("lastname "):
                out[record[0].split()[0]] = row.split(" ", 1)[1].strip()
    return out


def gold_spans(text: str, objects: list[RawObject], chains: dict[str, str]) -> list[GoldSpan]:
    candidates = []
    for obj in objects:
        kind = OBJECT_TYPES.get(obj.type)
        if kind is None or not obj.spans:
            continue
        chain = chains.get(obj.id, f"object-{obj.id}")
        if kind == "PER":
            candidates.append(GoldSpan(min(s for _, s, _ in obj.spans), max(e for _, _, e in obj.spans), kind, chain))
        else:
            candidates.extend(GoldSpan(s, e, kind, chain) for k, s, e in obj.spans if k == NAME_SPAN[kind])
    return aligned(text, without_overlaps(candidates))


def without_overlaps(spans: list[GoldSpan]) -> list[GoldSpan]:
    """Drop every span that starts inside the last kept one (naeval's filter_overlapping)."""
    kept: list[GoldSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.stop)):
        if kept and kept[-1].stop > span.start:
            continue
        kept.append(span)
    return kept


def aligned(text: str, spans: list[GoldSpan]) -> list[GoldSpan]:
    """The spans whose start and stop fall on razdel token boundaries."""
    tokens = list(razdel.tokenize(text))
    starts = {t.start for t in tokens}
    stops = {t.stop for t in tokens}
    return [s for s in spans if s.start in starts and s.stop in stops]
