"""A small HTTP server on 127.0.0.1 for ingestion tests: fixed pages, redirects, errors, a slow and a big page."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that stops reading (the size limit, a timeout) is what some tests do on purpose


class Site:
    """Pages by path: (status, content type, body, extra headers)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
        self.hits: list[str] = []
        self.server: ThreadingHTTPServer | None = None

    def add(self, path: str, body: bytes | str, ctype: str = "text/html; charset=utf-8", status: int = 200,
            headers: dict[str, str] | None = None) -> None:
        self.pages[path] = (status, ctype, body.encode() if isinstance(body, str) else body, headers or {})

    def redirect(self, path: str, to: str) -> None:
        self.add(path, b"", status=302, headers={"Location": to})

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the http.server name)
                site.hits.append(self.path)
                if self.path == "/slow":
                    time.sleep(3)
                if self.path not in site.pages:
                    self.send_error(404)
                    return
                status, ctype, body, headers = site.pages[self.path]
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
