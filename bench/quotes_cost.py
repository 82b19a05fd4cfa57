"""What the quotes stage costs: corpus analysis speed with and without it.

    python bench/quotes_cost.py [CORPUS.jsonl] [--limit N]

Runs the default pipeline over the corpus (../shared/corpus/news.jsonl by default) twice, once as it is and
once with the quotes stage replaced by one that finds nothing (later stages read `doc.quotes`), and prints articles per second for each, the difference in per cent, and the
time the quotes stage itself took (its own work and the dependency parses it asked for). The models are
loaded and warmed before timing. Each article is analysed both ways in turn, the order alternating, so that
the load of other work on the machine weighs on both sides alike. Speeds and the budget are judged on processor
time (this process's own work, which other programs on a busy machine do not inflate); wall-clock time is
printed beside it.
The brief for the stage allows it at most 15% more analysis time. It takes about a minute each way.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from letopis.analysis.analyze import default_pipeline
from letopis.analysis.document import Doc
from letopis.analysis.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
BUDGET = 0.15


class NoQuotes:
    """The quotes stage left out: later stages that read `doc.quotes` find it empty."""

    name = "quotes"
    requires = ("tokens",)
    assigns = ("quotes",)

    def __call__(self, doc: Doc) -> None:
        doc.quotes = []


class Timed:
    """A stage wrapped to add up the processor time spent in it."""

    def __init__(self, stage):
        self.stage = stage
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns
        self.seconds = 0.0

    def __call__(self, doc: Doc) -> None:
        t = time.process_time()
        self.stage(doc)
        self.seconds += time.process_time() - t


def analyse(pipeline: Pipeline, a: dict) -> tuple[float, float]:
    """Wall-clock and processor seconds of one article's analysis."""
    doc = Doc(text=a["text"], meta={k: a.get(k) for k in ("id", "date", "title", "url", "outlet")})
    doc.attribution.outlet = a.get("outlet")
    wall, cpu = time.perf_counter(), time.process_time()
    pipeline(doc)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    opt = ap.parse_args(argv)
    path = Path(opt.corpus)
    if not path.exists():
        sys.exit(f"{path} is absent: give a corpus file (JSON Lines with a `text` field)")
    with path.open(encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    if opt.limit:
        articles = articles[:opt.limit]
    full = default_pipeline()
    timed = [Timed(s) if s.name == "quotes" else s for s in full.stages]
    with_quotes = Pipeline(timed)
    without = Pipeline([NoQuotes() if s.name == "quotes" else s for s in full.stages])
    for a in articles[:20]:  # load and warm the models
        analyse(with_quotes, a)
        analyse(without, a)
    quotes_stage = next(s for s in timed if isinstance(s, Timed))
    quotes_stage.seconds = 0.0
    wall = {"with": 0.0, "without": 0.0}
    cpu = {"with": 0.0, "without": 0.0}
    for n, a in enumerate(articles):
        # each article both ways, the order alternating: a load that comes and goes hits both alike
        order = ("with", "without") if n % 2 else ("without", "with")
        for way in order:
            w, c = analyse(with_quotes if way == "with" else without, a)
            wall[way] += w
            cpu[way] += c
    n = len(articles)
    extra = cpu["with"] / cpu["without"] - 1
    print(f"articles {n}")
    print(f"without quotes  {n / cpu['without']:6.1f} articles/s  (processor {cpu['without']:6.1f} s, "
          f"wall clock {wall['without']:6.1f} s)")
    print(f"with quotes     {n / cpu['with']:6.1f} articles/s  (processor {cpu['with']:6.1f} s, "
          f"wall clock {wall['with']:6.1f} s)")
    print(f"quotes stage    {quotes_stage.seconds:6.1f} s of processor time, {quotes_stage.seconds / cpu['without']:.1%} "
          f"of the analysis without it")
    print(f"added time      {extra:+.1%} processor, {wall['with'] / wall['without'] - 1:+.1%} wall clock"
          f"  (budget {BUDGET:.0%}: {'within' if extra <= BUDGET else 'OVER'})")


if __name__ == "__main__":
    main(sys.argv[1:])
