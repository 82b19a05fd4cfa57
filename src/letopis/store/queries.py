"""Reading the chronicle: articles, search, statements, stories, events, sources, statistics.

Mixed into `SqlStore`; every method runs under the store's lock in one read snapshot. Entity questions
live in `entity_queries.py`. Lists are keyset-paginated (newest first) except ranked full-text results,
whose cursor is an offset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from letopis.model import Article
from letopis.store.base import (
    DEFAULT_PAGE,
    MAX_PAGE,
    ArticleSummary,
    Citation,
    EventHit,
    NameCount,
    Page,
    QuoteFacets,
    QuoteFilter,
    QuoteHit,
    Stats,
    StorySummary,
)
from letopis.store.entity_queries import EntityQueries, Where
from letopis.store.sql import Row, Tx, check_limit, decode_cursor, encode_cursor
from letopis.store.text import fold, highlights, name_keys, shorten, snippet

if TYPE_CHECKING:
    from letopis.store.sql_store import Dialect

SUMMARY = ("a.seq, a.id, a.date, a.title, a.url, a.outlet, a.story_id, a.n_entities, a.n_quotes, a.n_events, "
           "a.sort_date")
QUOTE = ("q.qseq, q.local_id, q.kind, q.text, q.start, q.stop, q.cue, q.speaker_name, q.speaker_type, "
         "q.speaker_entity, q.sort_date, a.id AS article_id, a.date, a.outlet, a.title, a.url")
BATCH = 500


def summary(r: Row) -> ArticleSummary:
    return ArticleSummary(r["id"], r["date"], r["title"], r["url"], r["outlet"], r["story_id"], r["n_entities"],
                          r["n_quotes"], r["n_events"])


def quote_hit(r: Row, query: str | None = None) -> QuoteHit:
    return QuoteHit(r["article_id"], r["local_id"], r["kind"], r["text"], r["start"], r["stop"], r["cue"],
                    r["speaker_name"], r["speaker_type"], r["speaker_entity"], r["date"], r["outlet"], r["title"],
                    r["url"], highlights(r["text"], query))


def newest_first(where: Where, alias: str, key: str, cursor: str | None) -> None:
    """Keyset condition for `ORDER BY sort_date DESC, key DESC` after the cursor's row."""
    after = decode_cursor(cursor, 2)
    if after:
        where.add(f"({alias}.sort_date < ? OR ({alias}.sort_date = ? AND {alias}.{key} < ?))",
                  after[0], after[0], after[1])


def date_range(where: Where, alias: str, since: str | None, until: str | None) -> None:
    if since:
        where.add(f"{alias}.sort_date >= ?", since)
    if until:
        where.add(f"{alias}.sort_date <= ? AND {alias}.sort_date <> ''", until)


