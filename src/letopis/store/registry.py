"""The entity registry: each article's entities linked to corpus-wide entities.

Rules, applied inside the transaction that writes the article:

- People match by surname when nothing contradicts: `Токаев` in one article and `Касым-Жомарт Токаев` in another
  are one person; `В. Путин` agrees with `Владимир Путин`; `Иван Петров` and `Сергей Петров` stay two people.
  A lone surname that fits several people (or a role that fits none of them better) is ambiguous: it goes to
  an entity of its own named by the surname only, never to one of them at random.
- Organisations and places match by name (any case: `России` → `Россия`); a name tagged ORG in one article
  and LOC in another is one entity when only one of the two exists.
- Roles seen in appositions (`президент Казахстана Касым-Жомарт Токаев`) become dated aliases (first and last
  date seen). A statement whose speaker is only a role (`заявил глава Казахстана`) is linked to the person
  who held that role most recently as of the article's date. Head-of titles (`глава`, `президент`, `лидер`)
  name the same post; roles with a generic complement (`глава государства`) or none (`министр`) never resolve.
- An entity's id never changes once given; its name becomes the fullest form seen (whole given names
  before initials).
- A lone surname that fits a man and a woman (`Путин`: Владимир Путин, Людмила Путина) goes to the one whose
  surname is written the same way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache

from letopis.analysis import lexicon
from letopis.model import Entity, Speaker
from letopis.store.sql import Tx
from letopis.store.text import fold, name_key, name_word, stem, words

HEAD = "*"  # the key word of every head-of title


@dataclass(slots=True)
class Candidate:
    id: str
    type: str
    name: str
    keys: list[str]  # keys of all its names
    names: list[str] = field(default_factory=list)  # all its names as written


# --- keys ----------------------------------------------------------------------------------------------


@cache
def title_stems() -> dict[str, bool]:
    """Stem of each title lemma → whether it is a head-of title."""
    out: dict[str, bool] = {}
    for lemma, mark in lexicon.table("titles").items():
        out[stem(fold(lemma))] = mark.startswith(HEAD)
    return out


@cache
def generic_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in lexicon.words("generic_complements"))


def role_key(role: str) -> str | None:
    """The key a role is matched by across articles (`глава Казахстана` and `президента Казахстана` →
    `* казахста`), or None for a role too vague to identify anyone."""
    ws = [name_word(w) for w in words(role)]
    titles = title_stems()
    at = next((i for i, w in enumerate(ws) if w in titles), None)
    if at is None:
        return None
    complement = ws[at + 1:]
    if not complement or any(w in generic_stems() for w in complement):
        return None
    head = HEAD if titles[ws[at]] else ws[at]
    return " ".join(ws[:at] + [head] + complement)


def best_name(a: str, b: str) -> str:
    """The better canonical name: more whole words (`Владимир Путин` over `В. В. Путин`), then more words,
    then longer; `a` (the name already given) on ties."""
    def rank(name: str) -> tuple[int, int, int]:
        ws = name.split()
        return sum(len(w.rstrip(".")) > 1 and not w.endswith(".") for w in ws), len(ws), len(name)
    return b if rank(b) > rank(a) else a


def new_entity_id(type: str, key: str) -> str:
    return type[0].lower() + hashlib.sha1(f"{type}:{key}".encode()).hexdigest()[:10]


def given_agree(a: list[str], b: list[str]) -> bool:
    """Given names (name keys) agree: equal, or one is the other's initial."""
    for x, y in zip(a, b, strict=False):
        if len(x) == 1 or len(y) == 1:
            if x[0] != y[0]:
                return False
        elif x != y:
            return False
    return True


# --- lookups -----------------------------------------------------------------------------------------


def candidates(tx: Tx, column: str, key: str, types: tuple[str, ...]) -> list[Candidate]:
    """Entities of the given types with a name whose `column` (key or last_key) equals `key`, with all
    their name keys."""
    marks = ",".join("?" for _ in types)
    rows = tx.rows(f"SELECT e.id, e.type, e.name, n2.key, n2.name AS alias FROM entities e "
                   "JOIN entity_names n2 ON n2.entity_id = e.id "
                   f"WHERE e.type IN ({marks}) AND e.id IN (SELECT entity_id FROM entity_names WHERE {column} = ?) "
                   "ORDER BY e.id", (*types, key))
    out: dict[str, Candidate] = {}
    for r in rows:
        c = out.setdefault(r["id"], Candidate(r["id"], r["type"], r["name"], []))
        c.keys.append(r["key"])
        c.names.append(r["alias"])
    return list(out.values())


def person_fits(given: list[str], cand: Candidate) -> bool:
    return all(given_agree(given, k.split()[:-1]) for k in cand.keys)


def is_surname_only(cand: Candidate) -> bool:
    return all(len(k.split()) == 1 for k in cand.keys)


def shares_role(tx: Tx, entity_id: str, role_keys: set[str]) -> bool:
    if not role_keys:
        return False
    rows = tx.rows("SELECT role_key FROM entity_roles WHERE entity_id = ?", (entity_id,))
    return any(r["role_key"] in role_keys for r in rows)


