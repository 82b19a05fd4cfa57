"""Writing one article, inside one transaction: the record, its story, its entities, quotes, events, sources.

`write_article` decides between insert, update, unchanged and duplicate; `delete_rows` removes everything an
article brought, undoing its counts, so that an update is a delete and an insert in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import TYPE_CHECKING

from letopis.ingest.dedup import THRESHOLD, fingerprint, similarity
from letopis.model import Article, Quote
from letopis.store import registry
from letopis.store.base import PutResult
from letopis.store.sql import Row, Tx
from letopis.store.text import fold, name_key, terms

if TYPE_CHECKING:
    from letopis.store.sql_store import Dialect

MAX_CANDIDATES = 20  # articles sharing the most bands, compared when looking for a story
BAND_ROWS = 40  # articles read per matching band (copies of one text share every band)


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def find_existing(tx: Tx, article: Article) -> Row | None:
    row = tx.one("SELECT seq, id, text_hash FROM articles WHERE id = ?", (article.id,))
    if row is None and article.url:
        row = tx.one("SELECT seq, id, text_hash FROM articles WHERE url = ? ORDER BY seq LIMIT 1", (article.url,))
    return row


def write_article(tx: Tx, dialect: Dialect, article: Article, run_id: int | None, replace: bool,
                  skip_same_text: bool) -> PutResult:
    digest = text_hash(article.text)
    existing = find_existing(tx, article)
    status = "inserted"
    if existing is not None:
        if existing["text_hash"] == digest and not replace:
            return PutResult("unchanged", existing["id"], story_of(tx, existing["seq"]))
        delete_rows(tx, dialect, existing["seq"])
        status = "updated"
    elif skip_same_text:
        same = tx.one("SELECT seq, id FROM articles WHERE text_hash = ? LIMIT 1", (digest,))
        if same is not None:
            return PutResult("duplicate", same["id"], story_of(tx, same["seq"]))
    seq = insert_article(tx, article, digest, run_id)
    story_id = assign_story(tx, seq, article)
    links = write_entities(tx, seq, article)
    write_quotes(tx, dialect, seq, article, links)
    write_events(tx, seq, article, links)
    write_attribution(tx, seq, article)
    dialect.fts_insert(tx, "articles", seq, terms(f"{article.title or ''}\n{article.text}"))
    return PutResult(status, article.id, story_id)


def story_of(tx: Tx, seq: int) -> int | None:
    return tx.value("SELECT story_id FROM articles WHERE seq = ?", (seq,))


def record_json(article: Article) -> str:
    """The record without its text (kept in its own column), as compact JSON."""
    d = article.to_json()
    del d["text"]
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def insert_article(tx: Tx, a: Article, digest: str, run_id: int | None) -> int:
    return tx.value(
        "INSERT INTO articles (id, date, sort_date, title, url, outlet, outlet_key, text, text_hash, record, "
        "run_id, n_entities, n_quotes, n_events, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING seq",
        (a.id, a.date, a.date or "", a.title, a.url, a.outlet, fold(a.outlet) if a.outlet else None, a.text, digest,
         record_json(a), run_id, len(a.entities), len(a.quotes), len(a.events), now()))


# --- stories -------------------------------------------------------------------------------------------


def assign_story(tx: Tx, seq: int, a: Article) -> int:
    """Join the story of the most similar stored article (estimated Jaccard >= threshold) or start one.

    Candidates are the articles sharing the most LSH bands (one query); their signatures are compared in one
    more query."""
    fp = fingerprint(a.text)
    story_id = None
    if fp is not None:
        per_band = " UNION ALL ".join(
            f"SELECT article_seq FROM (SELECT article_seq FROM article_bands WHERE band = ? AND hash = ? LIMIT ?) b{i}"
            for i in range(len(fp.bands)))
        found = tx.rows(f"SELECT article_seq, count(*) AS hits FROM ({per_band}) c "
                        "GROUP BY article_seq ORDER BY hits DESC, article_seq LIMIT ?",
                        (*[x for band, h in fp.bands for x in (band, h, BAND_ROWS)], MAX_CANDIDATES))
        if found:
            marks = ",".join("?" for _ in found)
            best = 0.0
            for row in tx.rows(f"SELECT signature, story_id FROM articles WHERE seq IN ({marks}) "
                               "AND signature IS NOT NULL ORDER BY seq", [r["article_seq"] for r in found]):
                sim = similarity(bytes(row["signature"]), fp.signature)
                if sim >= THRESHOLD and sim > best:
                    best, story_id = sim, row["story_id"]
        tx.many("INSERT INTO article_bands (band, hash, article_seq) VALUES (?, ?, ?)",
                [(band, h, seq) for band, h in fp.bands])
    if story_id is None:
        story_id = tx.value("INSERT INTO stories (title, n_articles, first_date, last_date) VALUES (?, 0, ?, ?) "
                            "RETURNING id", (a.title, a.date, a.date))
    tx.run("UPDATE stories SET n_articles = n_articles + 1, "
           "first_date = CASE WHEN first_date IS NULL OR first_date > ? THEN ? ELSE first_date END, "
           "last_date = CASE WHEN last_date IS NULL OR last_date < ? THEN ? ELSE last_date END, "
           "title = COALESCE(title, ?) WHERE id = ?", (a.date, a.date, a.date, a.date, a.title, story_id))
    tx.run("UPDATE articles SET story_id = ?, signature = ? WHERE seq = ?",
           (story_id, fp.signature if fp else None, seq))
    return story_id


# --- entities, quotes, events, attribution ---------------------------------------------------------------


def write_entities(tx: Tx, seq: int, a: Article) -> dict[str, str]:
    """Link each entity to the registry; returns article entity id → corpus entity id."""
    links: dict[str, str] = {}
    for e in a.entities:
        links[e.id] = registry.link_entity(tx, e, a.date)  # two article entities may prove to be one
    tx.many("INSERT INTO article_entities (article_seq, local_id, entity_id, name, n_mentions) VALUES (?, ?, ?, ?, ?)",
            [(seq, e.id, links[e.id], e.name, len(e.mentions)) for e in a.entities])
    tx.many("INSERT INTO mentions (article_seq, local_id, start, stop, text, kind) VALUES (?, ?, ?, ?, ?, ?)",
            [(seq, e.id, m.start, m.stop, m.text, m.kind) for e in a.entities for m in e.mentions])
    per_entity: dict[str, int] = {}
    for e in a.entities:
        per_entity[links[e.id]] = per_entity.get(links[e.id], 0) + len(e.mentions)
    for corpus_id, n in per_entity.items():
        tx.run("UPDATE entities SET n_articles = n_articles + 1, n_mentions = n_mentions + ?, "
               "first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? ELSE first_seen END, "
               "last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? ELSE last_seen END WHERE id = ?",
               (n, a.date, a.date, a.date, a.date, corpus_id))
    tx.many("INSERT INTO entity_months (entity_id, period, n_articles, n_quotes) VALUES (?, ?, 1, 0) "
            "ON CONFLICT (entity_id, period) DO UPDATE SET n_articles = entity_months.n_articles + 1",
            [(corpus_id, period(a.date)) for corpus_id in per_entity])
    return links


def period(date: str | None) -> str:
    """The month an article counts in (`YYYY-MM`), '' when undated: what entity_months is keyed by."""
    return (date or "")[:7]


def about_entities(a: Article, q: Quote, links: dict[str, str]) -> set[str]:
    """Corpus entities mentioned by name or role inside the statement, other than its speaker."""
    out = set()
    speaker = q.speaker.entity if q.speaker else None
    for e in a.entities:
        if e.id == speaker:
            continue
        if any(m.kind != "pronoun" and q.content.start <= m.start and m.stop <= q.content.stop for m in e.mentions):
            out.add(links[e.id])
    return out


def write_quotes(tx: Tx, dialect: Dialect, seq: int, a: Article, links: dict[str, str]) -> None:
    outlet_key = fold(a.outlet) if a.outlet else None
    for q in a.quotes:
        sp = q.speaker
        speaker_entity = registry.resolve_speaker(tx, sp, links, a.date)
        key = name_key(sp.name) if sp else None
        qseq = tx.value(
            "INSERT INTO quotes (article_seq, local_id, kind, text, start, stop, cue, cue_lemma, speaker_name, "
            "speaker_key, speaker_last, speaker_type, speaker_local, speaker_entity, sort_date, outlet_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING qseq",
            (seq, q.id, q.kind, q.content.text, q.content.start, q.content.stop, q.cue.text if q.cue else None,
             q.cue.lemma if q.cue else None, sp.name if sp else None, key, key.split()[-1] if key else None,
             sp.type if sp else None, sp.entity if sp else None, speaker_entity, a.date or "", outlet_key))
        tx.many("INSERT INTO quote_entities (qseq, entity_id) VALUES (?, ?)",
                [(qseq, e) for e in sorted(about_entities(a, q, links))])
        if speaker_entity:
            tx.run("UPDATE entities SET n_quotes = n_quotes + 1 WHERE id = ?", (speaker_entity,))
            tx.run("INSERT INTO entity_months (entity_id, period, n_articles, n_quotes) VALUES (?, ?, 0, 1) "
                   "ON CONFLICT (entity_id, period) DO UPDATE SET n_quotes = entity_months.n_quotes + 1",
                   (speaker_entity, period(a.date)))
        dialect.fts_insert(tx, "quotes", qseq, terms(q.content.text))


def write_events(tx: Tx, seq: int, a: Article, links: dict[str, str]) -> None:
    for ev in a.events:
        eseq = tx.value(
            "INSERT INTO events (article_seq, local_id, type, trigger, lemma, date, date_text, modality, place, "
            "source, sort_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING eseq",
            (seq, ev.id, ev.type, ev.trigger.text, ev.trigger.lemma, ev.date, ev.date_text, ev.modality,
             ev.place, ev.source, ev.date or a.date or ""))
        roles = [(x, "actor") for x in ev.actors] + [(x, "target") for x in ev.targets]
        if ev.place:
            roles.append((ev.place, "place"))
        rows = {(eseq, links[x], role) for x, role in roles if x in links}
        tx.many("INSERT INTO event_entities (eseq, entity_id, role) VALUES (?, ?, ?)", sorted(rows))


def write_attribution(tx: Tx, seq: int, a: Article) -> None:
    outlet = a.attribution.outlet or a.outlet
    tx.many("INSERT INTO attribution (article_seq, position, outlet, via, via_key) VALUES (?, ?, ?, ?, ?)",
            [(seq, i, outlet, via, name_key(via)) for i, via in enumerate(a.attribution.via)])


# --- deleting ----------------------------------------------------------------------------------------------


def delete_rows(tx: Tx, dialect: Dialect, seq: int) -> None:
    """Remove an article and everything derived from it, undoing its counts."""
    for r in tx.rows("SELECT entity_id, sum(n_mentions) AS n FROM article_entities WHERE article_seq = ? "
                     "GROUP BY entity_id", (seq,)):
        tx.run("UPDATE entities SET n_articles = n_articles - 1, n_mentions = n_mentions - ? WHERE id = ?",
               (r["n"], r["entity_id"]))
    month = period(tx.value("SELECT date FROM articles WHERE seq = ?", (seq,)))
    tx.run("UPDATE entity_months SET n_articles = n_articles - 1 WHERE period = ? AND entity_id IN "
           "(SELECT DISTINCT entity_id FROM article_entities WHERE article_seq = ?)", (month, seq))
    for r in tx.rows("SELECT speaker_entity, count(*) AS n FROM quotes WHERE article_seq = ? "
                     "AND speaker_entity IS NOT NULL GROUP BY speaker_entity", (seq,)):
        tx.run("UPDATE entities SET n_quotes = n_quotes - ? WHERE id = ?", (r["n"], r["speaker_entity"]))
        tx.run("UPDATE entity_months SET n_quotes = n_quotes - ? WHERE entity_id = ? AND period = ?",
               (r["n"], r["speaker_entity"], month))
    tx.run("DELETE FROM entity_months WHERE period = ? AND n_articles <= 0 AND n_quotes <= 0", (month,))
    for r in tx.rows("SELECT entity_id, name FROM article_entities WHERE article_seq = ?", (seq,)):
        tx.run("UPDATE entity_names SET n = n - 1 WHERE entity_id = ? AND name = ?", (r["entity_id"], r["name"]))
    qseqs = [r["qseq"] for r in tx.rows("SELECT qseq FROM quotes WHERE article_seq = ?", (seq,))]
    dialect.fts_delete(tx, "quotes", qseqs)
    tx.many("DELETE FROM quote_entities WHERE qseq = ?", [(q,) for q in qseqs])
    eseqs = [r["eseq"] for r in tx.rows("SELECT eseq FROM events WHERE article_seq = ?", (seq,))]
    tx.many("DELETE FROM event_entities WHERE eseq = ?", [(e,) for e in eseqs])
    for table in ("quotes", "events", "mentions", "article_entities", "attribution", "article_bands"):
        tx.run(f"DELETE FROM {table} WHERE article_seq = ?", (seq,))
    dialect.fts_delete(tx, "articles", [seq])
    story = story_of(tx, seq)
    tx.run("DELETE FROM articles WHERE seq = ?", (seq,))
    if story is not None:
        tx.run("UPDATE stories SET n_articles = n_articles - 1 WHERE id = ?", (story,))
        tx.run("DELETE FROM stories WHERE id = ? AND n_articles <= 0", (story,))
    tx.run("DELETE FROM entity_names WHERE entity_id IN (SELECT id FROM entities WHERE n_articles <= 0)")
    tx.run("DELETE FROM entity_roles WHERE entity_id IN (SELECT id FROM entities WHERE n_articles <= 0)")
    tx.run("DELETE FROM entity_months WHERE entity_id IN (SELECT id FROM entities WHERE n_articles <= 0)")
    tx.run("DELETE FROM entities WHERE n_articles <= 0")
