"""`letopis eval ner [--data DIR] [--set NAME]`: NER and grouping scores on factRuEval-2016."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def ner(
    data: Annotated[Path, typer.Option("--data", help="the factRuEval-2016 folder (holding devset/ and testset/)")]
    = Path("../shared/data/factRuEval-2016"),
    sets: Annotated[list[str] | None, typer.Option("--set", help="devset or testset; repeat for both (default)")]
    = None,
) -> None:
    """Exact-span P/R/F1 per type for plain natasha and letopis side by side, and B-cubed of our grouping."""
    from letopis.evaluation import factru
    from letopis.evaluation.ner import evaluate, format_report

    chosen = tuple(sets or factru.SETS)
    unknown = [s for s in chosen if s not in factru.SETS]
    if unknown:
        raise typer.BadParameter(f"unknown set {', '.join(unknown)}: use devset or testset", param_hint="--set")
    try:
        report = evaluate(data, chosen, progress=lambda line: typer.echo(line, err=True))
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}; pass --data DIR", err=True)
        raise typer.Exit(2) from exc
    typer.echo(format_report(report))
