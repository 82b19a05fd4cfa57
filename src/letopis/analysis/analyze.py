"""The default pipeline and the functions that run it."""

from __future__ import annotations

from functools import cache

from letopis.analysis.attribution import ReportAttribution
from letopis.analysis.dates import Dates
from letopis.analysis.document import Doc
from letopis.analysis.entities import Entities
from letopis.analysis.events import Events
from letopis.analysis.linguistic import Morph, Ner, Segment, Syntax
from letopis.analysis.ner_fixes import NerFixes
from letopis.analysis.pipeline import Pipeline
from letopis.analysis.quotes import Quotes
from letopis.model import Article
from letopis.read.base import RawArticle


@cache
def default_pipeline() -> Pipeline:
    """Every stage letopis runs, in order; built (and checked) once per process."""
    return Pipeline([Segment(), Morph(), Ner(), NerFixes(), Syntax(), Entities(), Quotes(), Dates(), Events(), ReportAttribution()])


def analyze(text: str, date: str | None = None, *, id: str | None = None, title: str | None = None,
            url: str | None = None, outlet: str | None = None, pipeline: Pipeline | None = None) -> Article:
    """Analyse one article text and return its `letopis.article/1` record."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() expects the article text as str, got {type(text).__name__}")
    meta = {"id": id, "date": date, "title": title, "url": url, "outlet": outlet}
    doc = Doc(text=text, meta=meta)
    doc.attribution.outlet = outlet
    (pipeline or default_pipeline())(doc)
    return doc.to_article()


def analyze_raw(raw: RawArticle, pipeline: Pipeline | None = None) -> Article:
    """Analyse an article as a reader produced it."""
    return analyze(raw.text, raw.date, id=raw.id, title=raw.title, url=raw.url, outlet=raw.outlet,
                   pipeline=pipeline)
