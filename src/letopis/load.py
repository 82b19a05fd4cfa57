"""Bulk loading of analysed records (`letopis analyze -o shard.jsonl[.gz]` output) into a store.

This is the other half of a distributed run: many machines (or a Dask cluster) write shards of records, and one
writer loads them without analysing again. Loading is idempotent like ingestion: a record already stored with
the same id and text is left alone, so a shard loaded twice, or a load stopped half-way and run again,
stores every article exactly once.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from letopis.errors import InputError
from letopis.model import Article
from letopis.store.base import Store


@dataclass(slots=True)
class LoadReport:
    read: int = 0
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0


def read_records(path: Path) -> Iterator[Article | InputError]:
    """The records of one shard; a line that is not a record yields an InputError naming `path:line`."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    yield parse_record(line, f"{path}:{number}")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        yield InputError(str(path), f"cannot read the shard ({exc})")


def parse_record(line: str, item: str) -> Article | InputError:
    try:
        return Article.from_json(json.loads(line))
    except json.JSONDecodeError as exc:
        return InputError(item, f"not valid JSON ({exc.msg} at column {exc.colno})")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return InputError(item, f"not a letopis.article/1 record ({type(exc).__name__}: {exc})")


def load(store: Store, shards: Sequence[str], on_failure: Callable[[str, str], None]) -> LoadReport:
    report = LoadReport()
    run_id = store.start_run([f"load:{s}" for s in shards])
    status = "interrupted"
    try:
        for shard in shards:
            path = Path(shard)
            if not path.is_file():
                report.failed += 1
                on_failure(shard, "no such file")
                continue
            for item in read_records(path):
                report.read += 1
                if isinstance(item, InputError):
                    report.failed += 1
                    on_failure(item.item, item.problem)
                    continue
                result = store.put_article(item, run_id=run_id)
                if result.status == "inserted":
                    report.inserted += 1
                elif result.status == "updated":
                    report.updated += 1
                else:
                    report.skipped += 1
        status = "done"
    finally:
        store.finish_run(run_id, status, read=report.read, inserted=report.inserted, updated=report.updated,
                         skipped=report.skipped, failed=report.failed)
    return report
