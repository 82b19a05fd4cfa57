"""Speed and scale of letopis on the shared corpus, in one run, printed as a table (issue 7).

    .venv/bin/python bench/scale.py [--limit N] [--corpus PATH] [--skip-scaling]

(a) natasha's own segment + morph + syntax + NER pipeline;
(b) letopis full analysis (entities, quotes, events, dates, attribution);
(c) letopis ingest into a fresh SQLite database (analysis + storage, one writer; models and libraries loaded
    before timing, as for (b));
(d) scaling: a pool of 1 and of 2 worker processes, and a 2-worker Dask LocalCluster;
(e) a projection, from the measured per-core rate, of the cores needed for 200,000 articles a day and for a
    10-million-article back-catalogue in 24 hours.

(a)–(c) run in this process on one core (numerical libraries held to one thread). Peak RSS is this process's
for (a)–(c) and the largest worker's for (d). Figures, not assertions.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"  # per-core figures: before numpy is imported anywhere

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from analysis_speed import CORPUS, load, run_letopis, run_natasha  # noqa: E402

DAY = 86_400


def rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_ingest(corpus: Path, limit: int | None) -> float:
    from letopis.ingest.ingest import ingest
    from letopis.run.serial import SerialRunner
    from letopis.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        source = corpus
        if limit:
            source = Path(tmp) / "part.jsonl"
            source.write_text("".join(corpus.open(encoding="utf-8").readlines()[:limit]), encoding="utf-8")
        store = open_store(str(Path(tmp) / "bench.db"))
        try:
            from letopis.ingest.dedup import fingerprint

            # one-time start-up kept out of the per-article rate, as the models' loading is kept out of (b):
            # the near-duplicate signatures' library (datasketch pulls in scipy: half a second)
            fingerprint("один два три четыре пять шесть семь восемь девять десять")
            start = time.perf_counter()
            report = ingest(store, [str(source)], runner=SerialRunner())
            seconds = time.perf_counter() - start
        finally:
            store.close()
    if report.failed:
        print(f"warning: {report.failed} article(s) failed during ingest", file=sys.stderr)
    return seconds


def run_runner(make, rows: list[dict]) -> float:
    from letopis.read.base import RawArticle

    raws = [RawArticle(text=r["text"], source=r.get("id") or "", id=r.get("id"), date=r.get("date"),
                       outlet=r.get("outlet")) for r in rows]
    runner = make()
    try:
        for _ in runner.analyse(raws[:4]):  # start the workers and load their models before timing
            pass
        start = time.perf_counter()
        for _ in runner.analyse(raws):
            pass
        return time.perf_counter() - start
    finally:
        runner.close()


def scaling(rows: list[dict]) -> list[tuple[str, float]]:
    from letopis.run.cluster import DaskRunner
    from letopis.run.pool import ProcessPoolRunner

    return [
        ("(d) process pool, 1 worker", run_runner(lambda: ProcessPoolRunner(1), rows)),
        ("(d) process pool, 2 workers", run_runner(lambda: ProcessPoolRunner(2), rows)),
        ("(d) Dask LocalCluster, 2 workers", run_runner(lambda: DaskRunner("local:2"), rows)),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--skip-scaling", action="store_true", help="leave out (d)")
    opt = ap.parse_args()
    if not opt.corpus.exists():
        raise SystemExit(f"corpus not found: {opt.corpus} (the shared data lives beside the repository)")
    rows = load(opt.corpus, opt.limit)
    import razdel

    n, tokens = len(rows), sum(sum(1 for _ in razdel.tokenize(r["text"])) for r in rows)
    a = run_natasha([r["text"] for r in rows])
    rss_a = rss_mb()
    b = run_letopis(rows)
    c = run_ingest(opt.corpus, opt.limit)
    rss_abc = rss_mb()
    lines = [("(a) natasha segment+morph+syntax+NER", a), ("(b) letopis full analysis", b),
             ("(c) letopis ingest into SQLite", c)]
    if not opt.skip_scaling:
        lines += scaling(rows)
    print(f"corpus {opt.corpus.name}: {n} articles, {tokens:,} tokens; one core unless said otherwise")
    print(f"{'run':40s} {'seconds':>8s} {'articles/s':>11s} {'tokens/s':>9s}")
    for label, secs in lines:
        print(f"{label:40s} {secs:8.1f} {n / secs:11.1f} {tokens / secs:9.0f}")
    print(f"ratio b/a (letopis analysis speed / natasha's): {a / b:.2f}")
    print(f"ratio c/b (ingest speed / analysis speed):      {b / c:.2f}")
    if not opt.skip_scaling:
        one, two, dask = (secs for _, secs in lines[3:])
        print(f"scaling: 2 workers / 1 worker = {one / two:.2f}x; Dask / pool (2 workers) = {two / dask:.2f}")
        print(f"peak RSS: natasha run {rss_a:.0f} MB; this process after (a)-(c) {rss_abc:.0f} MB; "
              f"largest worker process {rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    else:
        print(f"peak RSS: natasha run {rss_a:.0f} MB; this process after (a)-(c) {rss_abc:.0f} MB")
    per_core = n / c  # articles per second per core, analysis and storage
    print(f"(e) at {per_core:.1f} articles/s per core (ingest): 200,000 articles a day need "
          f"{200_000 / (per_core * DAY):.1f} core(s); 10,000,000 articles in 24 hours need "
          f"{10_000_000 / (per_core * DAY):.0f} cores")


if __name__ == "__main__":
    main()
