"""Analysis speed on the shared corpus: letopis' whole analysis beside natasha's own pipeline, in one run.

    .venv/bin/python bench/analysis_speed.py [--limit N] [--corpus PATH]

(a) natasha: Doc.segment + tag_morph + parse_syntax + tag_ner on every article (its standard full pipeline);
(b) letopis: `letopis.analyze` on the same articles (entities, quotes, events, ... whatever the default
    pipeline holds). Models are loaded and warmed before timing; each side runs once over all articles.
Prints articles/s, tokens/s and the ratio b/a. Figures, not assertions: nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def load(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def run_natasha(texts: list[str]) -> float:
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    seg, morph, syntax, ner = Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)

    def one(text: str) -> None:
        doc = Doc(text)
        doc.segment(seg)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)

    one(texts[0])  # warm up
    start = time.perf_counter()
    for text in texts:
        one(text)
    return time.perf_counter() - start


def run_letopis(rows: list[dict]) -> float:
    import letopis

    letopis.analyze(rows[0]["text"])  # load models, warm up
    start = time.perf_counter()
    for row in rows:
        letopis.analyze(row["text"], row.get("date"), id=row.get("id"), outlet=row.get("outlet"))
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    opt = ap.parse_args()
    if not opt.corpus.exists():
        raise SystemExit(f"corpus not found: {opt.corpus} (the shared data lives beside the repository)")
    rows = load(opt.corpus, opt.limit)
    texts = [r["text"] for r in rows]
    import razdel

    tokens = sum(sum(1 for _ in razdel.tokenize(t)) for t in texts)
    a = run_natasha(texts)
    b = run_letopis(rows)
    print(f"corpus: {opt.corpus.name}, {len(rows)} articles, {tokens} tokens")
    print(f"{'pipeline':44s} {'seconds':>8s} {'articles/s':>11s} {'tokens/s':>10s}")
    for label, secs in (("(a) natasha segment+morph+syntax+NER", a), ("(b) letopis full analysis", b)):
        print(f"{label:44s} {secs:8.1f} {len(rows) / secs:11.1f} {tokens / secs:10.0f}")
    print(f"ratio b/a (speed of letopis relative to natasha): {a / b:.2f}")


if __name__ == "__main__":
    main()
