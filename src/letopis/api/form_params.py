"""Filter forms submit every field, empty ones too (`?outlet=&since=`). On pages an empty field means "no
filter", so this middleware drops empty query parameters before validation. The JSON API keeps them and
answers an empty value with a 400, since a program that sends one has a bug worth seeing."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send


class DropEmptyPageParams:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api") and scope.get("query_string"):
            raw = scope["query_string"].decode("utf-8", "replace")
            pairs = parse_qsl(raw, keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("ascii")}
        await self.app(scope, receive, send)
