"""Reporting failed items: a clear line on stderr for each, an optional JSON Lines report, the exit status."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

EXIT_SOME_FAILED = 3  # the run finished, but some items could not be processed


class Failures:
    def __init__(self, report: Path | None = None):
        self.items: list[dict[str, str]] = []
        self.report = report

    def add(self, item: str, problem: str) -> None:
        self.items.append({"item": item, "problem": problem})
        print(f"letopis: skipped {item}: {problem}", file=sys.stderr)

    def finish(self, summary: str) -> None:
        """Write the report, print the summary to stderr, and exit non-zero when anything failed."""
        if self.report:
            with self.report.open("w", encoding="utf-8") as f:
                for x in self.items:
                    f.write(json.dumps(x, ensure_ascii=False) + "\n")
        if self.items:
            print(f"letopis: {summary}; {len(self.items)} item(s) failed", file=sys.stderr)
            raise typer.Exit(EXIT_SOME_FAILED)
