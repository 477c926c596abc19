"""The knowledge base learns from the agents, shown on the emulator (`triage run`'s demo and
tests/test_kb_feedback_e2e.py).

1. Suggested article: customers ask, in three languages, something the sample knowledge base
   does not cover (taking the e-bike on the train); we find no grounded answer; the emulated
   agents answer consistently; the next poll groups the answers into one suggestion; the demo
   accepts it (the article goes into a copy of the knowledge base, then the incremental
   ingest); the next email on the topic is answered citing the new article.
2. Stale-article alert: customers ask what delivery costs; the agents send our drafts with
   299 SEK changed to 349 SEK; the next poll records the changes and the alert appears.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

TOPIC_FACT = "50 SEK"  # what a correct answer on the new topic says
TOPIC_EMAILS = (
    (
        "en",
        "Bike on the train?",
        "Hello,\n\nI am visiting my sister in Malmö next month. Can I take my e-bike on the "
        "train, and what do I need to do?\n\nThanks,\nOliver Grant\n+44 7700 900123",
        "Hi Oliver,\n\nYes. On regional trains you can bring the e-bike if you book a bike "
        "space in advance; a bike ticket costs 50 SEK. The battery can stay on the bike. "
        "Folding bikes travel free as luggage.\n\nBest regards,\nAnna Berg\nNordvik Bikes",
    ),
    (
        "sv",
        "Cykel på tåget",
        "Hej!\n\nJag heter Karin Ek och pendlar till Uppsala. Får jag ta med elcykeln på tåget? "
        "Min order är NB-20431.\n\nMvh Karin",
        "Hej Karin,\n\nJa. På regionaltåg kan du ta med elcykeln om du bokar en cykelplats i "
        "förväg; en cykelbiljett kostar 50 kronor. Batteriet kan sitta kvar på cykeln. "
        "Hopfällbara cyklar reser gratis som bagage.\n\nVänliga hälsningar,\nAnna Berg",
    ),
    (
        "de",
        "E-Bike im Zug",
        "Guten Tag,\n\nich heiße Jürgen Weber (Hauptstraße 5, 10115 Berlin). Darf ich mein "
        "E-Bike im Zug mitnehmen?\n\nViele Grüße\nJürgen Weber",
        "Hallo Jürgen,\n\nJa. In Regionalzügen können Sie das E-Bike mitnehmen, wenn Sie vorab "
        "einen Fahrradstellplatz buchen; ein Fahrradticket kostet 50 SEK. Der Akku kann am Rad "
        "bleiben. Falträder reisen kostenlos als Gepäck.\n\nViele Grüße\nAnna Berg",
    ),
)
FOLLOW_UP = (
    "Train with my e-bike",
    "Hi,\n\nCan I bring my e-bike with me on the train to Gothenburg?\n\nRegards,\nPriya Shah",
)
STALE_OLD, STALE_NEW = "299 SEK", "349 SEK"
STALE_EMAILS = (
    ("Delivery cost", "Hi,\n\nWhat does delivery cost for a small order?\n\nThanks,\nTom Reed"),
    ("Shipping price", "Hello,\n\nHow much is delivery on a small order?\n\nBest,\nEva Lund"),
    ("Delivery fee", "Hi there,\n\nWhat is the delivery fee for a small order?\n\nCheers,\nSam"),
)


class DemoFigures(BaseModel):
    topic_emails: int = 0
    topic_correct_before: int = 0  # drafts stating the agents' answer, before accepting
    suggestions: list[dict[str, Any]] = Field(default_factory=list)
    accepted: str | None = None  # the article written
    follow_up_decision: str | None = None  # answered | abstained | routed
    follow_up_cites_article: bool = False
    follow_up_correct: bool = False
    stale_emails: int = 0
    stale_drafts_with_old_fact: int = 0
    alerts: list[str] = Field(default_factory=list)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _comment(thread_id: str) -> str:
    """Our newest comment's text on the thread."""
    from pipeline.services import hubspot

    comments = [m for m in hubspot().list_messages(thread_id) if m.type == "COMMENT"]
    comments.sort(key=lambda m: (m.created_at is None, m.created_at))
    return comments[-1].text or "" if comments else ""


