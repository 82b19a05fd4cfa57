"""`letopis analyze PATH... [-o OUT] [--pretty] [--workers N | --dask ADDR]`: records as JSON Lines or a summary.

With `-o` the records go to a file (gzipped when it ends in `.gz`): a shard that `letopis load` stores later,
so that many machines can analyse and one database receives the results.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import IO, Annotated

import typer

from letopis.cli.report import Failures
from letopis.cli.show import print_article
from letopis.errors import LetopisError


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)


def analyze(
    paths: Annotated[list[str], typer.Argument(help="files (.txt, .jsonl, optionally .gz), directories, or - for stdin")],
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="write JSON Lines here (gzipped if it ends in .gz)")] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="a readable summary for a person, not JSON")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="write the failed items here as JSON Lines")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=256,
                                         help="analyse in this many processes")] = 1,
    dask: Annotated[str | None, typer.Option("--dask", help="analyse on Dask: local:N or tcp://host:8786")] = None,
) -> None:
    """Analyse articles and print one letopis.article/1 record per article."""
    from letopis.read import read_paths
    from letopis.run import make_runner

    failures = Failures(report)
    count = 0

    def readable():
        for item in read_paths(paths):
            if isinstance(item, Exception):
                failures.add(item.item, item.problem)
            else:
                yield item

    try:
        runner = make_runner(workers, dask)
    except LetopisError as exc:
        typer.echo(f"letopis: {exc}", err=True)
        raise typer.Exit(2) from None
    out = open_output(output)
    try:
        for outcome in runner.analyse(readable()):
            if outcome.article is None:
                failures.add(outcome.source, outcome.error or "analysis failed")
                continue
            count += 1
            if pretty:
                print_article(outcome.article, file=out if output else None)
            else:
                out.write(json.dumps(outcome.article.to_json(), ensure_ascii=False) + "\n")
    finally:
        runner.close()
        if output:
            out.close()
    failures.finish(f"{count} article(s) analysed")


def open_output(path: Path | None) -> IO[str]:
    if path is None:
        return sys.stdout
    if path.suffix == ".gz":
        return gzip.open(path, "wt", encoding="utf-8")
    return path.open("w", encoding="utf-8")
