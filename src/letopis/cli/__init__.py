"""The `letopis` command. Each group of subcommands lives in its own module and registers itself here."""

from __future__ import annotations

import typer

from letopis.cli import analyze_cmd, eval_cmd, load_cmd, serve_cmd, store_cmd

app = typer.Typer(
    name="letopis",
    help="Russian news into a chronicle: who said what, did what, with whom, when, and according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
analyze_cmd.register(app)
load_cmd.register(app)
eval_cmd.register(app)
serve_cmd.register(app)
store_cmd.register(app)  # ingest, stats, search, quotes, entity, entities, citations, stories, events, export


def main() -> None:
    app()
