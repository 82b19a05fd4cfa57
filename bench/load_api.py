"""A bounded load test of the HTTP API on 127.0.0.1: N concurrent clients for S seconds against search and quotes.

    .venv/bin/python bench/load_api.py                      # 50 clients, 20 s, a database built from the corpus
    .venv/bin/python bench/load_api.py --db my.db --clients 20 --seconds 10
    .venv/bin/python bench/load_api.py --url http://127.0.0.1:8000   # a server that is already running

Without --url it starts `letopis serve` on a free port as a separate process (one uvicorn worker), so the
clients and the server do not share an interpreter. Without --db it builds a database in a temporary folder
from the first --articles articles of ../shared/corpus/news.jsonl (or the examples when that is absent).
Prints requests/s, latency percentiles and the error count (any status other than 200, or no answer), per
endpoint and overall. Figures, never assertions.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import quantiles

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
SEARCHES = ["переговоры", "переговорах", "Токаева", "президент", "выборы", "Москве", "экономика", "санкции",
            "заявил", "министр", "Украина", "суд", "бюджет", "война", "правительство России"]
SPEAKERS = ["Путин", "Токаева", "Песков", "Зеленский", "Лавров", "Захарова", "Трамп"]


def requests_cycle() -> itertools.cycle:
    """Search and quote queries in a fixed mix: half full-text search, half quote queries with filters."""
    mix: list[tuple[str, str, dict[str, str]]] = []
    for i, word in enumerate(SEARCHES):
        mix.append(("search", "/api/search", {"q": word, "limit": "20"}))
        speaker = SPEAKERS[i % len(SPEAKERS)]
        mix.append(("quotes", "/api/quotes", {"speaker": speaker, "limit": "20"} if i % 2 else {"q": word, "limit": "20"}))
    return itertools.cycle(mix)


def build_database(path: Path, n_articles: int) -> int:
    """Analyse and store the first `n_articles` of the corpus (or the examples); returns how many are stored."""
    from letopis.analysis import analyze_raw
    from letopis.read import read_paths
    from letopis.store import open_store

    source = str(CORPUS) if CORPUS.exists() else str(ROOT / "examples")
    with open_store(path) as store:
        for raw in itertools.islice((r for r in read_paths([source]) if not isinstance(r, Exception)), n_articles):
            store.put_article(analyze_raw(raw))
        return store.stats().articles


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [str(ROOT / ".venv" / "bin" / "letopis"), "serve", "--db", str(db), "--port", str(port)]
    if not Path(cmd[0]).exists():
        cmd = [sys.executable, "-m", "letopis", *cmd[1:]]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/stats", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"the server did not start: {proc.stderr.read().decode(errors='replace')[-2000:]}")


def stop(proc: subprocess.Popen) -> None:
    """Ask the server to stop (it finishes the requests it holds), then insist."""
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


async def client(http: httpx.AsyncClient, queue: itertools.cycle, until: float,
                 results: list[tuple[str, float, bool]]) -> None:
    while time.monotonic() < until:
        name, path, params = next(queue)
        start = time.perf_counter()
        try:
            response = await http.get(path, params=params)
            ok = response.status_code == 200
        except httpx.HTTPError:
            ok = False
        results.append((name, time.perf_counter() - start, ok))


async def run_load(url: str, clients: int, seconds: float) -> tuple[list[tuple[str, float, bool]], float]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    results: list[tuple[str, float, bool]] = []
    queue = requests_cycle()
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as http:
        await http.get("/api/stats")  # warm up
        start = time.monotonic()
        until = start + seconds
        await asyncio.gather(*(client(http, queue, until, results) for _ in range(clients)))
        elapsed = time.monotonic() - start
    return results, elapsed


def summary(name: str, rows: list[tuple[str, float, bool]], elapsed: float) -> dict[str, object]:
    latencies = sorted(r[1] * 1000 for r in rows)
    cuts = quantiles(latencies, n=100) if len(latencies) >= 2 else latencies * 99
    return {"endpoint": name, "requests": len(rows), "requests_per_s": round(len(rows) / elapsed, 1),
            "p50_ms": round(cuts[49], 1), "p95_ms": round(cuts[94], 1), "p99_ms": round(cuts[98], 1),
            "max_ms": round(latencies[-1], 1), "errors": sum(1 for r in rows if not r[2])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a running server; otherwise one is started")
    parser.add_argument("--db", type=Path, help="database for the started server; otherwise one is built")
    parser.add_argument("--articles", type=int, default=300, help="articles to build a database from")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    proc = None
    url = args.url
    if not url:
        db = args.db
        if db is None:
            db = Path(tempfile.mkdtemp(prefix="letopis-load-")) / "letopis.db"
            t0 = time.monotonic()
            n = build_database(db, args.articles)
            print(f"built {db} with {n} articles in {time.monotonic() - t0:.0f} s", file=sys.stderr)
        proc, url = start_server(db)
    try:
        stats = httpx.get(url + "/api/stats", timeout=10).json()
        print(f"server {url}: {stats['articles']} articles, {stats['quotes']} quotes; "
              f"{args.clients} clients for {args.seconds:.0f} s on {os.cpu_count()} CPU(s)")
        results, elapsed = asyncio.run(run_load(url, args.clients, args.seconds))
    finally:
        if proc:
            stop(proc)
    rows = [summary(name, [r for r in results if r[0] == name], elapsed) for name in ("search", "quotes")]
    rows.append(summary("all", results, elapsed))
    print(f"{'endpoint':<8} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
    for r in rows:
        print(f"{r['endpoint']:<8} {r['requests']:>9} {r['requests_per_s']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8} "
              f"{r['p99_ms']:>8} {r['max_ms']:>8} {r['errors']:>7}")
    print(json.dumps({"clients": args.clients, "seconds": args.seconds, "results": rows}, ensure_ascii=False))


if __name__ == "__main__":
    main()
