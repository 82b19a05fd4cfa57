"""`letopis eval events [--data DIR] [--split dev|test|both]`: Meeting events on factRuEval-2016."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def events(
    data: Annotated[Path, typer.Option("--data", help="the factRuEval-2016 folder (holding devset/ and testset/)")]
    = Path("../shared/data/factRuEval-2016"),
    split: Annotated[str, typer.Option("--split", help="dev, test or both")] = "test",
    details: Annotated[bool, typer.Option("--details", help="list each gold Meeting and each unmatched event")]
    = False,
) -> None:
    """Recall and precision of MEET/NEGOTIATE events against factRuEval's Meeting facts."""
    from letopis.evaluation.events import SPLITS, evaluate, format_report

    if split not in SPLITS:
        raise typer.BadParameter(f"unknown split {split!r}: use dev, test or both", param_hint="--split")
    try:
        report = evaluate(data, split, progress=lambda line: typer.echo(line, err=True))
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}; pass --data DIR", err=True)
        raise typer.Exit(2) from exc
    typer.echo(format_report(report, details))
