"""The chronicle: records stored in SQLite or PostgreSQL, linked across articles, searchable.

`open_store(location)` returns a `Store` (see `letopis.store.base` for the interface and result shapes).
"""

from letopis.store.base import QuoteFilter, Store, default_location, open_store

__all__ = ["QuoteFilter", "Store", "default_location", "open_store"]
