"""Every SpamAssassin corpus email (6,046 real raw emails) through parse_eml + triage_email.

Asserts robustness only: zero exceptions, and non-empty cleaned text for >= 99% of the
emails that have a text body. Spam precision/recall of the offline content signals is
printed, not asserted (run with -s to see it).
"""

from __future__ import annotations

from collections import Counter

from tests.triage_fixtures import CorpusEmail, spamassassin_corpus_fixture  # noqa: F401
from triage.eml import _parse_eml
from triage.models import SkipReason, ThreadContext, TriageConfig
from triage.pipeline import triage_email

EXPECTED_EMAILS = 6046


def test_corpus_is_fully_triaged_without_errors(spamassassin_corpus: list[CorpusEmail]):
    assert len(spamassassin_corpus) == EXPECTED_EMAILS
    config = TriageConfig(team_addresses=["@nordvikbikes.example"])
    errors: list[str] = []
    with_body = empty_cleaned = 0
    reasons: Counter[tuple[bool, str]] = Counter()
    spam_content = {"tp": 0, "fp": 0, "fn": 0}
    any_skip = {"tp": 0, "fp": 0, "fn": 0}
    for item in spamassassin_corpus:
        raw = item.path.read_bytes()
        try:
            message = _parse_eml(raw)  # the strict parse: parse_eml's fallback would hide bugs
        except Exception as exc:
            errors.append(f"{item.path.name}: parse {type(exc).__name__}: {exc}")
            continue
        result = triage_email(message, ThreadContext(messages=[message]), config)
        if any(note.startswith("triage error") for note in result.notes):
            errors.append(f"{item.path.name}: {result.notes}")
        if message.text.strip() or (message.html or "").strip():
            with_body += 1
            empty_cleaned += not result.cleaned_text.strip()
        reason = result.skip_reason.value if result.skip_reason else "answer"
        reasons[(item.is_spam, reason)] += 1
        _count(spam_content, item.is_spam, result.skip_reason == SkipReason.spam_content)
        _count(any_skip, item.is_spam, not result.should_answer)

    print(
        f"\ncorpus: {len(spamassassin_corpus)} emails, {with_body} with a text body, "
        f"{empty_cleaned} of them with empty cleaned text"
    )
    print(
        "decisions (spam?, reason): "
        + ", ".join(
            f"{'spam' if spam else 'ham'}/{reason}={n}"
            for (spam, reason), n in sorted(reasons.items())
        )
    )
    for name, counts in (("spam_content rule", spam_content), ("any skip reason", any_skip)):
        precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
        recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
        print(f"{name}: precision {precision:.3f} recall {recall:.3f} ({counts})")

    assert errors == []
    assert empty_cleaned <= 0.01 * with_body, f"{empty_cleaned} of {with_body} empty"


def _count(counts: dict[str, int], actual: bool, predicted: bool) -> None:
    if predicted and actual:
        counts["tp"] += 1
    elif predicted:
        counts["fp"] += 1
    elif actual:
        counts["fn"] += 1
