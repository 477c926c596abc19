"""The read-only inbox page, its sanitiser and the chromium screenshot script."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from localdev.hubspot_emulator import EmulatorServer
from localdev.hubspot_emulator.sanitize import sanitize_html
from scripts.screenshot_inbox import PNG_MAGIC, find_chromium, main
from tests import emulator_fixtures

# Fixtures used by this module (imported as names so pytest finds them).
fresh_emulator = emulator_fixtures.fresh_emulator
hubspot_emulator = emulator_fixtures.hubspot_emulator

CONV = "/conversations/v3/conversations"


def test_sanitizer_keeps_formatting_and_drops_active_content() -> None:
    dirty = (
        "<p onclick='x()'>Hi <b>there</b></p><script>alert(1)</script>"
        "<img src=x onerror=alert(2)><a href='javascript:alert(3)'>bad</a>"
        "<a href='https://nordvikbikes.example/help/returns'>ok</a><style>p{}</style>"
    )
    clean = sanitize_html(dirty)
    assert "<p>Hi <b>there</b></p>" in clean
    for forbidden in ("script", "onerror", "onclick", "javascript:", "<img", "<style"):
        assert forbidden not in clean
    assert 'href="https://nordvikbikes.example/help/returns"' in clean


def test_inbox_page_lists_threads(fresh_emulator: EmulatorServer) -> None:
    page = httpx.get(f"{fresh_emulator.base_url}/_emulator/ui")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    for key, thread_id in fresh_emulator.thread_keys().items():
        assert f"/_emulator/ui/threads/{thread_id}" in page.text, key
    assert "spam" in page.text and "help desk" in page.text


def test_thread_page_shows_comment_html_and_sanitised_customer_html(
    fresh_emulator: EmulatorServer,
) -> None:
    thread_id = fresh_emulator.thread_keys()["damaged-html-en"]
    httpx.post(
        f"{fresh_emulator.base_url}{CONV}/threads/{thread_id}/messages",
        headers={"Authorization": f"Bearer {fresh_emulator.token}"},
        json={
            "type": "COMMENT",
            "text": "Draft [1]",
            "richText": "<p><strong>Draft</strong> reply <a href='https://nordvikbikes.example/help/damage'>[1]</a></p>",
            "attachments": [],
        },
    ).raise_for_status()
    page = httpx.get(f"{fresh_emulator.base_url}/_emulator/ui/threads/{thread_id}").text
    assert "<strong>Draft</strong> reply" in page  # comment HTML rendered as HTML
    assert "Internal comment" in page
    assert "<b>cracked</b>" in page  # customer formatting kept...
    assert "alert(" not in page  # ...its script is not
    assert "Attachment: mudguard.jpg" in page
    missing = httpx.get(f"{fresh_emulator.base_url}/_emulator/ui/threads/1")
    assert missing.status_code == 404


def test_plain_text_email_is_escaped(fresh_emulator: EmulatorServer) -> None:
    created = fresh_emulator.inject_email(
        from_email="x@mailbox.example", text="Is <b>this</b> bold? <script>no()</script>"
    )
    page = httpx.get(f"{fresh_emulator.base_url}/_emulator/ui/threads/{created['threadId']}").text
    assert "&lt;b&gt;this&lt;/b&gt;" in page
    assert "<script>no()" not in page


@pytest.mark.skipif(
    find_chromium() is None, reason="chromium not installed (apt-get install -y chromium)"
)
def test_screenshot_script_writes_a_png(fresh_emulator: EmulatorServer, tmp_path: Path) -> None:
    out = tmp_path / "inbox.png"
    assert main(["--url", f"{fresh_emulator.base_url}/_emulator/ui", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data[:8] == PNG_MAGIC
    assert len(data) > 10_000  # a blank page compresses to far less
