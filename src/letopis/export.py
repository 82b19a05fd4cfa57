"""Export what a store holds: articles, quotes, entities and events as JSON Lines, CSV or Parquet.

JSON Lines of `articles` are whole `letopis.article/1` records (what `letopis analyze` prints); everything else
is one flat row per item, with the same columns in every format. Only the `Store` interface is used, so
this works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from letopis.store.base import Store

TABLES = ("articles", "quotes", "entities", "events")
FORMATS = ("jsonl", "csv", "parquet")
PAGE = 1000

Row = dict[str, Any]


def article_rows(store: Store, whole: bool) -> Iterator[Row]:
    for a in store.iter_articles():
        if whole:
            yield a.to_json()
            continue
        yield {"id": a.id, "date": a.date, "title": a.title, "url": a.url, "outlet": a.outlet,
               "via": "; ".join(a.attribution.via), "n_entities": len(a.entities), "n_quotes": len(a.quotes),
               "n_events": len(a.events), "text": a.text}


def paged(fetch: Callable[[str | None], Any]) -> Iterator[Any]:
    cursor = None
    while True:
        page = fetch(cursor)
        yield from page.items
        cursor = page.next_cursor
        if cursor is None:
            return


def quote_rows(store: Store) -> Iterator[Row]:
    for q in paged(lambda c: store.quotes(limit=PAGE, cursor=c)):
        row = dataclasses.asdict(q)
        del row["highlights"]
        yield row


def entity_rows(store: Store) -> Iterator[Row]:
    for e in paged(lambda c: store.entities(limit=PAGE, cursor=c)):
        yield dataclasses.asdict(e)


def event_rows(store: Store) -> Iterator[Row]:
    for e in paged(lambda c: store.events(limit=PAGE, cursor=c)):
        row = dataclasses.asdict(e)
        for key in ("actors", "targets", "entity_ids"):
            row[key] = "; ".join(row[key])
        yield row


def rows_of(store: Store, table: str, fmt: str) -> Iterator[Row]:
    if table == "articles":
        return article_rows(store, whole=fmt == "jsonl")
    return {"quotes": quote_rows, "entities": entity_rows, "events": event_rows}[table](store)


def export_table(store: Store, table: str, fmt: str, out: Path | IO[str]) -> int:
    """Write one table in one format to a file path (or a text stream for jsonl/csv); returns the row count."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    rows = rows_of(store, table, fmt)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ValueError("parquet is written to a file, not a stream")
        return write_parquet(rows, out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as f:
            return write_text(rows, fmt, f)
    return write_text(rows, fmt, out)


def write_text(rows: Iterator[Row], fmt: str, f: IO[str]) -> int:
    n = 0
    writer = None
    for row in rows:
        if fmt == "jsonl":
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(f, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
        n += 1
    return n


def write_parquet(rows: Iterator[Row], path: Path, batch: int = 5000) -> int:
    """Parquet in row groups of `batch`, so memory stays flat; an empty table still gets a file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    n = 0
    chunk: list[Row] = []
    schema = None

    def flush() -> None:
        nonlocal writer, schema
        table = pa.Table.from_pylist(chunk, schema=schema)
        if writer is None:
            schema = table.schema
            writer = pq.ParquetWriter(path, schema)
        writer.write_table(table)

    try:
        for row in rows:
            chunk.append(row)
            n += 1
            if len(chunk) >= batch:
                flush()
                chunk = []
        if chunk:
            flush()
        if writer is None:
            pq.write_table(pa.table({}), path)
    finally:
        if writer is not None:
            writer.close()
    return n
