"""Screenshot a page of the emulator's inbox UI with Debian's headless chromium.

    .venv/bin/python scripts/screenshot_inbox.py --url http://127.0.0.1:8090/_emulator/ui \
        --out inbox.png
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


def screenshot(url: str, out: Path, *, width: int = 1280, height: int = 1600) -> Path:
    """Write a PNG of `url` to `out`; raises RuntimeError naming what went wrong."""
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError("chromium not found: install it with `apt-get install -y chromium`")
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        args = [
            chromium,
            "--headless",
            "--no-sandbox",  # runs as root in containers
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--screenshot={out}",
            url,
        ]
        result = subprocess.run(args, capture_output=True, timeout=120, check=False)
    if result.returncode != 0 or not out.exists() or out.read_bytes()[:8] != PNG_MAGIC:
        raise RuntimeError(
            f"chromium failed to screenshot {url} (exit {result.returncode}): "
            f"{result.stderr.decode(errors='replace')[-500:]}"
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", required=True, help="page to capture, e.g. .../_emulator/ui")
    parser.add_argument("--out", required=True, type=Path, help="PNG file to write")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1600)
    args = parser.parse_args(argv)
    try:
        path = screenshot(args.url, args.out, width=args.width, height=args.height)
    except RuntimeError as exc:
        print(f"screenshot_inbox: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
