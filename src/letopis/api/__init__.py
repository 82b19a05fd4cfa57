"""The HTTP API and the web pages over a store: `create_app(store, token=...)`, served by `letopis serve`."""

from letopis.api.app import Settings, create_app

__all__ = ["Settings", "create_app"]
