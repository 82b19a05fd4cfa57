"""`letopis eval events [--data factrueval|nerel|corpus|written|devset|PATH] [--split ...]`: Meeting events on
factRuEval-2016, NEREL, or letopis's own annotated sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def events(
    data: Annotated[str, typer.Option("--data", help="factrueval, nerel, corpus (letopis's own annotation of "
                                      "the shared news corpus), written (letopis's own annotated articles), devset (letopis's "
                                      "annotation of factRuEval's devset texts), or a folder of factRuEval-2016 (devset/, "
                                      "testset/) or NEREL (train/, dev/, test/), or a news.jsonl file")]
    = "factrueval",
    split: Annotated[str, typer.Option("--split", help="factRuEval: dev, test or both; NEREL: train, dev, test "
                                       "or tune (train and dev); corpus, written, devset: tune, check or all")] = "test",
    details: Annotated[bool, typer.Option("--details", help="list each gold Meeting and each unmatched event")]
    = False,
) -> None:
    """Recall and precision of MEET/NEGOTIATE events against factRuEval's Meeting facts or NEREL's meetings."""
    from letopis.evaluation.events import (
        CORPUS_SPLITS,
        DEFAULT_CORPUS,
        DEFAULT_DATA,
        DEFAULT_NEREL,
        DEFAULT_WRITTEN,
        NEREL_SPLITS,
        SPLITS,
        WRITTEN_SPLITS,
        evaluate,
        format_report,
    )

    defaults = {"factrueval": DEFAULT_DATA, "nerel": DEFAULT_NEREL, "corpus": DEFAULT_CORPUS,
                "written": DEFAULT_WRITTEN, "devset": DEFAULT_DATA}
    if data in defaults:
        source, root = data, defaults[data]
    else:
        root = Path(data)
        source = "corpus" if root.suffix == ".jsonl" else "nerel" if (root / "train").is_dir() else "factrueval"
    splits = {"nerel": NEREL_SPLITS, "corpus": CORPUS_SPLITS, "written": WRITTEN_SPLITS,
              "devset": CORPUS_SPLITS}.get(source, SPLITS)
    if split not in splits:
        raise typer.BadParameter(f"unknown split {split!r}: use {', '.join(splits)}", param_hint="--split")
    try:
        report = evaluate(root, split, progress=lambda line: typer.echo(line, err=True), source=source)
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}; pass --data DIR", err=True)
        raise typer.Exit(2) from exc
    typer.echo(format_report(report, details))