class QueryMixin(EntityQueries):
    dialect: Dialect

    # -- articles ----------------------------------------------------------------------------------------

    def get_article(self, article_id: str) -> Article | None:
        with self._read() as tx:
            row = tx.one("SELECT text, record FROM articles WHERE id = ?", (article_id,))
        return to_article(row) if row else None

    def article_entities(self, article_id: str) -> dict[str, str]:
        with self._read() as tx:
            rows = tx.rows("SELECT ae.local_id, ae.entity_id FROM article_entities ae JOIN articles a "
                           "ON a.seq = ae.article_seq WHERE a.id = ?", (article_id,))
        return {r["local_id"]: r["entity_id"] for r in rows}

    def iter_articles(self) -> Iterator[Article]:
        last = 0
        while True:
            with self._read() as tx:
                rows = tx.rows("SELECT seq, text, record FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                               (last, BATCH))
            if not rows:
                return
            for r in rows:
                yield to_article(r)
            last = rows[-1]["seq"]

    def list_articles(self, *, limit: int = DEFAULT_PAGE, cursor: str | None = None, outlet: str | None = None,
                      since: str | None = None, until: str | None = None, story_id: int | None = None,
                      entity: str | None = None) -> Page[ArticleSummary]:
        limit = check_limit(limit, MAX_PAGE)
        with self._read() as tx:
            where = Where()
            if outlet:
                where.add("a.outlet_key = ?", fold(outlet))
            if story_id is not None:
                where.add("a.story_id = ?", story_id)
            if entity:
                ids = self._entity_ids(tx, entity)
                where.add_in("a.seq IN (SELECT article_seq FROM article_entities WHERE entity_id IN ({}))", ids)
            date_range(where, "a", since, until)
            newest_first(where, "a", "seq", cursor)
            rows = tx.rows(f"SELECT {SUMMARY}, substr(a.text, 1, 240) AS lead FROM articles a {where.sql()} "
                           "ORDER BY a.sort_date DESC, a.seq DESC LIMIT ?", (*where.params, limit + 1))
        items = [summary(r) for r in rows[:limit]]
        for item, r in zip(items, rows, strict=False):
            item.snippet = shorten(r["lead"], 160)
        more = len(rows) > limit
        return Page(items, encode_cursor(rows[limit - 1]["sort_date"], rows[limit - 1]["seq"]) if more else None)

    def search(self, query: str, *, limit: int = DEFAULT_PAGE, cursor: str | None = None,
               since: str | None = None, until: str | None = None, outlet: str | None = None
               ) -> Page[ArticleSummary]:
        limit = check_limit(limit, MAX_PAGE)
        offset = int((decode_cursor(cursor, 1) or [0])[0])
        where = Where()
        if outlet:
            where.add("a.outlet_key = ?", fold(outlet))
        date_range(where, "a", since, until)
        within = f"SELECT a.seq FROM articles a {where.sql()}" if where.parts else None
        ranking = self.dialect.fts_ranked("articles", query, within, where.params, limit + 1, offset)
        if ranking is None:
            return Page([])
        with self._read() as tx:
            # rank in the full-text index alone, then read the page's rows: the big rows are read 20 at a time
            ranked = tx.rows(*ranking)
            rows = by_seq(tx, f"SELECT {SUMMARY}, a.text FROM articles a WHERE a.seq IN ({{}})",
                          [r["ref"] for r in ranked])
        items = []
        for r in rows[:limit]:
            s = summary(r)
            s.snippet, s.highlights = snippet(r["text"], query)
            items.append(s)
        return Page(items, encode_cursor(offset + limit) if len(ranked) > limit else None)

    # -- statements ------------------------------------------------------------------------------------------

    def quotes(self, filter: QuoteFilter | None = None, *, limit: int = DEFAULT_PAGE,
               cursor: str | None = None) -> Page[QuoteHit]:
        f = filter or QuoteFilter()
        limit = check_limit(limit, MAX_PAGE)
        with self._read() as tx:
            where = self._quote_where(tx, f)
            if f.query:
                offset = int((decode_cursor(cursor, 1) or [0])[0])
                within = f"SELECT q.qseq FROM quotes q {where.sql()}" if where.parts else None
                ranking = self.dialect.fts_ranked("quotes", f.query, within, where.params, limit + 1, offset)
                if ranking is None:
                    return Page([])
                ranked = tx.rows(*ranking)
                rows = by_seq(tx, f"SELECT {QUOTE} FROM quotes q JOIN articles a ON a.seq = q.article_seq "
                                  "WHERE q.qseq IN ({})", [r["ref"] for r in ranked], key="qseq")
                nxt = encode_cursor(offset + limit) if len(ranked) > limit else None
            else:
                newest_first(where, "q", "qseq", cursor)
                rows = tx.rows(f"SELECT {QUOTE} FROM quotes q JOIN articles a ON a.seq = q.article_seq "
                               f"{where.sql()} ORDER BY q.sort_date DESC, q.qseq DESC LIMIT ?",
                               (*where.params, limit + 1))
                last = rows[limit - 1] if len(rows) > limit else None
                nxt = encode_cursor(last["sort_date"], last["qseq"]) if last else None
        return Page([quote_hit(r, f.query) for r in rows[:limit]], nxt)

    def quote_facets(self, filter: QuoteFilter | None = None, *, top: int = 12) -> QuoteFacets:
        f = filter or QuoteFilter()
        top = check_limit(top, MAX_PAGE)
        with self._read() as tx:
            where = self._quote_where(tx, f)
            fts = self.dialect.fts_clause("quotes", "q.qseq", f.query) if f.query else None
            if f.query and fts is None:
                return QuoteFacets()
            join = ""
            if fts is not None:
                where.add(fts.where, *fts.where_params)
                join = fts.join
            facets = []
            for expr in ("COALESCE(e.name, q.speaker_name)", "a.outlet", "substr(q.sort_date, 1, 7)", "q.kind"):
                rows = tx.rows(f"SELECT {expr} AS name, count(*) AS n FROM quotes q JOIN articles a "
                               f"ON a.seq = q.article_seq LEFT JOIN entities e ON e.id = q.speaker_entity {join} "
                               f"{where.sql()} GROUP BY {expr} ORDER BY n DESC, name LIMIT ?", (*where.params, top))
                facets.append([NameCount(r["name"], r["n"]) for r in rows if r["name"]])
        return QuoteFacets(*facets)

    def _quote_where(self, tx: Tx, f: QuoteFilter) -> Where:
        where = Where()
        if f.speaker:
            ids, keys = self._speaker_ids(tx, f.speaker)
            parts, params = [], []
            if ids:
                parts.append("q.speaker_entity IN (" + ",".join("?" for _ in ids) + ")")
                params += ids
            if keys:  # speakers that are not entities, by name; a surname finds the full name
                marks = ",".join("?" for _ in keys)
                parts.append(f"q.speaker_key IN ({marks})")
                params += keys
                single = [k for k in keys if " " not in k]
                if single:
                    parts.append("q.speaker_last IN (" + ",".join("?" for _ in single) + ")")
                    params += single
            where.add("(" + " OR ".join(parts) + ")" if parts else "1 = 0", *params)
        for name in f.about:
            ids = self._entity_ids(tx, name)
            where.add_in("q.qseq IN (SELECT qseq FROM quote_entities WHERE entity_id IN ({}))", ids)
        if f.outlet:
            where.add("q.outlet_key = ?", fold(f.outlet))
        if f.kind:
            where.add("q.kind = ?", f.kind)
        date_range(where, "q", f.since, f.until)
        return where

    def _speaker_ids(self, tx: Tx, speaker: str) -> tuple[list[str], list[str]]:
        """Corpus entities a speaker name means, and the name keys to match unlinked speakers by."""
        if tx.one("SELECT 1 AS x FROM entities WHERE id = ?", (speaker,)):
            return [speaker], []
        return [e.id for e in self._find(tx, speaker, None)], name_keys(speaker)[:4]

    # -- stories, events, sources -----------------------------------------------------------------------------

    def stories(self, *, min_articles: int = 2, limit: int = DEFAULT_PAGE,
                cursor: str | None = None) -> Page[StorySummary]:
        limit = check_limit(limit, MAX_PAGE)
        where = Where()
        where.add("s.n_articles >= ?", min_articles)
        after = decode_cursor(cursor, 2)
        if after:
            where.add("(s.n_articles < ? OR (s.n_articles = ? AND s.id > ?))", after[0], after[0], after[1])
        with self._read() as tx:
            rows = tx.rows(f"SELECT s.* FROM stories s {where.sql()} ORDER BY s.n_articles DESC, s.id LIMIT ?",
                           (*where.params, limit + 1))
            items = [self._story(tx, r, with_articles=False) for r in rows[:limit]]
        last = rows[limit - 1] if len(rows) > limit else None
        return Page(items, encode_cursor(last["n_articles"], last["id"]) if last else None)

    def story(self, story_id: int) -> StorySummary | None:
        with self._read() as tx:
            row = tx.one("SELECT * FROM stories WHERE id = ?", (story_id,))
            return self._story(tx, row, with_articles=True) if row else None

    def _story(self, tx: Tx, r: Row, with_articles: bool) -> StorySummary:
        outlets = [x["outlet"] for x in tx.rows("SELECT DISTINCT outlet FROM articles WHERE story_id = ? "
                                                "AND outlet IS NOT NULL ORDER BY outlet", (r["id"],))]
        articles = []
        if with_articles:
            articles = [summary(x) for x in tx.rows(f"SELECT {SUMMARY} FROM articles a WHERE a.story_id = ? "
                                                    "ORDER BY a.sort_date, a.seq", (r["id"],))]
        return StorySummary(r["id"], r["title"], r["n_articles"], r["first_date"], r["last_date"], outlets, articles)

    def events(self, *, type: str | None = None, entity: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = DEFAULT_PAGE, cursor: str | None = None) -> Page[EventHit]:
        limit = check_limit(limit, MAX_PAGE)
        with self._read() as tx:
            where = Where()
            if type:
                where.add("ev.type = ?", type)
            if entity:
                ids = self._entity_ids(tx, entity)
                where.add_in("ev.eseq IN (SELECT eseq FROM event_entities WHERE entity_id IN ({}))", ids)
            date_range(where, "ev", since, until)
            newest_first(where, "ev", "eseq", cursor)
            rows = tx.rows("SELECT ev.*, a.id AS article_id, a.date AS article_date, a.outlet FROM events ev "
                           f"JOIN articles a ON a.seq = ev.article_seq {where.sql()} "
                           "ORDER BY ev.sort_date DESC, ev.eseq DESC LIMIT ?", (*where.params, limit + 1))
            items = [self._event(tx, r) for r in rows[:limit]]
        last = rows[limit - 1] if len(rows) > limit else None
        return Page(items, encode_cursor(last["sort_date"], last["eseq"]) if last else None)

    def _event(self, tx: Tx, r: Row) -> EventHit:
        parts = tx.rows("SELECT ee.role, ee.entity_id, e.name FROM event_entities ee JOIN entities e "
                        "ON e.id = ee.entity_id WHERE ee.eseq = ? ORDER BY ee.role, e.name", (r["eseq"],))
        place = r["place"]
        if place:
            local = tx.value("SELECT name FROM article_entities WHERE article_seq = ? AND local_id = ?",
                             (r["article_seq"], place))
            place = local or place
        return EventHit(r["article_id"], r["local_id"], r["type"], r["trigger"], r["date"], r["modality"],
                        [p["name"] for p in parts if p["role"] == "actor"],
                        [p["name"] for p in parts if p["role"] == "target"], place, r["article_date"], r["outlet"],
                        sorted({p["entity_id"] for p in parts}))

    def event_types(self) -> list[NameCount]:
        with self._read() as tx:
            rows = tx.rows("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
        return [NameCount(r["type"], r["n"]) for r in rows]

    def citations(self, source: str | None = None, *, limit: int = 100) -> list[Citation]:
        where = Where()
        if source:
            where.add_in("via_key IN ({})", name_keys(source))
        with self._read() as tx:
            rows = tx.rows(f"SELECT outlet, min(via) AS via, count(DISTINCT article_seq) AS n FROM attribution "
                           f"{where.sql()} GROUP BY outlet, via_key ORDER BY n DESC, outlet LIMIT ?",
                           (*where.params, limit))
        return [Citation(r["outlet"], r["via"], r["n"]) for r in rows]

    def stats(self) -> Stats:
        with self._read() as tx:
            count = {t: tx.value(f"SELECT count(*) AS n FROM {t}") for t in ("articles", "entities", "quotes",
                                                                            "events", "runs")}
            stories = tx.value("SELECT count(*) AS n FROM stories WHERE n_articles >= 2")
            dates = tx.one("SELECT min(date) AS first, max(date) AS last FROM articles") or {}
            outlets = tx.rows("SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL "
                              "GROUP BY outlet ORDER BY n DESC, outlet LIMIT 10")
        return Stats(count["articles"], count["entities"], count["quotes"], count["events"], stories, count["runs"],
                     dates.get("first"), dates.get("last"), [NameCount(r["outlet"], r["n"]) for r in outlets])


def by_seq(tx: Tx, query: str, seqs: list[int], key: str = "seq") -> list[Row]:
    """The rows of `query` (its `{}` takes the placeholders) for `seqs`, in the order of `seqs`."""
    if not seqs:
        return []
    found = {r[key]: r for r in tx.rows(query.format(",".join("?" for _ in seqs)), seqs)}
    return [found[s] for s in seqs if s in found]


def to_article(row: dict[str, Any]) -> Article:
    d = json.loads(row["record"])
    d["text"] = row["text"]
    return Article.from_json(d)
