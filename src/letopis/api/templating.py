"""What templates may call besides their context: link builders and snippet pieces. Autoescape is on."""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

from fastapi.templating import Jinja2Templates

from letopis.api.highlight import snippet_pieces
from letopis.model import Article


def entity_path(id_or_name: str) -> str:
    return "/entities/" + quote(id_or_name, safe="")


def article_path(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def with_params(path: str, params: dict[str, object], **changes: object) -> str:
    """`path` with the page's filters, some changed (a value of None or '' drops the parameter)."""
    merged = {**params, **changes}
    items = []
    for key, value in merged.items():
        values = value if isinstance(value, list | tuple) else [value]
        items += [(key, str(v)) for v in values if v not in (None, "")]
    return path + ("?" + urlencode(items) if items else "")


def safe_url(url: str | None) -> str | None:
    """`url` when it is an http(s) link, else None: an article's URL never becomes `javascript:`."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def entity_names(article: Article, ids: list[str]) -> str:
    """Names of an article's entities given by their local ids (events name their actors so)."""
    names = []
    for local_id in ids:
        entity = article.entity(local_id)
        names.append(entity.name if entity else local_id)
    return ", ".join(names)


def install_filters(templates: Jinja2Templates) -> None:
    env = templates.env
    env.globals.update(entity_path=entity_path, article_path=article_path, with_params=with_params,
                       snippet_pieces=snippet_pieces, safe_url=safe_url,
                       entity_names=entity_names)
    env.trim_blocks = True
    env.lstrip_blocks = True
