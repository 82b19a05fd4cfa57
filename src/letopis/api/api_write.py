"""The writing half of the JSON API: `POST /api/analyze` (nothing stored) and `POST /api/ingest` (token)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool

from letopis.api.access import require_token
from letopis.api.querying import get_store
from letopis.api.shapes import ERRORS, WRITE_ERRORS, ArticleIn, IngestIn, IngestOut
from letopis.api.writing import analyse, raw_from_input, store_raw, store_url
from letopis.store.base import Store

router = APIRouter(prefix="/api")


@router.post("/analyze", tags=["analysis"], responses={**ERRORS, 413: WRITE_ERRORS[413]})
def analyze(article: ArticleIn) -> dict[str, Any]:
    """Analyse one article and return its `letopis.article/1` record. Nothing is stored; no token needed."""
    return analyse(raw_from_input(article, "request")).to_json()


@router.post("/ingest", response_model=IngestOut, tags=["analysis"], responses=WRITE_ERRORS,
             dependencies=[Depends(require_token)])
async def ingest(body: IngestIn, request: Request, store: Annotated[Store, Depends(get_store)]) -> Any:
    """Analyse and store articles, and fetch, extract, analyse and store pages (or every entry of a feed)
    by URL. Needs the token
    (`Authorization: Bearer TOKEN`). Each item is reported: inserted, updated, unchanged, duplicate or failed
    with its problem; a failed item does not stop the others."""
    allow_private = request.app.state.settings.allow_private_urls
    items = []
    for i, article in enumerate(body.articles):
        raw = raw_from_input(article, article.id or article.url or f"articles[{i}]")
        items.append(await run_in_threadpool(store_raw, store, raw))
    for url in body.urls:
        items += await run_in_threadpool(store_url, store, url, allow_private)
    failed = sum(1 for item in items if item.status == "failed")
    stored = sum(1 for item in items if item.status in ("inserted", "updated"))
    return IngestOut(items=items, stored=stored, failed=failed)
