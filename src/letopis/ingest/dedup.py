"""Near-duplicate detection: MinHash signatures (datasketch) over word shingles, banded for lookup.

The same wire story published by several outlets differs by a headline, a dateline, a sentence. Two texts
whose sets of word 3-shingles overlap by at least `THRESHOLD` (Jaccard) are the same story. The store keeps
each article's signature and its LSH band hashes (`BANDS` bands of `ROWS` rows, the split datasketch's
`MinHashLSH` chooses for this threshold), finds candidates by equal band hashes in SQL, and confirms them
with the estimated Jaccard similarity of the signatures.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from functools import cache

import numpy as np

from letopis.store.text import words

NUM_PERM = 64
THRESHOLD = 0.5
SHINGLE = 3
MIN_WORDS = 8  # texts shorter than this are too small to compare: each is its own story


@cache
def band_layout() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for THRESHOLD and NUM_PERM."""
    from datasketch import MinHashLSH  # imported when first needed: it pulls in scipy

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


@dataclass(slots=True)
class Fingerprint:
    signature: bytes  # NUM_PERM uint32 values
    bands: list[tuple[int, int]]  # (band number, 63-bit hash of that band's rows)


@cache
def _template():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)  # crc32: deterministic, several times faster than sha1


def minhash():
    """An empty MinHash (a copy of one made once: making the permutations each time is slow)."""
    return _template().copy()


def shingles(text: str) -> set[bytes]:
    ws = words(text)
    if len(ws) < SHINGLE:
        return {" ".join(ws).encode("utf-8")} if ws else set()
    return {" ".join(ws[i:i + SHINGLE]).encode("utf-8") for i in range(len(ws) - SHINGLE + 1)}


def fingerprint(text: str) -> Fingerprint | None:
    """The signature and band hashes of a text; None for a text too short to compare."""
    if len(words(text)) < MIN_WORDS:
        return None
    m = minhash()
    m.update_batch(list(shingles(text)))
    values = m.hashvalues.astype(np.uint32)  # datasketch's values are below 2**32
    b, r = band_layout()
    bands = []
    for i in range(b):
        digest = hashlib.blake2b(values[i * r:(i + 1) * r].tobytes(), digest_size=8).digest()
        bands.append((i, int.from_bytes(digest, "big") >> 1))  # fits a signed 64-bit column
    return Fingerprint(values.tobytes(), bands)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    x = np.frombuffer(a, dtype=np.uint32)
    y = np.frombuffer(b, dtype=np.uint32)
    if len(x) != len(y) or not len(x):
        return 0.0
    return float(np.count_nonzero(x == y)) / len(x)
