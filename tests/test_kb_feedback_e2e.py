"""The loop end to end on the emulator (empty seed inbox), through the production app on the
local Durable host: emails on a topic the sample knowledge base lacks are abstained, the
emulated agents answer them in three languages, the next poll groups the answers into one
suggestion; accepted, the article is ingested and the next email on the topic is answered
with the agents' fact, citing it. Then agents change 299 SEK to 349 SEK in drafts citing the
delivery article, and the alert appears. Nothing personal from the emails is stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from localdev import feedback_demo
from localdev.stack import SAMPLE_KB, LocalStack
from pipeline.services import feedback_store

pytestmark = pytest.mark.slow


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LocalStack]:
    with LocalStack(
        data_dir=tmp_path,
        seed="empty",
        persist_ledger=False,
        settings={"POLL_OVERLAP_SECONDS": "60"},
    ) as running:
        running.ingest_sample_kb()
        yield running


def test_agents_answers_become_an_article_that_answers_the_next_email(
    stack: LocalStack, tmp_path: Path
) -> None:
    figures = feedback_demo.show_feedback(stack, SAMPLE_KB, tmp_path)
    assert figures.topic_emails == 3 and figures.topic_correct_before == 0
    assert [(s["asked"], s["languages"]) for s in figures.suggestions] == [
        (3, {"de": 1, "en": 1, "sv": 1})
    ]
    article = (tmp_path / "knowledge-base" / str(figures.accepted)).read_text()
    assert 'source: "agent replies"' in article and "50 SEK" in article
    assert figures.follow_up_decision == "answered"
    assert figures.follow_up_correct and figures.follow_up_cites_article
    assert figures.stale_drafts_with_old_fact == 3
    assert figures.alerts == [
        "agents changed 299 SEK to 349 SEK in 3 drafts citing "
        "https://nordvikbikes.example/help/delivery"
    ]
    store = feedback_store()
    stored = json.dumps(
        [dict(r) for t in (store.groups_table, store.edits_table) for r in t.list_entities()],
        default=str,
        ensure_ascii=False,
    )
    for planted in (
        "Oliver",
        "Grant",
        "7700 900123",
        "Karin",
        "NB-20431",
        "20431",
        "Jürgen",
        "Weber",
        "Hauptstraße",
        "10115",
        "mailbox.example",
    ):
        assert planted not in stored, planted
