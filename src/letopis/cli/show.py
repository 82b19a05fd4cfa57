"""A readable summary of a record for a person at a terminal."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table

from letopis.model import Article


def print_article(article: Article, file: IO[str] | None = None) -> None:
    console = Console(file=file, highlight=False, soft_wrap=False)
    head = " · ".join(x for x in (article.date, article.outlet, article.title) if x)
    console.rule(f"[bold]{article.id}[/bold]" + (f"  {head}" if head else ""))
    console.print(short(article.text, 300), style="dim")
    if article.entities:
        table = Table(title="Entities", show_lines=False, expand=False)
        for col in ("id", "type", "name", "roles", "mentions"):
            table.add_column(col)
        for e in article.entities:
            mentions = ", ".join(f"{text} ×{n}" if n > 1 else text for text, n in count_mentions(e).items())
            table.add_row(e.id, e.type, e.name, "; ".join(e.roles), mentions)
        console.print(table)
    if article.quotes:
        table = Table(title="Quotes", show_lines=True)
        for col in ("id", "kind", "speaker", "cue", "content"):
            table.add_column(col)
        for q in article.quotes:
            speaker = f"{q.speaker.name} ({q.speaker.type})" if q.speaker else "—"
            table.add_row(q.id, q.kind, speaker, q.cue.text if q.cue else "", short(q.content.text, 160))
        console.print(table)
    if article.events:
        names = {e.id: e.name for e in article.entities}
        table = Table(title="Events", show_lines=True)
        for col in ("id", "type", "trigger", "actors", "targets", "place", "date", "modality", "source"):
            table.add_column(col)
        for ev in article.events:
            table.add_row(ev.id, ev.type, ev.trigger.text, ", ".join(names.get(a, a) for a in ev.actors),
                          ", ".join(names.get(a, a) for a in ev.targets), names.get(ev.place or "", ev.place or ""),
                          ev.date or "", ev.modality, ev.source or "")
        console.print(table)
    att = article.attribution
    if att.outlet or att.via:
        console.print(f"Attribution: {att.outlet or '?'}" + "".join(f" → {v}" for v in att.via))


def count_mentions(entity) -> dict[str, int]:
    """Mention texts in order of first appearance with how often each occurs; roles and pronouns marked."""
    counts: dict[str, int] = {}
    for m in entity.mentions:
        key = m.text if m.kind == "name" else f"{m.text} ({m.kind})"
        counts[key] = counts.get(key, 0) + 1
    return counts


def short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
