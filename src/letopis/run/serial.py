"""The in-process runner: one article after another, models loaded once in this process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from letopis.read.base import RawArticle
from letopis.run.base import Outcome, analyse_one


class SerialRunner:
    workers = 1

    def analyse(self, items: Iterable[RawArticle]) -> Iterator[Outcome]:
        for raw in items:
            yield analyse_one(raw)

    def close(self) -> None:
        pass

    def __enter__(self) -> SerialRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
