"""Ingestion: sources → raw articles → (already stored? skip) → analysis by a runner → one writer → store.

Idempotent: an input whose text is stored already (by URL, id or text) is skipped before analysis; an input
at a stored URL (or id) with another text is analysed again and replaces the stored one, keeping its id.
Analysed articles are written in groups, one transaction per group (up to `commit_every` articles, 50 by
default, or GROUP_SECONDS of work: a commit per article cost a sixth of the analysis time in SQLite, most of it in
syncing the file). A run stopped at any point therefore leaves whole articles only: kill -9 loses at most the
group being gathered, Ctrl-C stores it first, and running again stores exactly what is missing. The run's
progress is recorded in the `runs` table as it goes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from letopis.errors import InputError
from letopis.ingest.fetch import FetchPolicy
from letopis.ingest.sources import read_sources
from letopis.model import Article
from letopis.read.base import RawArticle, ReadResult
from letopis.run import Runner, make_runner
from letopis.store.base import Store
from letopis.store.write import text_hash

CHECKPOINT_SECONDS = 5.0
GROUP_ARTICLES = 50
GROUP_SECONDS = 1.0


@dataclass(slots=True)
class IngestOptions:
    workers: int = 1
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    reanalyse: bool = False  # analyse and replace articles even when their text is stored already
    dask: str | None = None  # run the analysis on Dask: `local:N` or a scheduler address
    commit_every: int = GROUP_ARTICLES  # articles per transaction (fewer when GROUP_SECONDS pass first)


@dataclass(slots=True)
class IngestReport:
    run_id: int = 0
    read: int = 0  # input articles read (failed inputs included)
    inserted: int = 0
    updated: int = 0
    skipped: int = 0  # already stored, or repeated within this run
    failed: int = 0
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        return self.inserted + self.updated

    @property
    def done(self) -> int:
        return self.stored + self.skipped + self.failed

    @property
    def rate(self) -> float:
        """Articles analysed and stored per second."""
        return self.stored / self.seconds if self.seconds > 0 else 0.0

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "inserted": self.inserted, "updated": self.updated, "skipped": self.skipped,
                "failed": self.failed}


Failure = Callable[[str, str], None]  # (item, problem)
Progress = Callable[[IngestReport], None]


def ingest(store: Store, sources: Sequence[str], options: IngestOptions | None = None, *,
           on_failure: Failure | None = None, on_progress: Progress | None = None,
           runner: Runner | None = None) -> IngestReport:
    """Ingest every article of `sources` into `store`; failures are reported through `on_failure` and the run
    goes on. KeyboardInterrupt stops the run (recorded as interrupted) and is raised again."""
    options = options or IngestOptions()
    report = IngestReport(run_id=store.start_run(list(sources)))
    fail = on_failure or (lambda item, problem: None)
    own_runner = runner is None
    runner = runner or make_runner(options.workers, options.dask)
    status = "interrupted"
    group = Group(store, report, options.reanalyse, options.commit_every)
    try:
        todo = to_analyse(read_sources(sources, options.policy), store, report, fail, options.reanalyse)
        last_checkpoint = time.monotonic()
        for outcome in runner.analyse(todo):
            if outcome.article is None:
                report.failed += 1
                fail(outcome.source, outcome.error or "analysis failed")
            else:
                group.add(outcome.article)
            report.seconds = time.monotonic() - report.started
            if on_progress:
                on_progress(report)
            if time.monotonic() - last_checkpoint > CHECKPOINT_SECONDS:
                store.finish_run(report.run_id, "running", **report.counts())
                last_checkpoint = time.monotonic()
        group.write()
        status = "done"
    except KeyboardInterrupt:
        group.write()  # analysed already: keep them
        raise
    except Exception:
        status = "failed"
        raise
    finally:
        report.seconds = time.monotonic() - report.started
        if own_runner:
            runner.close()
        store.finish_run(report.run_id, status, **report.counts())
    return report


class Group:
    """Analysed articles waiting to be written together, in one transaction."""

    def __init__(self, store: Store, report: IngestReport, replace: bool, size: int):
        self.store, self.report, self.replace, self.size = store, report, replace, size
        self.articles: list[Article] = []
        self.since = time.monotonic()

    def add(self, article: Article) -> None:
        if not self.articles:
            self.since = time.monotonic()
        self.articles.append(article)
        if len(self.articles) >= self.size or time.monotonic() - self.since >= GROUP_SECONDS:
            self.write()

    def write(self) -> None:
        articles, self.articles = self.articles, []
        if articles:
            for result in self.store.put_articles(articles, run_id=self.report.run_id, replace=self.replace):
                count(self.report, result.status)


def count(report: IngestReport, status: str) -> None:
    if status == "inserted":
        report.inserted += 1
    elif status == "updated":
        report.updated += 1
    else:  # unchanged or duplicate: stored meanwhile under another id
        report.skipped += 1


def to_analyse(items: Iterable[ReadResult], store: Store, report: IngestReport, fail: Failure,
               reanalyse: bool) -> Iterator[RawArticle]:
    """The inputs that need analysis: not stored yet, or stored with another text (then under the same id)."""
    seen: set[str] = set()
    for item in items:
        report.read += 1
        if isinstance(item, InputError):
            report.failed += 1
            fail(item.item, item.problem)
            continue
        digest = text_hash(item.text)
        if digest in seen:
            report.skipped += 1
            continue
        seen.add(digest)
        if not reanalyse:
            check = store.check(item.text, item.url, item.id)
            if check.status == "same":
                report.skipped += 1
                continue
            if check.status == "changed" and not item.id:
                item.id = check.article_id
        yield item
