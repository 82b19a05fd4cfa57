"""The HTTP API under a bounded mixed load WHILE an ingestion writes into the same SQLite database.

    .venv/bin/python bench/load_mixed.py                          # 8 clients, 60 s
    .venv/bin/python bench/load_mixed.py --clients 4 --seconds 30 --initial 100

Steps: (1) `letopis ingest` the first --initial articles of ../shared/corpus/news.jsonl (or the examples when
that is absent) into a fresh database in a temporary folder; (2) start `letopis serve` on a free 127.0.0.1 port
(one uvicorn worker, a separate process); (3) start a second `letopis ingest` of the next --more articles into
the same database and wait until it has stored its first article; (4) run --clients concurrent clients for
--seconds against full-text search, quote queries (by words, speaker, mentioned entity), article pages (HTML)
and article records (JSON), the article ids refreshed from the newest articles every few seconds so that
freshly written ones are read too; (5) stop the ingestion with Ctrl-C (SIGINT) and the server.

Prints, per kind of request and overall: requests, requests/s, p50/p95/p99/max latency and errors (any status
other than 200, or no answer); and how many articles the ingestion stored during the load. Figures, never
assertions: the load is bounded by the number of clients (each waits for its answer before the next request).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_api import start_server, stop, summary  # noqa: E402  (the sibling bench's server helpers)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
EXAMPLES = ROOT / "examples"
WORDS = ["переговоры", "переговорах", "президент", "выборы", "Москве", "экономика", "санкции", "министр",
         "Украина", "суд", "бюджет", "правительство России", "нефть", "Госдума"]
SPEAKERS = ["Путин", "Песков", "Лавров", "Медведев", "Захарова", "Трамп", "Зеленский"]
KINDS = ("search", "quotes", "article page", "article json", "articles list")
Result = tuple[str, float, bool]


def letopis_cmd() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "letopis"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "letopis"]


def split_input(folder: Path, initial: int, more: int) -> tuple[Path, Path]:
    """Two JSON Lines files: the articles stored before the load, and the ones ingested during it."""
    lines: list[str] = []
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as f:
            lines = list(itertools.islice((x for x in f if x.strip()), initial + more))
    else:
        for path in sorted(EXAMPLES.glob("*.txt")):
            lines.append(json.dumps({"text": path.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    first.write_text("".join(lines[:initial]), encoding="utf-8")
    second.write_text("".join(lines[initial:]), encoding="utf-8")
    return first, second


def articles(url: str) -> int:
    return httpx.get(url + "/api/stats", timeout=30).json()["articles"]


def start_ingestion(source: Path, db: Path, url: str, before: int) -> subprocess.Popen:
    """`letopis ingest` in its own process; returns once it has stored its first article."""
    proc = subprocess.Popen([*letopis_cmd(), "ingest", str(source), "--db", str(db), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while articles(url) <= before:
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the ingestion stored nothing: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        time.sleep(0.5)
    return proc


class Mix:
    """The requests, in a fixed rotation: searches, quote queries, article pages and records."""

    def __init__(self, ids: list[str]):
        self.ids = ids
        self.n = 0

    def next(self) -> tuple[str, str, dict[str, str]]:
        self.n += 1
        i = self.n
        word, speaker = WORDS[i % len(WORDS)], SPEAKERS[i % len(SPEAKERS)]
        article = self.ids[i % len(self.ids)]
        return [("search", "/api/search", {"q": word, "limit": "20"}),
                ("quotes", "/api/quotes", [{"q": word}, {"speaker": speaker}, {"about": speaker}][i % 3]),
                ("article page", f"/articles/{article}", {}),
                ("article json", f"/api/articles/{article}", {})][i % 4]


async def client(http: httpx.AsyncClient, mix: Mix, until: float, results: list[Result]) -> None:
    while time.monotonic() < until:
        kind, path, params = mix.next()
        start = time.perf_counter()
        try:
            ok = (await http.get(path, params=params)).status_code == 200
        except httpx.HTTPError:
            ok = False
        results.append((kind, time.perf_counter() - start, ok))


async def refresh_ids(http: httpx.AsyncClient, mix: Mix, until: float, results: list[Result]) -> None:
    """Every 3 s, read the newest articles, so that the clients also ask for the ones just written."""
    while time.monotonic() < until:
        start = time.perf_counter()
        try:
            response = await http.get("/api/articles", params={"limit": "50"})
            ok = response.status_code == 200
            if ok:
                mix.ids = [a["id"] for a in response.json()["items"]] + mix.ids[:150]
        except httpx.HTTPError:
            ok = False
        results.append(("articles list", time.perf_counter() - start, ok))
        await asyncio.sleep(3)


async def run_load(url: str, clients: int, seconds: float) -> tuple[list[Result], float]:
    results: list[Result] = []
    limits = httpx.Limits(max_connections=clients + 1, max_keepalive_connections=clients + 1)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as http:
        first = (await http.get("/api/articles", params={"limit": "200"})).json()["items"]
        mix = Mix([a["id"] for a in first])
        start = time.monotonic()
        until = start + seconds
        await asyncio.gather(refresh_ids(http, mix, until, results),
                             *(client(http, mix, until, results) for _ in range(clients)))
        return results, time.monotonic() - start


def interrupt(proc: subprocess.Popen) -> str:
    """Ctrl-C the ingestion (it stops between articles) and return its last words."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    lines = err.decode(errors="replace").strip().splitlines()
    return f"exit {proc.returncode}: {lines[-1] if lines else ''}"


