"""The runner interface: raw articles in, one `Outcome` per article out, in input order.

A runner only analyses; it never touches the store, so one writer in the calling process stores the
results whatever runs the analysis (this process, a pool of processes, or — later — a Dask cluster).
A runner must pull its input lazily from the calling thread, so that the caller may consult the store while
producing the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from letopis.model import Article
from letopis.read.base import RawArticle


@dataclass(slots=True)
class Outcome:
    """The result for one input: its record, or why there is none."""

    source: str
    article: Article | None = None
    error: str | None = None


class Runner(Protocol):
    workers: int

    def analyse(self, items: Iterable[RawArticle]) -> Iterator[Outcome]:
        """Analyse every item; one Outcome per item, in input order."""

    def close(self) -> None:
        """Stop any worker processes."""


def load_models() -> None:
    """Load the models in this process now (a worker calls it on start, so no article waits for them)."""
    from letopis.analysis import analyze

    analyze("Президент Казахстана Касым-Жомарт Токаев заявил, что переговоры продолжатся.")


def analyse_one(raw: RawArticle) -> Outcome:
    """Analyse one article; an exception becomes the outcome's error, so a bad article never stops a batch."""
    from letopis.analysis import analyze_raw

    try:
        return Outcome(raw.source, analyze_raw(raw))
    except Exception as exc:
        return Outcome(raw.source, error=f"analysis failed: {type(exc).__name__}: {exc}")


def make_runner(workers: int = 1, dask: str | None = None) -> Runner:
    """On a Dask cluster when `dask` is given (`local:N` or a scheduler address), else in this process for one
    worker, else a pool of `workers` processes."""
    if dask:
        from letopis.run.cluster import DaskRunner

        return DaskRunner(dask)
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if workers == 1:
        from letopis.run.serial import SerialRunner

        return SerialRunner()
    from letopis.run.pool import ProcessPoolRunner

    return ProcessPoolRunner(workers)
