"""`letopis eval events [--data factrueval|nerel|DIR] [--split ...]`: Meeting events on factRuEval-2016 or NEREL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def events(
    data: Annotated[str, typer.Option("--data", help="factrueval, nerel, or a folder of either (factRuEval-2016 "
                                      "holds devset/ and testset/, NEREL train/, dev/ and test/)")]
    = "factrueval",
    split: Annotated[str, typer.Option("--split", help="factRuEval: dev, test or both; NEREL: train, dev, test "
                                       "or tune (train and dev)")] = "test",
    details: Annotated[bool, typer.Option("--details", help="list each gold Meeting and each unmatched event")]
    = False,
) -> None:
    """Recall and precision of MEET/NEGOTIATE events against factRuEval's Meeting facts or NEREL's meetings."""
    from letopis.evaluation.events import DEFAULT_DATA, DEFAULT_NEREL, NEREL_SPLITS, SPLITS, evaluate, format_report

    if data in ("factrueval", "nerel"):
        source, root = data, DEFAULT_NEREL if data == "nerel" else DEFAULT_DATA
    else:
        root = Path(data)
        source = "nerel" if (root / "train").is_dir() else "factrueval"
    splits = NEREL_SPLITS if source == "nerel" else SPLITS
    if split not in splits:
        raise typer.BadParameter(f"unknown split {split!r}: use {', '.join(splits)}", param_hint="--split")
    try:
        report = evaluate(root, split, progress=lambda line: typer.echo(line, err=True), source=source)
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}; pass --data DIR", err=True)
        raise typer.Exit(2) from exc
    typer.echo(format_report(report, details))
