"""`letopis export --format jsonl|csv|parquet [--what TABLE]... [-o DIR|-]`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from letopis.cli.output import DbOption, asking, fail


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet")] = "jsonl",
    what: Annotated[list[str] | None, typer.Option("--what", help="articles, quotes, entities or events; repeat "
                                                                  "for several (default: all four)")] = None,
    output: Annotated[str, typer.Option("--output", "-o", help="directory for TABLE.FORMAT files, or - for "
                                                               "standard output (one table, jsonl or csv)")]
    = "letopis-export",
    db: DbOption = None,
) -> None:
    """Export the chronicle. JSON Lines articles are whole letopis.article/1 records; the rest are flat rows."""
    from letopis.export import FORMATS, TABLES, export_table

    tables = what or list(TABLES)
    bad = [t for t in tables if t not in TABLES]
    if bad or fmt not in FORMATS:
        fail(f"unknown {'table ' + bad[0] if bad else 'format ' + fmt}: tables are {', '.join(TABLES)}; "
             f"formats {', '.join(FORMATS)}")
    if output == "-" and (len(tables) != 1 or fmt == "parquet"):
        fail("-o - writes one table as jsonl or csv: add --what TABLE, or give a directory")
    with asking(db) as store:
        if output == "-":
            export_table(store, tables[0], fmt, sys.stdout)
            return
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        for table in tables:
            path = folder / f"{table}.{fmt}"
            n = export_table(store, table, fmt, path)
            typer.echo(f"letopis: {n} {table} → {path}", err=True)