def match_person(tx: Tx, key: str, role_keys: set[str], surname: str) -> Candidate | None | str:
    """The person entity `key` belongs to; None when it is new; "ambiguous" when several fit. `surname` is the
    last word as written: `Путин` and `Путина` share a key but not a surname form (a man, a woman)."""
    ws = key.split()
    found = [c for c in candidates(tx, "last_key", ws[-1], ("PER",)) if person_fits(ws[:-1], c)]
    if len(found) <= 1:
        return found[0] if found else None
    exact = [c for c in found if key in c.keys]
    if len(ws) > 1 and len(exact) == 1:
        return exact[0]
    by_role = [c for c in found if shares_role(tx, c.id, role_keys)]
    if len(by_role) == 1:
        return by_role[0]
    same_form = [c for c in found if any(fold(n).split()[-1:] == [surname] for n in c.names)]
    if len(ws) == 1 and len(same_form) == 1:
        return same_form[0]
    if len(ws) > 1:
        full = [c for c in found if not is_surname_only(c)]
        if len(full) == 1:
            return full[0]
    return "ambiguous"


def match_other(tx: Tx, type: str, key: str) -> Candidate | None:
    found = candidates(tx, "key", key, (type,))
    if not found and type in ("ORG", "LOC"):
        found = candidates(tx, "key", key, ("LOC" if type == "ORG" else "ORG",))
    return found[0] if len(found) == 1 else (next((c for c in found if c.type == type), None))


# --- linking --------------------------------------------------------------------------------------------


def link_entity(tx: Tx, entity: Entity, date: str | None) -> str:
    """The corpus id for an article entity, creating or updating the registry entry."""
    key = name_key(entity.name) or fold(entity.name)
    role_keys = {k for k in (role_key(r) for r in entity.roles) if k}
    if entity.type == "PER":
        match = match_person(tx, key, role_keys, fold(entity.name).split()[-1] if entity.name.split() else "")
        if match == "ambiguous":
            match = next((c for c in candidates(tx, "key", key, ("PER",)) if is_surname_only(c)), None) \
                if len(key.split()) == 1 else None
    else:
        match = match_other(tx, entity.type, key)
    if isinstance(match, Candidate):
        entity_id = match.id
        better = best_name(match.name, entity.name)
        if better != match.name:
            tx.run("UPDATE entities SET name = ? WHERE id = ?", (better, entity_id))
    else:
        entity_id = create_entity(tx, entity.type, entity.name, key)
    add_name(tx, entity_id, entity.name, key)
    for role in entity.roles:
        add_role(tx, entity_id, role, date)
    return entity_id


def create_entity(tx: Tx, type: str, name: str, key: str) -> str:
    base = new_entity_id(type, key)
    entity_id, n = base, 1
    while tx.one("SELECT 1 AS x FROM entities WHERE id = ?", (entity_id,)):
        n += 1
        entity_id = f"{base}-{n}"
    tx.run("INSERT INTO entities (id, type, name, n_articles, n_mentions, n_quotes) VALUES (?, ?, ?, 0, 0, 0)",
           (entity_id, type, name))
    return entity_id


def add_name(tx: Tx, entity_id: str, name: str, key: str) -> None:
    last = key.split()[-1] if key else ""
    tx.run("INSERT INTO entity_names (entity_id, name, key, last_key, n) VALUES (?, ?, ?, ?, 1) "
           "ON CONFLICT (entity_id, name) DO UPDATE SET n = entity_names.n + 1", (entity_id, name, key, last))


def add_role(tx: Tx, entity_id: str, role: str, date: str | None) -> None:
    key = role_key(role) or ""
    tx.run("INSERT INTO entity_roles (entity_id, role, role_key, first_seen, last_seen, n) VALUES (?, ?, ?, ?, ?, 1) "
           "ON CONFLICT (entity_id, role) DO UPDATE SET n = entity_roles.n + 1, "
           "first_seen = CASE WHEN entity_roles.first_seen IS NULL OR excluded.first_seen < entity_roles.first_seen "
           "THEN excluded.first_seen ELSE entity_roles.first_seen END, "
           "last_seen = CASE WHEN entity_roles.last_seen IS NULL OR excluded.last_seen > entity_roles.last_seen "
           "THEN excluded.last_seen ELSE entity_roles.last_seen END",
           (entity_id, role, key, date, date))


def holder_of(tx: Tx, role: str, date: str | None) -> str | None:
    """The entity that held `role` most recently as of `date` (any date when None); None if unknown or tied."""
    key = role_key(role)
    if not key:
        return None
    if date:
        rows = tx.rows("SELECT entity_id, max(last_seen) AS seen FROM entity_roles WHERE role_key = ? "
                       "AND first_seen IS NOT NULL AND first_seen <= ? GROUP BY entity_id ORDER BY seen DESC",
                       (key, date))
    else:
        rows = tx.rows("SELECT entity_id, max(last_seen) AS seen FROM entity_roles WHERE role_key = ? "
                       "GROUP BY entity_id ORDER BY seen DESC", (key,))
    if not rows or (len(rows) > 1 and rows[1]["seen"] == rows[0]["seen"]):
        return None
    return rows[0]["entity_id"]


def resolve_speaker(tx: Tx, speaker: Speaker | None, links: dict[str, str], date: str | None) -> str | None:
    """The corpus entity a statement's speaker is: its article entity, else the holder of the role it names,
    else the one entity with that name; None for anonymous or unknown speakers."""
    if speaker is None:
        return None
    if speaker.entity and speaker.entity in links:
        return links[speaker.entity]
    if speaker.type == "ANON":
        return None
    for text in (speaker.name, speaker.text):
        if text:
            holder = holder_of(tx, text, date)
            if holder:
                return holder
    key = name_key(speaker.name or "")
    if not key:
        return None
    types = (speaker.type,) if speaker.type in ("PER", "ORG", "LOC") else ("PER", "ORG", "LOC")
    column = "last_key" if types == ("PER",) and len(key.split()) == 1 else "key"
    found = candidates(tx, column, key.split()[-1] if column == "last_key" else key, types)
    return found[0].id if len(found) == 1 else None
