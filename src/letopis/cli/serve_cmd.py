"""`letopis serve [--db] [--host] [--port] [--token]`: the HTTP API and the web pages over a store."""

from __future__ import annotations

import os
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def access_notice(host: str, token: str | None) -> str:
    """What the person starting the server must know about who can write."""
    from letopis.api.access import is_loopback_host

    if token:
        return "writing (POST /api/ingest, saving on /analyze) needs the token"
    if is_loopback_host(host):
        return "read-only: start with --token T (or LETOPIS_TOKEN) to allow writing"
    return (f"READ-ONLY: listening on {host}, beyond this machine, without a token, so writing is refused; "
            "give --token T (or LETOPIS_TOKEN) to allow writing with that token")


def serve(
    db: Annotated[str | None, typer.Option("--db", help="database file or postgresql:// URL (default: $LETOPIS_DB "
                                                        "or ~/.local/share/letopis/letopis.db)")] = None,
    host: Annotated[str, typer.Option("--host", help="address to listen on; 0.0.0.0 for every interface")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="LETOPIS_TOKEN", show_envvar=True,
                                              help="the token that writing needs; without one the server is read-only")] = None,
    allow_private_urls: Annotated[bool, typer.Option("--allow-private",
                                                     help="let POST /api/ingest fetch private and loopback addresses")] = False,
) -> None:
    """Serve the JSON API (/api, documented at /docs) and the web pages."""
    try:
        import uvicorn

        from letopis.api import create_app
    except ImportError as exc:
        typer.echo(f"letopis serve needs the web extra ({exc.name} is missing): pip install 'letopis[web]'", err=True)
        raise typer.Exit(2) from None
    from letopis.errors import StoreError
    from letopis.store import open_store

    token = token or None
    if token is not None and len(token) < 8:
        typer.echo("the token must have at least 8 characters", err=True)
        raise typer.Exit(2)
    try:
        store = open_store(db)
    except StoreError as exc:
        typer.echo(f"cannot open the database: {exc}", err=True)
        raise typer.Exit(2) from None
    app = create_app(store, token=token, allow_private_urls=allow_private_urls)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"letopis: serving {store.url} at http://{shown}:{port} ({access_notice(host, token)})")
    try:
        uvicorn.run(app, host=host, port=port, log_level=os.environ.get("LETOPIS_LOG_LEVEL", "warning"),
                    server_header=False)
    finally:
        store.close()
