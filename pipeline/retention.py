"""What the scheduled purge deletes besides orchestration history (triggers/purge.py):

- the text store: rows past their expiry (EMAIL_TEXT_RETENTION_HOURS after writing);
- the ledger: subjects of rows not updated for EMAIL_TEXT_RETENTION_HOURS are blanked and
  the reasons of skipped rows cut to the rule's label (reasons written before issue 14 could
  quote the email); states and labels stay (exactly-once needs them).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.settings import Settings
from pipeline.services import ledger


def purge_expired_text(settings: Settings, now: datetime | None = None) -> dict[str, int]:
    moment = now or datetime.now(UTC)
    book = ledger()
    cutoff = moment - timedelta(hours=settings.email_text_retention_hours)
    return {
        "texts_deleted": book.texts.delete_expired(moment),
        "subjects_blanked": book.scrub_subjects(cutoff),
        "skip_details_cut": book.scrub_skip_details(cutoff),
    }
