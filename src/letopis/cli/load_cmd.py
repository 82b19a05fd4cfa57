"""`letopis load SHARD... [--db]`: store records that `letopis analyze -o` wrote, without analysing again."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from letopis.cli.output import DbOption, open_db
from letopis.cli.report import Failures


def register(app: typer.Typer) -> None:
    app.command("load")(load)


def load(
    shards: Annotated[list[str], typer.Argument(help="JSON Lines files of letopis.article/1 records (.gz too)")],
    db: DbOption = None,
    report: Annotated[Path | None, typer.Option("--report", help="write the failed items here as JSON Lines")] = None,
) -> None:
    """Load analysed records into the store (idempotent: what is stored already is skipped)."""
    from letopis.load import load as run_load

    failures = Failures(report)
    store = open_db(db)
    try:
        result = run_load(store, shards, failures.add)
    finally:
        store.close()
    summary = (f"{result.read} record(s) read: {result.inserted} inserted, {result.updated} updated, "
               f"{result.skipped} already stored, {result.failed} failed")
    failures.finish(summary)
    typer.echo(f"letopis: {summary}", err=True)
