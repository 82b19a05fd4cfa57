"""`letopis ingest SOURCE...` and `letopis stats`: fill the chronicle and see what it holds.

Registers the query and export commands too, so that `cli/__init__.py` needs one line for all of them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from letopis.cli.output import DbOption, asking, open_db
from letopis.cli.report import Failures
from letopis.errors import LetopisError

EXIT_INTERRUPTED = 130


def register(app: typer.Typer) -> None:
    from letopis.cli import export_cmd, query_cmd

    app.command("ingest")(ingest)
    app.command("stats")(stats)
    query_cmd.register(app)
    export_cmd.register(app)


def ingest(
    sources: Annotated[list[str], typer.Argument(help="files or directories (.txt, .jsonl, .html, RSS/Atom feeds, "
                                                      "optionally .gz), http(s) URLs of pages or feeds, - for stdin")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=256,
                                         help="analyse in this many processes (one writer stores)")] = 1,
    dask: Annotated[str | None, typer.Option("--dask", help="analyse on Dask: local:N starts a local cluster "
                                             "of N workers; tcp://host:8786 uses a running scheduler")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private",
                                                help="allow fetching private and loopback addresses")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="seconds allowed per fetched URL")] = 20.0,
    reanalyse: Annotated[bool, typer.Option("--reanalyse",
                                            help="analyse and replace articles even if already stored")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="write the failed items here as JSON Lines")] = None,
    commit_every: Annotated[int, typer.Option("--commit-every", min=1, max=10_000,
                                              help="articles per transaction (at most a second's work is held "
                                                   "back; 1 stores each article as soon as it is analysed)")] = 50,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Analyse articles and store them: already stored ones are skipped, changed ones updated."""
    from letopis.ingest.fetch import FetchPolicy
    from letopis.ingest.ingest import IngestOptions
    from letopis.ingest.ingest import ingest as run_ingest

    options = IngestOptions(workers, FetchPolicy(allow_private=allow_private, timeout=timeout), reanalyse, dask,
                            commit_every)
    failures = Failures(report)
    store = open_db(db)
    show_bar = not quiet and sys.stderr.isatty()
    try:
        with progress_bar(show_bar) as (bar, on_progress):
            result = run_ingest(store, sources, options, on_failure=failures.add, on_progress=on_progress)
            bar.stop()
    except KeyboardInterrupt:
        typer.echo("letopis: interrupted; every stored article is whole — run the same command to finish",
                   err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except LetopisError as exc:  # the store or the runner could not be used
        typer.echo(f"letopis: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        store.close()
    failures.finish(summary(result, store.url))
    typer.echo(f"letopis: {summary(result, store.url)}", err=True)


def summary(r, url: str) -> str:
    if r.stored == 0 and r.failed == 0:
        return (f"nothing to do: all {r.skipped} article(s) are already stored in {url} (run {r.run_id})"
                if r.skipped else f"nothing to do: no articles in the input (run {r.run_id})")
    return (f"run {r.run_id}: {r.read} read, {r.inserted} stored, {r.updated} updated, {r.skipped} already stored, "
            f"{r.failed} failed in {r.seconds:.1f} s ({r.rate:.1f} articles/s) into {url}")


class progress_bar:
    """A rich progress line with articles/s on a terminal; nothing otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.progress: Progress | None = None
        self.task = None

    def __enter__(self):
        if not self.enabled:
            return self, None
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True)
        self.progress.start()
        self.task = self.progress.add_task("starting (loading the models)…", total=None)
        return self, self.update

    def update(self, r) -> None:
        assert self.progress is not None
        self.progress.update(self.task, description=(
            f"{r.done} done · {r.inserted} stored · {r.updated} updated · {r.skipped} already stored · "
            f"{r.failed} failed · {r.rate:.1f} articles/s"))

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def __exit__(self, *exc: object) -> None:
        self.stop()


def stats(db: DbOption = None) -> None:
    """What the database holds: counts, dates, outlets, the latest runs, the most written-about entities."""
    with asking(db) as store:
        s = store.stats()
        top = store.entities(limit=10).items
        runs = store.runs(limit=5)
    console = Console(highlight=False)
    console.print(f"[bold]{store.url}[/bold]")
    console.print(f"{s.articles} articles ({s.first_date or '?'} … {s.last_date or '?'}), {s.entities} entities, "
                  f"{s.quotes} statements, {s.events} events, {s.stories} stories of several articles, {s.runs} runs")
    if s.outlets:
        console.print("outlets: " + ", ".join(f"{o.name} ({o.n})" for o in s.outlets))
    if top:
        console.print("most written about: " + ", ".join(f"{e.name} ({e.n_articles})" for e in top))
    for r in runs:
        console.print(f"run {r.id} {r.status} {r.started_at}: {r.read} read, {r.inserted} stored, {r.updated} updated,"
                      f" {r.skipped} skipped, {r.failed} failed", style="dim")
