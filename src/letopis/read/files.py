"""Files, directories and standard input: dispatch each item to the reader its name calls for.

`.txt` → plain text (with the optional `date YYYY-MM-DD` header); `.jsonl` / `.json` → JSON Lines;
any of them may be gzipped (`.gz`). A directory is walked recursively, taking every file whose name
a reader knows, in sorted order. `-` is standard input (JSON Lines when it starts with `{`, else text).
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from letopis.errors import InputError
from letopis.read.base import ReadResult
from letopis.read.jsonl import parse_jsonl
from letopis.read.text import parse_text_article

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES


def read_paths(paths: Iterable[str]) -> Iterator[ReadResult]:
    """Every article in the given paths, in order; unreadable items come as InputError and the rest go on."""
    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer.read(), "<stdin>")
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and kind_of(f) is not None)
            if not files:
                yield InputError(path, "directory holds no article files (.txt, .jsonl, optionally .gz)")
            for f in files:
                yield from read_file(f)
        elif p.exists():
            yield from read_file(p)
        else:
            yield InputError(path, "no such file or directory")


def kind_of(path: Path) -> str | None:
    """'text', 'jsonl' or None, from the file name (a trailing .gz is looked through)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in TEXT_SUFFIXES:
        return "text"
    if last in JSONL_SUFFIXES:
        return "jsonl"
    return None


def read_file(path: Path) -> Iterator[ReadResult]:
    source = str(path)
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".gz":
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(source, f"cannot read the file ({exc})")
        return
    kind = kind_of(path)
    if kind is None:  # named explicitly: guess from the content
        kind = "jsonl" if data.lstrip()[:1] == b"{" else "text"
    yield from parse_bytes(data, source, kind)


def read_stream(data: bytes, source: str) -> Iterator[ReadResult]:
    kind = "jsonl" if data.lstrip()[:1] == b"{" else "text"
    yield from parse_bytes(data, source, kind)


def parse_bytes(data: bytes, source: str, kind: str) -> Iterator[ReadResult]:
    try:
        content = decode(data, source)
    except InputError as exc:
        yield exc
        return
    if kind == "jsonl":
        yield from parse_jsonl(content.splitlines(), source)
    else:
        try:
            yield parse_text_article(content, source)
        except InputError as exc:
            yield exc


def decode(data: bytes, source: str) -> str:
    """Text of a file: UTF-8 (with or without BOM), UTF-16 with a BOM, else the encoding charset-normalizer finds."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, "starts with a UTF-16 mark but does not decode as UTF-16") from None
    if b"\x00" in data[:4096]:
        text = utf16_without_mark(data)
        if text is None:
            raise InputError(source, "looks like a binary file (it contains NUL bytes), not an article")
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        raise InputError(source, "not UTF-8; install letopis[store] to detect other encodings") from None
    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot tell the text encoding (not UTF-8, cp1251, koi8-r or UTF-16)")
    return str(best)


def utf16_without_mark(data: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark, or None for anything else with NUL bytes (a binary file).

    In such a file the NULs are the high bytes of ASCII characters (spaces, digits, punctuation), all on odd
    offsets (little-endian) or all on even ones (big-endian). It is taken for text only when it decodes to
    printable characters, nearly all of them Latin or Cyrillic: letopis reads Russian news."""
    if len(data) % 2:
        return None
    encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if not all(ch.isprintable() or ch in "\n\r\t" for ch in text):
        return None
    european = sum(1 for ch in text if ch < "\u0530")  # ASCII, Latin, Greek, Cyrillic
    return text if european >= 0.9 * len(text) else None
