"""A newcomer's second run (issue 23, point 4): the ledger and the emulator's inbox are kept
side by side in the data folder and resumed together, so a second run posts nothing and
still shows the first run's drafts; when only one of the pair is found, both start afresh,
so no email is ever drafted twice."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest

from localdev.hubspot_emulator import persistence
from localdev.hubspot_emulator.seed import DEFAULT_SEED_PATH, load_seed, read_seed
from localdev.hubspot_emulator.state import Account
from localdev.localdata import LocalData
from localdev.stack import LocalStack
from tests.stack_helpers import poll_until_quiet

THREADS = 3


@pytest.fixture
def small_seed(tmp_path: Path) -> str:
    """The default seed's inboxes and first threads: the same shapes, a quicker poll."""
    seed = json.loads(DEFAULT_SEED_PATH.read_text(encoding="utf-8"))
    seed["threads"] = seed["threads"][:THREADS]
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed), encoding="utf-8")
    return str(path)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "localdata"


def _stack(data_dir: Path, seed: str) -> LocalStack:
    return LocalStack(data_dir=data_dir, seed=seed, settings={"POLL_OVERLAP_SECONDS": "60"})


def _comment_counts(stack: LocalStack) -> dict[str, int]:
    """Thread id -> COMMENT messages the emulator holds (what an agent sees), read from
    the inbox page each thread links to."""
    assert stack.emulator is not None
    with urllib.request.urlopen(f"{stack.emulator.base_url}/_emulator/ui", timeout=30) as r:
        page = r.read().decode()
    counts = {}
    for thread_id in re.findall(r"/_emulator/ui/threads/(\d+)", page):
        url = f"{stack.emulator.base_url}/_emulator/ui/threads/{thread_id}"
        with urllib.request.urlopen(url, timeout=30) as r:
            counts[thread_id] = r.read().decode().count("Internal comment")
    return counts


def _first_run(data_dir: Path, seed: str) -> dict[str, int]:
    with _stack(data_dir, seed) as stack:
        assert "afresh" in stack.state_note
        stack.ingest_sample_kb()  # kept in data_dir/qdrant for the next stack
        decided = poll_until_quiet(stack)
        assert decided["posted"] >= 1
        comments = _comment_counts(stack)
    assert sum(comments.values()) >= 1
    return comments


@pytest.mark.slow
def test_second_run_resumes_the_inbox_with_the_first_runs_drafts(
    data_dir: Path, small_seed: str
) -> None:
    first = _first_run(data_dir, small_seed)
    with _stack(data_dir, small_seed) as stack:
        assert stack.state_note.startswith("resuming")
        assert stack.emulator is not None
        summary = stack.poll_once()
        assert not [d for d, n in summary.get("counts", {}).items() if n and d != "not_claimed"]
        # The drafts of the first run are still on the inbox page, and none was posted twice.
        assert _comment_counts(stack) == first
        assert all(n <= 1 for n in stack.emulator.stats()["comment_posts_by_thread"].values())


@pytest.mark.slow
@pytest.mark.parametrize("lost", ["emulator", "ledger"])
def test_only_half_of_the_pair_starts_both_afresh_and_drafts_once(
    data_dir: Path, small_seed: str, lost: str
) -> None:
    _first_run(data_dir, small_seed)
    local = LocalData(data_dir)
    if lost == "emulator":
        local.emulator_file.unlink()
    else:  # a ledger lost beside a kept inbox would draft every email a second time
        for path in local.ledger_dir.iterdir():
            path.unlink()
    with _stack(data_dir, small_seed) as stack:
        assert "afresh" in stack.state_note and lost in stack.state_note
        decided = poll_until_quiet(stack)
        assert decided["posted"] >= 1
        counts = _comment_counts(stack)
        assert counts and all(n <= 1 for n in counts.values()), counts
        assert stack.emulator is not None
        notes = stack.emulator.stats()["notes_created"]
        assert sum(counts.values()) == decided["posted"] - notes


def test_fresh_discards_the_pair_and_a_matching_pair_is_resumed(tmp_path: Path) -> None:
    local = LocalData(tmp_path)
    assert "afresh" in local.prepare("default")
    local.ledger_dir.mkdir()
    (local.ledger_dir / "__azurite_db_table__.json").write_text("{}")
    account = Account()
    keys = load_seed(account, read_seed("default"))
    persistence.write(
        local.emulator_file, persistence.snapshot(account, seed="default", thread_keys=keys)
    )
    assert local.prepare("default").startswith("resuming")
    assert local.has_ledger() and local.emulator_file.exists()
    # Saved from another seed: the inbox is not the one asked for; both go.
    note = local.prepare("empty")
    assert "afresh" in note and not local.has_ledger() and not local.emulator_file.exists()
    persistence.write(
        local.emulator_file, persistence.snapshot(account, seed="default", thread_keys=keys)
    )
    (local.ledger_dir).mkdir()
    (local.ledger_dir / "db.json").write_text("{}")
    assert "--fresh" in local.prepare("default", fresh=True)
    assert not local.has_ledger() and not local.emulator_file.exists()


