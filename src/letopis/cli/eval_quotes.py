"""`letopis eval quotes ARTICLES GOLD [--errors N] [--json]`: quotes against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def quotes(
    articles: Annotated[Path, typer.Argument(help="the articles, JSON Lines with `id` and `text`")],
    gold: Annotated[Path, typer.Argument(help="the gold quotes, JSON Lines `{id, quotes: [...]}` (gold v1)")],
    errors: Annotated[int, typer.Option("--errors", help="list up to N misses and N false alarms")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="print the full result as JSON")] = False,
    predicted: Annotated[Path | None, typer.Option("--predicted", help="score these records instead of analysing")]
    = None,
) -> None:
    """Analyse the articles and print the figures of ../shared/tools/quote_score.py for the quotes found."""
    from letopis.evaluation.quotes import evaluate, format_report

    for path in (articles, gold, predicted):
        if path is not None and not path.exists():
            typer.echo(f"error: {path} does not exist", err=True)
            raise typer.Exit(2)
    try:
        result = evaluate(articles, gold, predicted, errors)
    except ValueError as exc:  # a gold content that is not in its article
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        typer.echo(format_report(result))
