"""Shared fixtures. Data under ../shared is read in place; tests that need it skip when it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "nurkz-2025-09-24.txt"
CORPUS = SHARED / "corpus" / "news.jsonl"
GOLD_DIR = SHARED / "gold"
EXAMPLES = ROOT / "examples"


def need_shared(path: Path) -> Path:
    """`path` under ../shared, or skip the test saying what is missing (as on a user's machine)."""
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the project's shared data, found only beside the repository")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return need_shared(SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_record():
    """The seed article analysed once for the whole session."""
    from letopis.analysis import analyze_raw
    from letopis.read import read_paths

    (raw,) = list(read_paths([str(need_shared(SEED))]))
    return analyze_raw(raw)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
