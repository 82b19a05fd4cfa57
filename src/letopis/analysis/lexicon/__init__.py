"""Word lists as data: one entry per line, `#` starts a comment; loaded once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of `name.txt`, in file order, comments and blank lines dropped."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of `name.txt` as a set (lower-cased, ё folded to е)."""
    return frozenset(e.lower().replace("ё", "е") for e in entries(name))


@cache
def table(name: str) -> dict[str, str]:
    """`key<TAB or spaces>value` lines as a dict; lines with one field map to an empty string."""
    out = {}
    for e in entries(name):
        parts = e.split(None, 1)
        out[parts[0].lower().replace("ё", "е")] = parts[1].strip() if len(parts) > 1 else ""
    return out
