"""Exact and near-duplicate chunk detection (MinHash over word shingles, LSH banding).

Help centres repeat themselves (the same paragraph in three articles, an FAQ answer copied
into a guide); duplicates crowd out other passages in the top-k, so only the first is kept.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

_PRIME = np.uint64((1 << 61) - 1)
_WORD = re.compile(r"\w+", re.UNICODE)


def normalized(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class DuplicateFilter:
    """Remembers chunks seen so far; ``is_duplicate`` says whether a new one repeats one."""

    def __init__(
        self, *, threshold: float = 0.85, shingle: int = 5, permutations: int = 64, bands: int = 16
    ) -> None:
        if permutations % bands:
            raise ValueError("permutations must be a multiple of bands")
        self.threshold = threshold
        self.shingle = shingle
        self.bands = bands
        rng = np.random.default_rng(20240601)  # fixed seed: the same decisions every run
        self._a = rng.integers(1, (1 << 61) - 1, size=permutations, dtype=np.uint64)
        self._b = rng.integers(0, (1 << 61) - 1, size=permutations, dtype=np.uint64)
        self._exact: set[str] = set()
        self._buckets: dict[tuple[int, bytes], list[int]] = {}
        self._shingles: list[frozenset[int]] = []

    def _shingle_set(self, words: list[str]) -> frozenset[int]:
        width = min(self.shingle, len(words))
        return frozenset(
            zlib.crc32(" ".join(words[i : i + width]).encode())
            for i in range(len(words) - width + 1)
        )

    def _signature(self, shingles: frozenset[int]) -> np.ndarray:
        values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
        with np.errstate(over="ignore"):  # modular hashing wraps on purpose
            hashed = (self._a[:, None] * values[None, :] + self._b[:, None]) % _PRIME
        signature: np.ndarray = hashed.min(axis=1)
        return signature

    def is_duplicate(self, text: str) -> bool:
        """True when ``text`` repeats (exactly or nearly) a chunk seen before; else remember it."""
        norm = normalized(text)
        digest = hashlib.sha256(norm.encode()).hexdigest()
        if digest in self._exact:
            return True
        words = norm.split()
        if not words:
            return True  # nothing to say: not worth a chunk
        shingles = self._shingle_set(words)
        signature = self._signature(shingles)
        rows = len(signature) // self.bands
        keys = [
            (band, signature[band * rows : (band + 1) * rows].tobytes())
            for band in range(self.bands)
        ]
        candidates = {index for key in keys for index in self._buckets.get(key, [])}
        for index in candidates:
            other = self._shingles[index]
            jaccard = len(shingles & other) / len(shingles | other)
            if jaccard >= self.threshold:
                return True
        self._exact.add(digest)
        index = len(self._shingles)
        self._shingles.append(shingles)
        for key in keys:
            self._buckets.setdefault(key, []).append(index)
        return False
