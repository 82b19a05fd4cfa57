"""Printing query results: a readable table (rich), JSON Lines (`--json`) or CSV (`--csv`); and opening the store."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from letopis.errors import StoreError

DbOption = Annotated[str | None, typer.Option(
    "--db", help="database file or postgresql:// URL (default: $LETOPIS_DB or ~/.local/share/letopis/letopis.db)")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON Lines, one object per result")]
CsvOption = Annotated[bool, typer.Option("--csv", help="CSV with a header line")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, max=100_000, help="at most this many results")]


def open_db(db: str | None, readonly: bool = False):
    """The store at `db`, or exit 2 with the reason."""
    from letopis.store import open_store

    try:
        return open_store(db, readonly=readonly)
    except StoreError as exc:
        typer.echo(f"letopis: {exc}", err=True)
        raise typer.Exit(2) from None


@contextmanager
def asking(db: str | None) -> Iterator[Any]:
    """The store at `db` for the length of a question. A StoreError while asking (a database that cannot answer,
    a question it refuses such as a name too long for a LIKE pattern) ends the command with its one-line message
    and status 2, not a traceback."""
    store = open_db(db)
    try:
        with store:
            yield store
    except StoreError as exc:
        fail(str(exc))


def as_dict(item: Any) -> dict[str, Any]:
    return dataclasses.asdict(item) if dataclasses.is_dataclass(item) else dict(item)


Column = tuple[str, Callable[[Any], Any]]  # (header, value of an item)


def emit(items: Sequence[Any], columns: Sequence[Column], *, as_json: bool, as_csv: bool, title: str = "",
         empty: str = "nothing found") -> None:
    """Print the items: JSON Lines of whole results, CSV of the columns, or a table for a person."""
    if as_json and as_csv:
        typer.echo("letopis: choose one of --json and --csv", err=True)
        raise typer.Exit(2)
    if as_json:
        for item in items:
            sys.stdout.write(json.dumps(as_dict(item), ensure_ascii=False, default=str) + "\n")
        return
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow([name for name, _ in columns])
        for item in items:
            writer.writerow([cell(get(item)) for _, get in columns])
        return
    console = Console(highlight=False)
    if not items:
        console.print(empty, style="dim")
        return
    table = Table(title=title or None, show_lines=False)
    for name, _ in columns:
        table.add_column(name, overflow="fold")
    for item in items:
        table.add_row(*[cell(get(item)) for _, get in columns])
    console.print(table)


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    return str(value)


def short(text: str | None, width: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"letopis: {message}", err=True)
    raise typer.Exit(code)
