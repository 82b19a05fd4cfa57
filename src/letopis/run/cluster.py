"""A Dask distributed runner: the same analysis on a cluster's worker processes, results in input order.

    make_runner(dask="local:2")          # starts a LocalCluster of 2 single-threaded worker processes
    make_runner(dask="tcp://host:8786")  # uses a running scheduler and its workers

Articles go to the workers in small batches (one task per batch keeps the scheduler's overhead well below the
analysis time); at most a few batches per worker are in flight, so memory stays flat however long the input.
Each worker process loads the models once, when the runner starts (workers that join later: on their first
batch), and keeps them. Dask is an optional extra
(`pip install 'letopis[dask]'`).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator

from letopis.errors import LetopisError
from letopis.read.base import RawArticle
from letopis.run.base import Outcome, analyse_one, load_models

BATCH = 8  # articles per task
IN_FLIGHT = 3  # batches per worker at a time

# The workers of a LocalCluster, set up for this work (measured: the same 150 articles took 8.3 s in a
# default worker, 6.1 s in this one and 5.6 s in a plain process):
# - Dask's nanny sets MALLOC_TRIM_THRESHOLD_ for its workers, and any such variable turns off glibc's sliding
#   mmap threshold: every large numpy array of the models is then mapped and unmapped afresh, a third slower
#   analysis. None leaves the variable unset. (Workers started by hand for `--dask tcp://...` want the same:
#   `DASK_CONFIG=deploy/dask dask worker ...`, see deploy/dask/letopis.yaml.)
# - The statistical profiler samples the task's stack every 10 ms; nobody reads it here.
WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}


def analyse_batch(raws: list[RawArticle]) -> list[Outcome]:
    """Runs on a worker: analyse a batch, each failure kept as its article's outcome."""
    return [analyse_one(raw) for raw in raws]


def parse_address(address: str) -> int | str:
    """`local:N` → N (workers of a new LocalCluster); a scheduler address is returned as it is."""
    if address.startswith("local:"):
        try:
            n = int(address.split(":", 1)[1])
        except ValueError:
            n = 0
        if n < 1:
            raise LetopisError(f"--dask {address!r}: write local:N with N >= 1 workers, e.g. local:2")
        return n
    if "://" not in address:
        raise LetopisError(f"--dask {address!r}: give local:N or a scheduler address such as tcp://host:8786")
    return address


class DaskRunner:
    def __init__(self, address: str):
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise LetopisError("Dask is not installed: pip install 'letopis[dask]'") from None
        target = parse_address(address)
        self._cluster = None
        if isinstance(target, int):
            with dask.config.set(WORKER_CONFIG):
                self._cluster = LocalCluster(n_workers=target, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(target, timeout="10s")
            except OSError as exc:
                raise LetopisError(f"cannot reach the Dask scheduler at {target}: {exc}") from None
        self.workers = max(1, len(self._client.scheduler_info()["workers"]))
        self._client.run(load_models)  # every worker loads the models now, all at once

    def analyse(self, items: Iterable[RawArticle]) -> Iterator[Outcome]:
        pending: deque = deque()
        limit = self.workers * IN_FLIGHT
        batches = iter_batches(items, BATCH)
        for batch in batches:
            pending.append((batch, self._client.submit(analyse_batch, batch, pure=False)))
            if len(pending) >= limit:
                yield from self._collect(*pending.popleft())
        while pending:
            yield from self._collect(*pending.popleft())

    def _collect(self, batch: list[RawArticle], future) -> list[Outcome]:
        try:
            return future.result()
        except Exception as exc:  # a worker lost mid-task: report the batch's articles, go on
            return [Outcome(raw.source, error=f"the Dask task failed: {type(exc).__name__}: {exc}") for raw in batch]

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def iter_batches(items: Iterable[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    batch: list[RawArticle] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
