"""Review, then publish: the operator's side of the suggested articles (`triage suggestions`,
the report's section, and the function-key endpoints in triggers/http_api.py).

- list: the visible groups (open, or rejected and asked again since), most asked first.
- accept: write the group's Markdown article (kb_feedback/article.py) into the knowledge
  base (the blob container in Azure, KNOWLEDGE_BASE_PATH or the given folder locally) and
  mark the group accepted; the caller then runs the incremental ingest. An operator action
  only: nothing in the poll accepts.
- reject: hide the group until it grows past its count at rejection.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from kb_feedback.article import render
from kb_feedback.models import StaleAlert, SuggestionGroup
from kb_feedback.store import FeedbackStore
from pipeline.kb_ingestion import KnowledgeBaseSourceError, safe_destination
from pipeline.services import feedback_store, settings

MIN_ASKED = 2  # a suggestion is a gap asked more than once; a single answer waits


class SuggestionNotFound(KeyError):
    pass


class Decision(BaseModel):
    group_id: str
    status: Literal["accepted", "rejected"]
    article: str | None = None  # the document written (relative to the knowledge base)
    destination: str | None = None  # folder path or blob container URL
    already: bool = False  # it was already decided so: nothing written again


def visible(
    store: FeedbackStore | None = None, min_asked: int = MIN_ASKED
) -> list[SuggestionGroup]:
    groups = (store or feedback_store()).groups()
    shown = [g for g in groups if g.visible and g.count >= min_asked]
    return sorted(
        shown,
        key=lambda g: (-g.count, -(g.last_at or datetime.min.replace(tzinfo=UTC)).timestamp()),
    )


def alerts(store: FeedbackStore | None = None) -> list[StaleAlert]:
    return (store or feedback_store()).alerts()


def find(group_id: str, store: FeedbackStore | None = None) -> SuggestionGroup:
    """A group by its id or a unique prefix of it."""
    store = store or feedback_store()
    exact = store.get(group_id)
    if exact is not None:
        return exact
    matches = [g for g in store.groups() if g.group_id.startswith(group_id)] if group_id else []
    if len(matches) != 1:
        raise SuggestionNotFound(group_id)
    return matches[0]


def _write(relative: str, text: str, folder: Path | None) -> str:
    s = settings() if folder is None else None
    if s is not None and s.knowledge_base_blob_endpoint:
        from azure.identity import DefaultAzureCredential
        from azure.storage.blob import ContainerClient

        container = ContainerClient(
            account_url=s.knowledge_base_blob_endpoint,
            container_name=s.knowledge_base_container,
            credential=DefaultAzureCredential(),
        )
        container.upload_blob(relative, text.encode("utf-8"), overwrite=True)
        return f"{s.knowledge_base_blob_endpoint.rstrip('/')}/{s.knowledge_base_container}"
    root = folder or (s.knowledge_base_path if s is not None else None)
    if root is None or not root.is_dir():
        raise KnowledgeBaseSourceError(
            "accepting writes the article into the knowledge base: set "
            "KNOWLEDGE_BASE_BLOB_ENDPOINT (Azure) or KNOWLEDGE_BASE_PATH (a local folder)"
        )
    destination = safe_destination(root, relative)
    if destination is None:
        raise ValueError(f"article path outside the knowledge base: {relative}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(text, encoding="utf-8")
    return str(root)


def accept(
    group_id: str,
    by: str,
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    store: FeedbackStore | None = None,
) -> Decision:
    """Write the article and mark the group accepted (idempotent: the same path is
    rewritten if the mark failed after the write)."""
    if not by.strip():
        raise ValueError("say who accepts (--by): it goes into the article's front matter")
    store = store or feedback_store()
    group = find(group_id, store)
    if group.status == "accepted":
        return Decision(
            group_id=group.group_id, status="accepted", article=group.article, already=True
        )
    now = now or datetime.now(UTC)
    relative, text = render(group, by.strip(), now)
    destination = _write(relative, text, folder)
    store.replace(
        group.model_copy(
            update={
                "status": "accepted",
                "decided_by": by.strip(),
                "decided_at": now,
                "article": relative,
            }
        )
    )
    return Decision(
        group_id=group.group_id, status="accepted", article=relative, destination=destination
    )


def reject(
    group_id: str, by: str, *, now: datetime | None = None, store: FeedbackStore | None = None
) -> Decision:
    """Hide the group until it is asked again (its count grows past today's)."""
    store = store or feedback_store()
    group = find(group_id, store)
    store.replace(
        group.model_copy(
            update={
                "status": "rejected",
                "rejected_at_count": group.count,
                "decided_by": by.strip() or None,
                "decided_at": now or datetime.now(UTC),
            }
        )
    )
    return Decision(group_id=group.group_id, status="rejected")
