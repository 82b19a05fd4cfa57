"""The analyze page: paste an article, see its record highlighted, optionally save it (with the token)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from letopis.api.access import check_write_access
from letopis.api.errors import ApiError
from letopis.api.highlight import article_marks, layout
from letopis.api.limits import MAX_TEXT_CHARS, NO_NUL
from letopis.api.querying import ask, get_store
from letopis.api.shapes import iso
from letopis.api.writing import analyse
from letopis.read.base import RawArticle
from letopis.store.base import Store

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

Field200 = Annotated[str, Form(max_length=200, pattern=NO_NUL)]


@router.get("/analyze")
def analyze_form(request: Request) -> Response:
    return request.app.state.templates.TemplateResponse(
        request, "analyze.html", {"form": {}, "writable": request.app.state.settings.writable})


@router.post("/analyze")
def analyze_submit(request: Request, store: Annotated[Store, Depends(get_store)],
                   text: Annotated[str, Form(min_length=1, max_length=MAX_TEXT_CHARS, pattern=NO_NUL)],
                   date_: Annotated[date | None, Form(alias="date")] = None,
                   title: Annotated[str, Form(max_length=1000, pattern=NO_NUL)] = "", outlet: Field200 = "",
                   url: Annotated[str, Form(max_length=2000, pattern=NO_NUL)] = "", save: Annotated[str, Form(max_length=10)] = "",
                   token: Annotated[str, Form(max_length=500)] = "") -> Response:
    """Analyse the pasted article; with `save`, store it too (the token is checked before any work)."""
    settings = request.app.state.settings
    form = {"text": text, "date": iso(date_) or "", "title": title, "outlet": outlet, "url": url, "save": bool(save)}
    context: dict[str, object] = {"form": form, "writable": settings.writable}
    if save:
        try:
            check_write_access(request, token or None)
        except ApiError as exc:
            context["save_error"] = exc.message
            return request.app.state.templates.TemplateResponse(request, "analyze.html", context,
                                                                status_code=exc.status)
    raw = RawArticle(text=text, source="analyze page", date=iso(date_), title=title or None, url=url or None,
                     outlet=outlet or None)
    article = analyse(raw)
    outer, inner = article_marks(article, lambda local_id: None)
    context.update(article=article, blocks=layout(article.text, outer, inner))
    if save:
        result = ask(lambda: store.put_article(article))
        context["saved"] = result
    return request.app.state.templates.TemplateResponse(request, "analyze.html", context)