def test_saved_account_round_trips_and_continues_its_ids(tmp_path: Path) -> None:
    account = Account(seed=7)
    keys = load_seed(account, read_seed("default"))
    account.comment_posts["x"] = 1
    path = tmp_path / "state.json"
    persistence.write(path, persistence.snapshot(account, seed="default", thread_keys=keys))
    saved = persistence.read(path)
    again = persistence.restore(saved)
    assert saved.thread_keys == keys
    assert [t.to_json() for t in again.threads.values()] == [
        t.to_json() for t in account.threads.values()
    ]
    assert [len(t.messages) for t in again.threads.values()] == [
        len(t.messages) for t in account.threads.values()
    ]
    assert again.comment_posts == {"x": 1}
    # New ids continue where the saved account stopped: no id is handed out twice.
    inbox = account.default_inbox()
    assert (
        again.new_thread(inbox, "a@example.com", 0).id
        == account.new_thread(inbox, "a@example.com", 0).id
    )
    assert again._message_id() == account._message_id()
    assert again.contact_id("new@example.com") == account.contact_id("new@example.com")


def test_a_broken_state_file_is_named_and_cleared_before_start(tmp_path: Path) -> None:
    local = LocalData(tmp_path)
    local.emulator_file.write_text('{"format": 99}')
    with pytest.raises(persistence.SavedStateError, match=re.escape(str(local.emulator_file))):
        persistence.read(local.emulator_file)
    assert local.emulator_seed() is None
    assert "afresh" in local.prepare("default") and not local.emulator_file.exists()


@pytest.mark.slow
def test_a_newcomers_two_runs_the_second_serves_the_first_runs_drafts(tmp_path: Path) -> None:
    """As a new user: `triage run` (what `make run` does), then `triage run --serve`."""
    import os
    import signal
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parent.parent
    data = tmp_path / "localdata"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QDRANT_", "LLM_", "LEDGER_"))}
    env.update(PYTHONPATH=str(root), PYTHONUNBUFFERED="1", LLM_PROVIDER="none")
    triage = [sys.executable, "-m", "localdev.cli", "run", "--data-dir", str(data), "--json"]
    first = subprocess.run(triage, cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr[-3000:]
    ran = json.loads(first.stdout)
    posted = [e for e in ran["emails"] if e["decision"] == "posted"]
    assert posted
    # the knowledge-base feedback demo drafts its own emails too: its topic emails, the
    # follow-up asked after accepting, and the drafts whose fact the agents change
    demo = ran.get("kb_feedback_demo") or {}
    demo_drafts = demo.get("topic_emails", 0) + demo.get("stale_emails", 0)
    demo_drafts += 1 if demo.get("follow_up_decision") else 0

    out, err = tmp_path / "out.json", tmp_path / "err.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        second = subprocess.Popen(
            [*triage, "--serve"], cwd=root, env=env, stdout=stdout, stderr=stderr
        )
    try:
        deadline = time.monotonic() + 300
        while "serving the emulator" not in err.read_text() and second.poll() is None:
            assert time.monotonic() < deadline, err.read_text()[-3000:]
            time.sleep(0.5)
        assert second.poll() is None, err.read_text()[-3000:]
        assert "resuming the ledger and the emulator's inbox" in err.read_text()
        result = json.loads(out.read_text())
        assert result["emails"] == []  # nothing posted again
        page = result["inbox_page"]
        with urllib.request.urlopen(page, timeout=30) as r:
            threads = set(re.findall(r"/_emulator/ui/threads/(\d+)", r.read().decode()))
        commented = set()
        for thread_id in threads:
            with urllib.request.urlopen(f"{page}/threads/{thread_id}", timeout=30) as r:
                if "Internal comment" in r.read().decode():
                    commented.add(thread_id)
        stats_url = page.removesuffix("/ui") + "/stats"
        with urllib.request.urlopen(stats_url, timeout=30) as r:
            stats = json.loads(r.read())
        posts = stats["comment_posts_by_thread"]
        # Every draft of the first run is there, each once: a comment on its thread (a
        # help-desk inbox's draft is a CRM note on the ticket instead).
        assert set(posts) == commented and all(n == 1 for n in posts.values())
        assert len(posts) + stats["notes_created"] == len(posted) + demo_drafts
        first_threads = {e["thread_id"] for e in posted}
        # each of the first run's drafts is a comment, or a note on a help-desk ticket
        assert len(first_threads - commented) <= stats["notes_created"]
        assert len(commented - first_threads) <= demo_drafts  # the rest are the demo's
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=60)