def _record(thread_id: str) -> Any:
    from pipeline.services import ledger

    rows = [r for r in ledger().all_records() if r.thread_id == thread_id]
    rows.sort(key=lambda r: str(r.received_at or r.claimed_at or ""))
    return rows[-1] if rows else None


def _inject(stack: Any, number: int, subject: str, text: str) -> str:
    thread: str = stack.emulator.inject_email(
        from_email=f"kb.demo{number}@mailbox.example", subject=subject, text=text
    )["threadId"]
    return thread


def copy_knowledge_base(source: Path, target: Path) -> Path:
    """A writable copy of the knowledge base for the demo's accepted article (the sample
    folder in the repository is never written)."""
    if target.exists():
        shutil.rmtree(target)
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        target.mkdir(parents=True)
        shutil.copy2(source, target / source.name)
    return target


def show_feedback(stack: Any, knowledge_base: Path, work_dir: Path) -> DemoFigures:
    from pipeline.kb_suggestions import accept, alerts, visible

    figures = DemoFigures()
    # 1. a gap, answered by the agents, suggested, accepted, then answered by us
    threads = [
        _inject(stack, n, subject, question)
        for n, (_lang, subject, question, _answer) in enumerate(TOPIC_EMAILS)
    ]
    stack.poll_once()
    figures.topic_emails = len(threads)
    figures.topic_correct_before = sum(TOPIC_FACT in _comment(t) for t in threads)
    for thread, (_lang, _subject, _question, answer) in zip(threads, TOPIC_EMAILS, strict=True):
        stack.emulator.admin(
            "POST", "/_emulator/agent-replies", {"thread_id": thread, "text": answer}
        )
    stack.poll_once()
    groups = visible()
    figures.suggestions = [
        {"id": g.group_id, "asked": g.count, "languages": g.languages, "title": g.title}
        for g in groups
    ]
    _say(
        f"  suggestions: {len(groups)}"
        + "".join(f"; {g.group_id} asked {g.count}x {g.languages}: {g.title!r}" for g in groups)
    )
    topic = next((g for g in groups if g.count >= len(TOPIC_EMAILS)), None)
    if topic is not None:
        folder = copy_knowledge_base(knowledge_base, work_dir / "knowledge-base")
        decided = accept(topic.group_id, "make run demo", folder=folder)
        figures.accepted = decided.article
        stack.ingest_sample_kb(folder)  # incremental: only the new article is embedded
        follow = _inject(stack, len(threads), *FOLLOW_UP)
        stack.poll_once()
        record, comment = _record(follow), _comment(follow)
        figures.follow_up_decision = record.answer_decision if record else None
        figures.follow_up_cites_article = (
            bool(record and any("train" in str(s.get("title", "")).lower() for s in record.sources))
            or "suggested/" in comment
        )
        figures.follow_up_correct = (
            figures.follow_up_decision == "answered" and TOPIC_FACT in comment
        )
        _say(
            f"  accepted {topic.group_id} -> {decided.article}; the next email on the topic: "
            f"{figures.follow_up_decision}, states {TOPIC_FACT}: {figures.follow_up_correct}"
        )
    # 2. agents change the same number in drafts citing one article
    stale = [
        _inject(stack, 10 + n, subject, text) for n, (subject, text) in enumerate(STALE_EMAILS)
    ]
    stack.poll_once()
    figures.stale_emails = len(stale)
    for thread in stale:
        if STALE_OLD in _comment(thread):
            figures.stale_drafts_with_old_fact += 1
            stack.emulator.admin(
                "POST",
                "/_emulator/agent-replies",
                {"thread_id": thread, "draft": "as_is", "change": {STALE_OLD: STALE_NEW}},
            )
    stack.poll_once()
    figures.alerts = [a.sentence for a in alerts()]
    for sentence in figures.alerts:
        _say(f"  stale article? {sentence}")
    return figures
