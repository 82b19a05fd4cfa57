"""Stages and the pipeline that orders them.

A stage is a small object with a `name`, the layers it `requires` and the layers it `assigns`, and a
`__call__(doc)` that fills its part of the document. `Pipeline(stages)` checks, when it is built, that
each requirement is assigned by an earlier stage, so a misordered pipeline fails at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from letopis.analysis.document import Doc
from letopis.errors import PipelineError


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> None: ...


class Pipeline:
    def __init__(self, stages: Sequence[Stage]):
        self.stages = list(stages)
        check_order(self.stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Doc) -> Doc:
        for stage in self.stages:
            stage(doc)
        return doc


def check_order(stages: Sequence[Stage]) -> None:
    """Raise PipelineError naming the first stage whose requirement no earlier stage assigns."""
    assigned: set[str] = {"text"}
    for position, stage in enumerate(stages, 1):
        missing = [r for r in stage.requires if r not in assigned]
        if missing:
            raise PipelineError(
                f"stage {position} {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns; "
                f"stages so far: {', '.join(s.name for s in stages[:position - 1]) or 'none'}"
            )
        assigned.update(stage.assigns)
