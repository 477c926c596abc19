"""Offline tiktoken encodings and start-and-end truncation."""

from __future__ import annotations

import os
from pathlib import Path

from triage.tokens import TRUNCATION_MARKER, count_tokens, ensure_offline_encodings, truncate_middle


def test_ensure_offline_encodings_puts_the_bpe_files_in_the_cache():
    folder = ensure_offline_encodings()
    assert Path(os.environ["TIKTOKEN_CACHE_DIR"]) == folder
    cl100k = folder / "9b5ad71b2ce5302211f9c61530b329a4922fc6a4"
    assert cl100k.stat().st_size > 1_000_000
    assert count_tokens("hello world") == 2


def test_short_text_is_untouched():
    text, tokens, cut = truncate_middle("A short email.", 100)
    assert (text, cut) == ("A short email.", False)
    assert tokens == count_tokens("A short email.")


def test_long_text_keeps_start_and_end_within_budget():
    text = "START of the email. " + "filler words here " * 3000 + "The END question?"
    cut_text, tokens, cut = truncate_middle(text, 200)
    assert cut
    assert tokens <= 200
    assert cut_text.startswith("START of the email.")
    assert cut_text.endswith("The END question?")
    assert TRUNCATION_MARKER in cut_text


def test_without_the_variable_a_given_folder_is_filled_and_used(tmp_path, monkeypatch):
    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    folder = ensure_offline_encodings(tmp_path / "bpe")
    assert folder == (tmp_path / "bpe").resolve()
    assert os.environ["TIKTOKEN_CACHE_DIR"] == str(folder)
    assert (folder / "fb374d419588a4632f3f557e76b4b70aebbca790").stat().st_size > 1_000_000
