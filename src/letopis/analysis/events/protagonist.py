"""The person an article is about: a profile or a long story told around one man or woman (`Прохоров` named
forty times, no one else more than a dozen). A pronoun or a title that the article ties to no one near it
stands for them when nothing else does (`По словам самого бизнесмена, ... он был принят Медведевым`).

The protagonist is the person with the most mentions, when they have at least MIN_MENTIONS and at least
DOMINANCE times as many as anyone else; otherwise there is none, and no one is guessed.

Requires: the entities. The events stage finds the protagonist once and keeps it in
`doc.layers["protagonist"]`.
"""

from __future__ import annotations

from letopis.analysis.document import Doc
from letopis.model import Entity

MIN_MENTIONS = 5
DOMINANCE = 2.0


def protagonist(doc: Doc) -> Entity | None:
    """The person `doc` is about, or None (the rule is the module's)."""
    people = sorted((e for e in doc.entities if e.type == "PER"), key=lambda e: -len(e.mentions))
    if not people or len(people[0].mentions) < MIN_MENTIONS:
        return None
    runner_up = len(people[1].mentions) if len(people) > 1 else 0
    return people[0] if len(people[0].mentions) >= DOMINANCE * runner_up else None
