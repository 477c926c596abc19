"""Cold marketing outreach is spam; a customer who mentions a guarantee is not."""

from __future__ import annotations

from triage.models import EmailMessage, ThreadContext, TriageConfig, TriageResult
from triage.pipeline import triage_email


def triage(subject: str, text: str) -> TriageResult:
    message = EmailMessage(message_id="m", subject=subject, text=text, sender_email="a@b.example")
    return triage_email(message, ThreadContext(messages=[message]), TriageConfig())


def test_seo_outreach_is_skipped_as_spam() -> None:
    result = triage(
        "Get your website to #1 on Google GUARANTEED",
        "Our SEO experts GUARANTEE first page rankings in 7 days for only $99/month. "
        "5000 backlinks included! Reply YES to start now. Limited offer!!!",
    )
    assert not result.should_answer and result.skip_reason == "spam_content"


def test_a_customer_asking_about_the_guarantee_is_answered() -> None:
    result = triage(
        "Guarantee on my battery",
        "Hi, my battery is 14 months old and only holds 10 km now. Is it still under "
        "guarantee? My order was NB-1042.",
    )
    assert result.should_answer and result.skip_reason is None
