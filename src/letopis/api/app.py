"""`create_app(store)`: the FastAPI application serving the JSON API, its documentation and the pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from letopis.api import api_read, api_write, docs_page, pages, pages_write
from letopis.api.errors import install_error_handlers
from letopis.api.form_params import DropEmptyPageParams
from letopis.api.limits import MAX_BODY_BYTES, BodySizeLimit
from letopis.api.security_headers import SecurityHeaders
from letopis.api.templating import install_filters
from letopis.store.base import Store

HERE = Path(__file__).resolve().parent


@dataclass(slots=True, frozen=True)
class Settings:
    """How the server was started. Without a token it is read-only."""

    token: str | None = None
    allow_private_urls: bool = False
    max_body_bytes: int = MAX_BODY_BYTES

    @property
    def writable(self) -> bool:
        return bool(self.token)


def create_app(store: Store, *, token: str | None = None, allow_private_urls: bool = False,
               max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The application over `store`. Writing needs `token`; without one the app is read-only."""
    from letopis import __version__

    app = FastAPI(title="letopis", version=__version__, docs_url=None, redoc_url=None,
                  description="Russian news as a chronicle: who said what, did what, with whom, when, and "
                              "according to whom. JSON under `/api`; pages everywhere else.")
    app.state.store = store
    app.state.settings = Settings(token=token or None, allow_private_urls=allow_private_urls,
                                  max_body_bytes=max_body_bytes)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)
    install_filters(templates)
    app.state.templates = templates
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in (api_read, api_write, docs_page, pages, pages_write):
        app.include_router(module.router)
    app.add_middleware(DropEmptyPageParams)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    return app
