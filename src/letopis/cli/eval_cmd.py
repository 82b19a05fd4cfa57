"""`letopis eval ...`: evaluation commands (NER, quotes, events) against gold data."""

from __future__ import annotations

import typer

from letopis.cli import eval_events, eval_ner, eval_quotes

eval_app = typer.Typer(help="Measure letopis against gold annotations.", no_args_is_help=True)
eval_app.command("ner")(eval_ner.ner)
eval_app.command("events")(eval_events.events)
eval_app.command("quotes")(eval_quotes.quotes)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
