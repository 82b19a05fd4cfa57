"""The reading pages: search, articles, entities, quotes, stories, events. Server-rendered, no JS needed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from letopis.api.api_read import Cursor, EventType, Id, Name, OptText, Since, StoryPath, StoryQuery, Until
from letopis.api.chart import activity_chart
from letopis.api.highlight import article_marks, layout
from letopis.api.querying import ask, found, get_store
from letopis.api.shapes import iso
from letopis.api.templating import entity_path
from letopis.api.timeline import facet_links, timeline
from letopis.store.base import QuoteFilter, Store

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
StoreDep = Annotated[Store, Depends(get_store)]
PAGE = 20


def render(request: Request, name: str, **context: Any) -> Response:
    context.setdefault("writable", request.app.state.settings.writable)
    return request.app.state.templates.TemplateResponse(request, name, context)


@router.get("/")
def search_page(request: Request, store: StoreDep, q: OptText = None, cursor: Cursor = None) -> Response:
    """Search across articles and quotes; without a query, what the database holds."""
    if not q:
        stats = ask(store.stats)
        recent = ask(lambda: store.list_articles(limit=10))
        top = ask(lambda: store.entities(limit=15))
        return render(request, "home.html", stats=stats, recent=recent.items, top=top.items)
    articles = ask(lambda: store.search(q, limit=PAGE, cursor=cursor))
    quotes = ask(lambda: store.quotes(QuoteFilter(query=q), limit=PAGE)) if not cursor else None
    return render(request, "search.html", q=q, articles=articles, quotes=quotes, params={"q": q})


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, cursor: Cursor = None, outlet: Name = None,
                  since: Since = None, until: Until = None, entity: Name = None,
                  story: StoryQuery = None) -> Response:
    page = ask(lambda: store.list_articles(limit=PAGE, cursor=cursor, outlet=outlet, since=iso(since),
                                           until=iso(until), entity=entity, story_id=story))
    params = {"outlet": outlet, "since": iso(since), "until": iso(until), "entity": entity, "story": story}
    return render(request, "articles.html", page=page, params=params)


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: Id, store: StoreDep) -> Response:
    """The text with entities and quotes highlighted; each quote linked to its speaker's page."""
    article = found(ask(lambda: store.get_article(article_id)), "article", article_id)
    corpus_ids = ask(lambda: store.article_entities(article_id))
    hrefs = {local: entity_path(corpus) for local, corpus in corpus_ids.items()}
    outer, inner = article_marks(article, lambda local_id: hrefs.get(local_id))
    return render(request, "article.html", article=article, blocks=layout(article.text, outer, inner),
                  hrefs=hrefs, quote_hrefs={m.ref: m.href for m in outer})


@router.get("/entities")
def entities_page(request: Request, store: StoreDep, q: OptText = None, cursor: Cursor = None,
                  type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC)$")] = None) -> Response:
    page = ask(lambda: store.entities(query=q, type=type, limit=PAGE, cursor=cursor))
    return render(request, "entities.html", page=page, params={"q": q, "type": type})


@router.get("/entities/{entity_id:path}")
def entity_page(request: Request, entity_id: Id, store: StoreDep) -> Response:
    """Who this is, a chart of statements and mentions over time, a timeline, who appears with them."""
    detail = found(ask(lambda: store.entity(entity_id, quotes=50, co_occurring=30)), "entity", entity_id)
    events = ask(lambda: store.events(entity=detail.entity.id, limit=50)).items
    return render(request, "entity.html", d=detail, chart=activity_chart(detail.timeline),
                  timeline=timeline(detail.quotes, events))


@router.get("/quotes")
def quotes_page(request: Request, store: StoreDep, cursor: Cursor = None, speaker: Name = None,
                outlet: Name = None, kind: Annotated[str | None, Query(pattern="^(direct|indirect|mixed)$")] = None,
                since: Since = None, until: Until = None, q: OptText = None,
                about: Annotated[list[str], Query(max_length=10)] = ()) -> Response:  # type: ignore[assignment]
    """Statements with facets (speaker, outlet, month, kind) counted over all matches."""
    flt = QuoteFilter(speaker=speaker, about=[a[:200] for a in about if a and "\x00" not in a], outlet=outlet, kind=kind,
                      since=iso(since), until=iso(until), query=q)
    page = ask(lambda: store.quotes(flt, limit=PAGE, cursor=cursor))
    counts = ask(lambda: store.quote_facets(flt)) if not cursor else None
    params = {"speaker": speaker, "outlet": outlet, "kind": kind, "since": iso(since), "until": iso(until),
              "q": q, "about": list(about)}
    return render(request, "quotes.html", page=page, params=params, facets=facet_links(counts) if counts else None)


@router.get("/stories")
def stories_page(request: Request, store: StoreDep, cursor: Cursor = None) -> Response:
    page = ask(lambda: store.stories(limit=PAGE, cursor=cursor))
    return render(request, "stories.html", page=page, params={})


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: StoryPath, store: StoreDep) -> Response:
    story = found(ask(lambda: store.story(story_id)), "story", story_id)
    return render(request, "story.html", story=story)


@router.get("/events")
def events_page(request: Request, store: StoreDep, cursor: Cursor = None,
                type: EventType = None, entity: Name = None,
                since: Since = None, until: Until = None) -> Response:
    page = ask(lambda: store.events(type=type, entity=entity, since=iso(since), until=iso(until), limit=PAGE,
                                    cursor=cursor))
    types = ask(store.event_types)
    params = {"type": type, "entity": entity, "since": iso(since), "until": iso(until)}
    return render(request, "events.html", page=page, types=types, params=params)

