"""Limits on what a client may ask for: request body size, page size, text and batch lengths."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 4 * 1024 * 1024  # a long article as JSON is well under 1 MiB
MAX_PAGE = 200  # items per page of any list
DEFAULT_PAGE = 20
MAX_TEXT_CHARS = 500_000  # characters of one article to analyse
MAX_QUERY_CHARS = 300
MAX_BATCH_ARTICLES = 100  # articles in one POST /api/ingest
MAX_BATCH_URLS = 20  # URLs in one POST /api/ingest
NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL: a value with one is the client's error (400)


class BodySizeLimit:
    """ASGI middleware: refuse a body over `max_bytes` with 413, whether it says its length or streams it.

    A declared `Content-Length` over the limit is refused before anything is read; a chunked body is counted
    as it arrives: at the limit the 413 goes out and the app sees the client disconnect."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await self.refuse(send, 400, "invalid_request", "Content-Length is not a number")
                return
            if int(declared) > self.max_bytes:
                await self.refuse(send, 413, "too_large", self.message())
                return
        received = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # answer now and tell the app the client is gone; whatever it answers is dropped
                    refused = True
                    if not started:
                        await self.refuse(send, 413, "too_large", self.message())
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, guarded_send)

    def message(self) -> str:
        return f"the request body is larger than the limit of {self.max_bytes} bytes; send fewer or shorter articles"

    @staticmethod
    async def refuse(send: Send, status: int, code: str, message: str) -> None:
        from letopis.api.errors import error_body  # errors.py imports this module's limits

        body = json.dumps(error_body(code, message), ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
