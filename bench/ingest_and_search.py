"""Ingestion beside pure analysis, and search latency on a database of 100,000 articles.

    .venv/bin/python bench/ingest_and_search.py [--corpus PATH] [--limit N] [--articles 100000] [--dir DIR]
    .venv/bin/python bench/ingest_and_search.py --dir DIR --search-only     # part 4 again on DIR/big.db

1. Ingest the corpus into a fresh SQLite database with `letopis.ingest.ingest` (serial runner), timing the
   analysis calls and the store writes inside the same run: pure analysis throughput = articles / analysis
   time; ingestion throughput = articles / whole run; the storage cost is the rest of the run (reading,
   checks, writes) over the analysis time.
2. Ingest the corpus again: nothing is analysed or stored (the run says so); its time is printed.
3. Replicate the stored records with changed ids (and URLs) into a second database until it holds `--articles`
   articles (no analysis: `put_articles` in batches), then time searches and statement queries: median and
   95th percentile over a fixed list of queries (words, names, two-word queries), each run after one warm-up.
Figures, not assertions: nothing here is a test. Takes long: about the corpus's analysis time plus
the replication (several minutes on one core).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
QUERY_WORDS = ["переговоры", "переговорах", "президент", "Россия", "России", "Украина", "правительство",
               "выборы", "нефть", "пошлины", "Госдума", "суд", "полиция", "министр", "Москве", "Путин",
               "Медведева", "экономика", "кризис", "банк", "закон", "война", "договор", "Китай", "США",
               "футбол", "погода", "школа", "ёлка", "Алтай"]
TWO_WORDS = ["президент России", "цены на нефть", "выборы в Госдуму", "министр финансов", "суд приговорил",
             "переговоры с Украиной", "экспортные пошлины", "Барнаул Алтай", "полиция задержала", "курс рубля"]


class TimedRunner:
    """The serial runner, adding up the time spent in analysis."""

    def __init__(self) -> None:
        from letopis.run.serial import SerialRunner

        self.inner = SerialRunner()
        self.workers = 1
        self.seconds = 0.0

    def analyse(self, items):
        from letopis.run.base import analyse_one

        for raw in items:
            start = time.perf_counter()
            outcome = analyse_one(raw)
            self.seconds += time.perf_counter() - start
            yield outcome

    def close(self) -> None:
        pass


class TimedStore:
    """A store whose put_article calls are timed; everything else passes through."""

    def __init__(self, store) -> None:
        self.store = store
        self.put_seconds = 0.0

    def put_article(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.store.put_article(*args, **kwargs)
        finally:
            self.put_seconds += time.perf_counter() - start

    def __getattr__(self, name):
        return getattr(self.store, name)


def ingestion(corpus: str, db: Path) -> None:
    from letopis.analysis import analyze
    from letopis.ingest.ingest import ingest
    from letopis.store import open_store

    analyze("Президент Казахстана Касым-Жомарт Токаев заявил, что переговоры продолжатся.")  # load the models
    store = TimedStore(open_store(db))
    runner = TimedRunner()
    start = time.perf_counter()
    report = ingest(store, [corpus], runner=runner)
    total = time.perf_counter() - start
    n = report.stored
    print(f"1. first ingestion of {corpus}: {report.read} read, {report.inserted} stored, {report.failed} failed")
    print(f"   pure analysis      {n / runner.seconds:7.2f} articles/s   ({runner.seconds:.1f} s in analysis)")
    print(f"   ingestion          {n / total:7.2f} articles/s   ({total:.1f} s for the whole run)")
    print(f"   store writes       {store.put_seconds / n * 1000:7.2f} ms/article")
    print(f"   storage cost       {(total - runner.seconds) / runner.seconds * 100:7.1f} % of the analysis time "
          "(reading, checks, writes)")
    start = time.perf_counter()
    again = ingest(store.store, [corpus])
    print(f"2. second ingestion: {again.read} read, {again.stored} stored, {again.skipped} already stored, "
          f"{again.failed} failed in {time.perf_counter() - start:.1f} s")
    store.store.close()


def replicate(source_db: Path, db: Path, target: int, batch: int = 500) -> None:
    from letopis.store import open_store

    with open_store(source_db) as src:
        records = list(src.iter_articles())
    copies = -(-target // len(records))
    start = time.perf_counter()
    n = 0
    with open_store(db) as dst:
        for k in range(copies):
            chunk = []
            for a in records:
                if n >= target:
                    break
                url = f"{a.url}#copy{k}" if a.url else None
                chunk.append(dataclasses.replace(a, id=f"{a.id}~{k}", url=url))
                n += 1
                if len(chunk) >= batch:
                    dst.put_articles(chunk, skip_same_text=False)
                    chunk = []
            if chunk:
                dst.put_articles(chunk, skip_same_text=False)
        stats = dst.stats()
    seconds = time.perf_counter() - start
    print(f"3. replicated {len(records)} records {copies} times: {stats.articles} articles, {stats.quotes} statements,"
          f" {stats.entities} entities in {seconds:.0f} s ({stats.articles / seconds:.0f} articles/s written); "
          f"file {db.stat().st_size / 1e9:.2f} GB")


def latencies(fn, queries: list) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each query, after one warm-up round (stemmer caches, database pages).
    CPU time is printed too because on a shared machine the wall clock also counts other people's work."""
    for q in queries:
        fn(q)
    wall, cpu = [], []
    for q in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        fn(q)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def search_latency(db: Path) -> None:
    from letopis.store import QuoteFilter, open_store

    with open_store(db) as store:
        speakers = [e.name for e in store.entities(type="PER", limit=20).items]
        kinds = {
            "search (20 best, snippets)": (lambda q: store.search(q, limit=20), QUERY_WORDS + TWO_WORDS),
            "statements containing": (lambda q: store.quotes(QuoteFilter(query=q), limit=20), QUERY_WORDS + TWO_WORDS),
            "statements by speaker": (lambda q: store.quotes(QuoteFilter(speaker=q), limit=20), speakers),
            "entity page": (lambda q: store.entity(q), speakers),
            "list articles (page 1)": (lambda q: store.list_articles(limit=50), ["-"] * 20),
        }
        print(f"4. latency on {store.stats().articles} articles (SQLite, ms over {len(QUERY_WORDS + TWO_WORDS)} "
              "queries; speakers: the 20 most written-about people)")
        print(f"   {'query':30} {'median':>8} {'p95':>8} {'max':>8}   {'cpu median':>10} {'cpu p95':>8}")
        for name, (fn, queries) in kinds.items():
            ms, cpu = latencies(fn, queries)
            print(f"   {name:30} {statistics.median(ms):8.1f} {p95(ms):8.1f} {max(ms):8.1f}   "
                  f"{statistics.median(cpu):10.1f} {p95(cpu):8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--limit", type=int, default=None, help="ingest only the first N corpus articles")
    parser.add_argument("--articles", type=int, default=100_000, help="size of the search database")
    parser.add_argument("--dir", default=None, help="keep the databases here (default: a temporary folder)")
    parser.add_argument("--search-only", action="store_true", help="only part 4, on DIR/big.db of an earlier run")
    args = parser.parse_args()
    if args.search_only:
        if not args.dir:
            parser.error("--search-only needs the --dir of an earlier run")
        search_latency(Path(args.dir) / "big.db")
        return
    folder = Path(args.dir or tempfile.mkdtemp(prefix="letopis-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = args.corpus
    if args.limit:
        corpus = str(folder / "corpus-part.jsonl")
        with open(args.corpus, encoding="utf-8") as f, open(corpus, "w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i >= args.limit:
                    break
                out.write(line)
    first, big = folder / "corpus.db", folder / "big.db"
    for p in (first, big):
        for suffix in ("", "-wal", "-shm"):
            Path(str(p) + suffix).unlink(missing_ok=True)
    ingestion(corpus, first)
    replicate(first, big, args.articles)
    search_latency(big)
    print(f"databases in {folder}")


if __name__ == "__main__":
    main()