def report(results: list[Result], elapsed: float, stored: int, ingestion: str, args: argparse.Namespace) -> None:
    rows = [summary(k, [r for r in results if r[0] == k], elapsed) for k in KINDS if any(r[0] == k for r in results)]
    rows.append(summary("all", results, elapsed))
    print(f"{'requests':<14} {'count':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} "
          f"{'errors':>6}")
    for r in rows:
        print(f"{r['endpoint']:<14} {r['requests']:>7} {r['requests_per_s']:>7} {r['p50_ms']:>8} {r['p95_ms']:>8} "
              f"{r['p99_ms']:>8} {r['max_ms']:>8} {r['errors']:>6}")
    print(f"ingestion during the load: {stored} articles stored in {elapsed:.0f} s "
          f"({stored / elapsed:.2f} articles/s); then stopped with Ctrl-C, {ingestion}")
    print(json.dumps({"clients": args.clients, "seconds": args.seconds, "cpus": os.cpu_count(),
                      "stored_during_load": stored, "results": rows}, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (the bound on the load)")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--initial", type=int, default=150, help="articles stored before the load")
    parser.add_argument("--more", type=int, default=600, help="articles the ingestion may store during the load")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="letopis-mixed-"))
    db = folder / "letopis.db"
    first, second = split_input(folder, args.initial, args.more)
    t0 = time.monotonic()
    subprocess.run([*letopis_cmd(), "ingest", str(first), "--db", str(db), "-q"], check=True)
    print(f"built {db} in {time.monotonic() - t0:.0f} s", file=sys.stderr)
    server, url = start_server(db)
    ingestion = None
    try:
        before = articles(url)
        ingestion = start_ingestion(second, db, url, before)
        during = articles(url)
        print(f"server {url}: {during} articles; an ingestion of {second.name} is writing; {args.clients} clients "
              f"for {args.seconds:.0f} s on {os.cpu_count()} CPU(s)", file=sys.stderr)
        results, elapsed = asyncio.run(run_load(url, args.clients, args.seconds))
        stored = articles(url) - during
        last_words = interrupt(ingestion)
    finally:
        if ingestion is not None and ingestion.poll() is None:
            ingestion.kill()
        stop(server)
    report(results, elapsed, stored, last_words, args)


if __name__ == "__main__":
    main()
