"""Seconds spent in each stage of the default pipeline over the shared corpus, and how many sentences the
on-demand dependency parse had to read (quotes and events ask only for the sentences they need).

    .venv/bin/python bench/stage_times.py [--limit N] [--corpus PATH]

Figures, not assertions: nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    options = parser.parse_args()

    from letopis.analysis.analyze import default_pipeline
    from letopis.analysis.document import Doc

    with options.corpus.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()][:options.limit]
    pipeline = default_pipeline()
    warm = Doc(text="Путин встретился с Лукашенко в Минске.", meta={})
    pipeline(warm)  # load the models before timing
    seconds: Counter[str] = Counter()
    parsed = sentences = events = 0
    for row in rows:
        doc = Doc(text=row["text"], meta={"date": row.get("date"), "outlet": row.get("outlet")})
        for stage in pipeline.stages:
            start = time.perf_counter()
            stage(doc)
            seconds[stage.name] += time.perf_counter() - start
        parsed += sum(s.parsed for s in doc.sentences)
        sentences += len(doc.sentences)
        events += len(doc.events)
    total = sum(seconds.values())
    print(f"corpus: {options.corpus.name}, {len(rows)} articles, {sentences} sentences, {events} events")
    print(f"{'stage':14} {'seconds':>8} {'share':>7}")
    for stage in pipeline.stages:
        print(f"{stage.name:14} {seconds[stage.name]:8.2f} {seconds[stage.name] / total:7.1%}")
    print(f"{'total':14} {total:8.2f}")
    print(f"sentences parsed: {parsed} of {sentences} ({parsed / max(sentences, 1):.1%})")


if __name__ == "__main__":
    main()
