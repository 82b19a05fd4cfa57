"""A pool of worker processes, each loading the models once; results come back in input order.

At most `WINDOW` articles per worker are in flight, so memory does not grow with the input. Workers ignore
Ctrl-C (the parent stops them). A worker that dies (killed, out of memory) fails the articles it held,
each reported, and the pool is started again.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from letopis.read.base import RawArticle
from letopis.run.base import Outcome, analyse_one, load_models

WINDOW = 8


def warm_up() -> None:
    """Worker start: ignore SIGINT, keep numerical libraries to one thread (the pool is the parallelism), and
    load the models before the first article arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"  # read when numpy loads, which happens below
    load_models()


class ProcessPoolRunner:
    def __init__(self, workers: int):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=warm_up)
        return self._pool

    def analyse(self, items: Iterable[RawArticle]) -> Iterator[Outcome]:
        pending: deque[list] = deque()  # [raw, future, pool it went to]
        limit = self.workers * WINDOW
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                raw = next(source, None)
                if raw is None:
                    exhausted = True
                    break
                pending.append(self._submit(raw))
            if not pending:
                return
            raw, future, pool = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                yield Outcome(raw.source, error="the analysis worker process died (killed or out of memory)")
                self._restart(pool)
                for job in pending:  # the others were lost with the pool: send them again
                    if job[2] is pool:
                        job[:] = self._submit(job[0])

    def _submit(self, raw: RawArticle) -> list:
        pool = self._executor()
        return [raw, pool.submit(analyse_one, raw), pool]

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        if self._pool is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessPoolRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
