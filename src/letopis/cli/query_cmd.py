"""Questions from the command line: `search`, `quotes`, `entity`, `entities`, `citations`, `stories`, `events`.

Each prints a table, or JSON Lines with `--json`, or CSV with `--csv`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.console import Console

from letopis.cli.output import CsvOption, DbOption, JsonOption, LimitOption, asking, emit, fail, short


def register(app: typer.Typer) -> None:
    for name, fn in (("search", search), ("quotes", quotes), ("entity", entity), ("entities", entities),
                     ("citations", citations), ("stories", stories), ("events", events)):
        app.command(name)(fn)


def iso(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        fail(f"{option} {value!r} is not a date: use YYYY-MM-DD")
    return None


def search(
    query: Annotated[str, typer.Argument(help="words to find; inflected forms match (переговоры → переговорах)")],
    db: DbOption = None, limit: LimitOption = 20, outlet: Annotated[str | None, typer.Option("--outlet")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD")] = None,
    as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """Full-text search over the stored articles, best match first."""
    with asking(db) as store:
        items = store.search(query, limit=limit, outlet=outlet, since=iso(since, "--since"),
                             until=iso(until, "--until")).items
    emit(items, [("id", lambda a: a.id), ("date", lambda a: a.date), ("outlet", lambda a: a.outlet),
                 ("title", lambda a: short(a.title, 60)), ("snippet", lambda a: short(a.snippet, 200))],
         as_json=as_json, as_csv=as_csv, title=f"Articles matching «{query}»")


def quotes(
    query: Annotated[str | None, typer.Argument(help="words the statement must contain")] = None,
    db: DbOption = None, limit: LimitOption = 50,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="who said it (a name, any form)")] = None,
    about: Annotated[list[str] | None, typer.Option("--about", "-a", help="an entity mentioned in the statement; "
                                                                          "repeat for several")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct, indirect or mixed")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD")] = None,
    as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """Statements, newest first: who said what, where and when."""
    from letopis.store import QuoteFilter

    f = QuoteFilter(speaker=speaker, about=tuple(about or ()), outlet=outlet, kind=kind,
                    since=iso(since, "--since"), until=iso(until, "--until"), query=query)
    with asking(db) as store:
        items = store.quotes(f, limit=limit).items
    emit(items, [("date", lambda q: q.date), ("speaker", lambda q: q.speaker_name), ("kind", lambda q: q.kind),
                 ("statement", lambda q: short(q.text, 220)), ("outlet", lambda q: q.outlet),
                 ("article", lambda q: q.article_id)],
         as_json=as_json, as_csv=as_csv, title="Statements")


def entity(
    name: Annotated[str, typer.Argument(help="a name in any form, or an entity id")],
    db: DbOption = None, limit: LimitOption = 20, as_json: JsonOption = False,
) -> None:
    """One entity: its names, roles, statements over time and who appears with it."""
    with asking(db) as store:
        detail = store.entity(name, quotes=limit, co_occurring=limit)
        others = store.find_entities(name)
    if detail is None:
        fail(f"no entity called {name!r}", code=1)
    if as_json:
        emit([detail], [], as_json=True, as_csv=False)
        return
    e = detail.entity
    console = Console(highlight=False)
    console.print(f"[bold]{e.name}[/bold] ({e.type}, {e.id}): {e.n_articles} articles, {e.n_mentions} mentions, "
                  f"{e.n_quotes} statements, {e.first_seen or '?'} … {e.last_seen or '?'}")
    console.print("names: " + ", ".join(f"{n.name} ({n.n})" for n in detail.names))
    if detail.roles:
        console.print("roles: " + ", ".join(f"{r.role} ({r.first_seen or '?'} … {r.last_seen or '?'})"
                                            for r in detail.roles))
    if len(others) > 1:
        console.print("also called so: " + ", ".join(f"{o.name} ({o.id})" for o in others[1:]), style="dim")
    emit(detail.timeline, [("period", lambda t: t.period), ("articles", lambda t: t.n_articles),
                           ("statements", lambda t: t.n_quotes)], as_json=False, as_csv=False, title="Over time")
    emit(detail.quotes, [("date", lambda q: q.date), ("statement", lambda q: short(q.text, 200)),
                         ("outlet", lambda q: q.outlet)], as_json=False, as_csv=False, title="Latest statements",
         empty="no statements")
    emit(detail.co_occurring, [("with", lambda c: c.entity.name), ("type", lambda c: c.entity.type),
                               ("articles together", lambda c: c.n_articles)],
         as_json=False, as_csv=False, title="Appears with", empty="appears alone")


def entities(
    query: Annotated[str | None, typer.Argument(help="part of a name")] = None,
    db: DbOption = None, limit: LimitOption = 50,
    type: Annotated[str | None, typer.Option("--type", help="PER, ORG or LOC")] = None,
    as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """Entities across all articles, the most written-about first."""
    with asking(db) as store:
        items = store.entities(query=query, type=type, limit=limit).items
    emit(items, [("id", lambda e: e.id), ("type", lambda e: e.type), ("name", lambda e: e.name),
                 ("articles", lambda e: e.n_articles), ("mentions", lambda e: e.n_mentions),
                 ("statements", lambda e: e.n_quotes), ("first", lambda e: e.first_seen),
                 ("last", lambda e: e.last_seen)], as_json=as_json, as_csv=as_csv, title="Entities")


def citations(
    source: Annotated[str | None, typer.Argument(help="a cited source, e.g. Акорда: which outlets cite it")] = None,
    db: DbOption = None, limit: LimitOption = 100, as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """Which outlets cite which sources (the attribution of each article)."""
    with asking(db) as store:
        items = store.citations(source, limit=limit)
    emit(items, [("outlet", lambda c: c.outlet), ("cites", lambda c: c.via), ("articles", lambda c: c.n_articles)],
         as_json=as_json, as_csv=as_csv, title=f"Outlets citing {source}" if source else "Citations")


def stories(
    db: DbOption = None, limit: LimitOption = 20,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1)] = 2,
    as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """Stories: groups of near-duplicate articles (the same news in several outlets), the largest first."""
    with asking(db) as store:
        items = store.stories(min_articles=min_articles, limit=limit).items
    emit(items, [("story", lambda s: s.id), ("articles", lambda s: s.n_articles), ("title", lambda s: short(s.title, 70)),
                 ("first", lambda s: s.first_date), ("last", lambda s: s.last_date), ("outlets", lambda s: s.outlets)],
         as_json=as_json, as_csv=as_csv, title="Stories", empty="no stories of several articles")


def events(
    db: DbOption = None, limit: LimitOption = 50,
    type: Annotated[str | None, typer.Option("--type", help="event type, e.g. meeting")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="a participant (a name, any form)")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD")] = None,
    as_json: JsonOption = False, as_csv: CsvOption = False,
) -> None:
    """Events, newest first, by type or participant."""
    with asking(db) as store:
        items = store.events(type=type, entity=entity, since=iso(since, "--since"), until=iso(until, "--until"),
                             limit=limit).items
    emit(items, [("date", lambda e: e.date or e.article_date), ("type", lambda e: e.type),
                 ("trigger", lambda e: e.trigger), ("actors", lambda e: e.actors), ("targets", lambda e: e.targets),
                 ("place", lambda e: e.place), ("modality", lambda e: e.modality), ("article", lambda e: e.article_id)],
         as_json=as_json, as_csv=as_csv, title="Events")
