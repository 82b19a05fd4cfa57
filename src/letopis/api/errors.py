"""One error shape for every 4xx and 5xx: `{"error": {"code": ..., "message": ..., "details": [...]}}`.

API paths (`/api/...`) answer errors as JSON; pages answer them as an HTML page carrying the same message.
A bad request is always a clear 4xx: validation errors become 400 `invalid_request` with one detail per
bad field, and only a fault of the server itself is a 500.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from letopis.api.limits import NO_NUL
from letopis.errors import StoreError

log = logging.getLogger("letopis.api")

STATUS_CODES = {400: "invalid_request", 401: "token_required", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type",
                429: "too_many_requests", 500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    """An error meant for the client: raised anywhere in a handler, answered in the one error shape."""

    def __init__(self, status: int, code: str, message: str, details: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.headers = headers or {}


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if details:
        error["details"] = details
    return {"error": error}


def wants_html(request: Request) -> bool:
    """Pages get HTML errors; the API, `/openapi.json` and clients that do not accept HTML get JSON."""
    path = request.url.path
    if path.startswith("/api") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def render_error(request: Request, status: int, code: str, message: str,
                 details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> Response:
    if wants_html(request):
        templates = request.app.state.templates
        context = {"status": status, "code": code, "message": message, "details": details or [],
                   "writable": request.app.state.settings.writable}
        return templates.TemplateResponse(request, "error.html", context, status_code=status, headers=headers)
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def describe_validation(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    """A one-line message and per-field details from pydantic's errors, without echoing whole inputs."""
    details = []
    for err in exc.errors():
        where = ".".join(str(part) for part in err.get("loc", ()) if part not in ("query", "body", "path"))
        problem = str(err.get("msg", "invalid"))
        if (err.get("ctx") or {}).get("pattern") == NO_NUL:
            problem = "must not contain the NUL character"
        details.append({"field": where or "request", "problem": problem})
    message = "; ".join(f"{d['field']}: {d['problem']}" for d in details[:5]) or "invalid request"
    return message, details


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure to `render_error`."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return render_error(request, exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        message, details = describe_validation(exc)
        return render_error(request, 400, "invalid_request", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return render_error(request, exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return render_error(request, 503, "store_unavailable", f"the database could not answer: {exc}")

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return render_error(request, 500, "internal_error", "the server failed on this request; it is logged")

