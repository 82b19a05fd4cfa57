"""Questions about corpus-wide entities: find by name, list, one entity with its names, roles, statements
over time and the entities it appears with. Also `Where`, the small condition builder the queries share."""

from __future__ import annotations

from typing import Any

from letopis.store.base import (
    DEFAULT_PAGE,
    MAX_PAGE,
    CoOccurrence,
    EntityDetail,
    EntitySummary,
    NameCount,
    Page,
    QuoteFilter,
    RoleSpan,
    TimePoint,
)
from letopis.store.sql import Row, Tx, check_limit, decode_cursor, encode_cursor
from letopis.store.text import name_keys

CO_OCCURRENCE_WINDOW = 2000  # who appears with an entity is counted over its latest articles, this many
ENTITY = "e.id, e.type, e.name, e.n_articles, e.n_mentions, e.n_quotes, e.first_seen, e.last_seen"


class Where:
    """`WHERE` conditions joined by AND, with their parameters in order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.parts.append(condition)
        self.params.extend(params)

    def add_in(self, template: str, values: list[Any]) -> None:
        """`template` with `{}` replaced by one placeholder per value; no values means no rows."""
        if not values:
            self.parts.append("1 = 0")
            return
        self.add(template.format(",".join("?" for _ in values)), *values)

    def sql(self) -> str:
        return "WHERE " + " AND ".join(self.parts) if self.parts else ""


def entity_summary(r: Row) -> EntitySummary:
    return EntitySummary(r["id"], r["type"], r["name"], r["n_articles"], r["n_mentions"], r["n_quotes"],
                         r["first_seen"], r["last_seen"])


class EntityQueries:
    def _find(self, tx: Tx, name: str, type: str | None) -> list[EntitySummary]:
        """Entities by id, else by a name's key, else (one word) by surname, the most written-about first."""
        row = tx.one(f"SELECT {ENTITY} FROM entities e WHERE e.id = ?", (name,))
        if row:
            return [entity_summary(row)]
        keys = name_keys(name)
        if not keys:
            return []
        type_sql, type_params = ("AND e.type = ?", (type,)) if type else ("", ())
        marks = ",".join("?" for _ in keys)
        for column in ("key", "last_key"):
            if column == "last_key" and " " in keys[0]:
                break
            rows = tx.rows(f"SELECT {ENTITY} FROM entities e WHERE e.id IN "
                           f"(SELECT entity_id FROM entity_names WHERE {column} IN ({marks})) {type_sql} "
                           "ORDER BY e.n_articles DESC, e.id", (*keys, *type_params))
            if rows:
                return [entity_summary(r) for r in rows]
        return []

    def _entity_ids(self, tx: Tx, name: str) -> list[str]:
        return [e.id for e in self._find(tx, name, None)]

    def find_entities(self, name: str, type: str | None = None) -> list[EntitySummary]:
        with self._read() as tx:
            return self._find(tx, name, type)

    def entities(self, *, query: str | None = None, type: str | None = None, limit: int = DEFAULT_PAGE,
                 cursor: str | None = None) -> Page[EntitySummary]:
        limit = check_limit(limit, MAX_PAGE)
        where = Where()
        if type:
            where.add("e.type = ?", type)
        if query:
            keys = name_keys(query) or [""]
            marks = ",".join("?" for _ in keys)
            where.add(f"e.id IN (SELECT entity_id FROM entity_names WHERE key IN ({marks}) OR last_key IN ({marks}) "
                      "OR key LIKE ?)", *keys, *keys, keys[0] + "%")
        after = decode_cursor(cursor, 2)
        if after:
            where.add("(e.n_articles < ? OR (e.n_articles = ? AND e.id > ?))", after[0], after[0], after[1])
        with self._read() as tx:
            rows = tx.rows(f"SELECT {ENTITY} FROM entities e {where.sql()} ORDER BY e.n_articles DESC, e.id LIMIT ?",
                           (*where.params, limit + 1))
        last = rows[limit - 1] if len(rows) > limit else None
        return Page([entity_summary(r) for r in rows[:limit]],
                    encode_cursor(last["n_articles"], last["id"]) if last else None)

    def entity(self, id_or_name: str, *, quotes: int = 20, co_occurring: int = 20) -> EntityDetail | None:
        with self._read() as tx:
            found = self._find(tx, id_or_name, None)
            if not found:
                return None
            e = found[0]
            detail = EntityDetail(e)
            detail.names = [NameCount(r["name"], r["n"]) for r in tx.rows(
                "SELECT name, n FROM entity_names WHERE entity_id = ? ORDER BY n DESC, name", (e.id,))]
            detail.roles = [RoleSpan(r["role"], r["first_seen"], r["last_seen"], r["n"]) for r in tx.rows(
                "SELECT role, first_seen, last_seen, n FROM entity_roles WHERE entity_id = ? "
                "ORDER BY first_seen, role", (e.id,))]
            detail.timeline = timeline(tx, e.id)
            detail.co_occurring = [CoOccurrence(entity_summary(r), r["together"]) for r in tx.rows(
                f"SELECT {ENTITY}, c.together FROM (SELECT b.entity_id, count(DISTINCT b.article_seq) AS together "
                "FROM (SELECT article_seq FROM article_entities WHERE entity_id = ? "
                "ORDER BY article_seq DESC LIMIT ?) a JOIN article_entities b ON b.article_seq = a.article_seq "
                "AND b.entity_id <> ? GROUP BY b.entity_id) c "
                "JOIN entities e ON e.id = c.entity_id ORDER BY c.together DESC, e.n_articles DESC, e.id LIMIT ?",
                (e.id, CO_OCCURRENCE_WINDOW, e.id, co_occurring))]
        if quotes:
            detail.quotes = self.quotes(QuoteFilter(speaker=e.id), limit=quotes).items
        return detail


def timeline(tx: Tx, entity_id: str) -> list[TimePoint]:
    """Articles mentioning the entity and statements by it, per month (`unknown` for undated articles),
    from the counts every write keeps in `entity_months`."""
    rows = tx.rows("SELECT period, n_articles, n_quotes FROM entity_months WHERE entity_id = ? "
                   "AND (n_articles > 0 OR n_quotes > 0) ORDER BY period", (entity_id,))
    points = [TimePoint(r["period"] or "unknown", r["n_articles"], r["n_quotes"]) for r in rows]
    return sorted(points, key=lambda p: (p.period == "unknown", p.period))
