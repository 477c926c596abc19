"""`triage suggestions` against Azurite's tables: list (most asked first, alerts after),
show (the article it would write), accept (writes it under suggested/), reject, alerts, and
the errors an operator meets (unknown id, no --by, no knowledge-base folder)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kb_feedback.models import Example, FactEdit, SuggestionGroup
from kb_feedback.store import FeedbackStore
from ledger.connection import table_service
from localdev import cli
from localdev.azurite import Azurite

AT = datetime(2026, 12, 1, tzinfo=UTC)


def _group(group_id: str, count: int, question: str, answer: str) -> SuggestionGroup:
    return SuggestionGroup(
        group_id=group_id,
        count=count,
        languages={"en": count},
        first_at=AT,
        last_at=AT,
        examples=[
            Example(key=f"{group_id}-k", question=question, answer=answer, language="en", at=AT)
        ],
        centroid=[1.0, 0.0],
    )


@pytest.fixture
def store(azurite: Azurite, monkeypatch: pytest.MonkeyPatch) -> FeedbackStore:
    prefix = f"c{uuid.uuid4().hex[:10]}"
    monkeypatch.setenv("LEDGER_CONNECTION_STRING", azurite.connection_string)
    monkeypatch.setenv("LEDGER_TABLE_PREFIX", prefix)
    built = FeedbackStore(table_service(connection_string=azurite.connection_string), prefix)
    built.insert(_group("aaa111", 2, "Do you sell brake pads?", "Yes, in the spare parts shop."))
    built.insert(
        _group(
            "bbb222",
            5,
            "Can I take the bike on the train?",
            "Yes: book a bike space, a bike ticket costs 50 SEK.",
        )
    )
    built.insert(_group("ccc333", 1, "Once only?", "Asked a single time, not shown."))
    for key in ("m1", "m2"):
        built.add_edit(
            FactEdit(
                key=key,
                article="help/delivery.md",
                kind="price",
                old="299 SEK",
                new="349 SEK",
                old_key="price:299:SEK",
                new_key="price:349:SEK",
                at=AT,
            ),
            0,
        )
    return built


def test_list_is_most_asked_first_then_the_alerts(
    store: FeedbackStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["suggestions", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("bbb222  asked 5x (en 5): Can I take the bike on the train?")
    assert out[1].startswith("aaa111  asked 2x")
    assert (
        out[2]
        == "stale article? agents changed 299 SEK to 349 SEK in 2 drafts citing help/delivery.md"
    )
    assert len(out) == 3  # asked once: not yet a suggestion


def test_show_accept_and_reject(
    store: FeedbackStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["suggestions", "show", "bbb"]) == 0
    assert "accepting writes suggested/can-i-take-the-bike-on-the-train-bbb222.md" in (
        capsys.readouterr().out
    )
    assert (
        cli.main(
            [
                "suggestions",
                "accept",
                "bbb",
                "--by",
                "Lena",
                "--knowledge-base",
                str(tmp_path),
                "--no-ingest",
            ]
        )
        == 0
    )
    article = tmp_path / "suggested" / "can-i-take-the-bike-on-the-train-bbb222.md"
    assert 'accepted_by: "Lena"' in article.read_text()
    assert cli.main(["suggestions", "reject", "aaa111", "--by", "Lena"]) == 0
    capsys.readouterr()
    assert cli.main(["suggestions", "list"]) == 0
    assert "asked" not in capsys.readouterr().out
    assert cli.main(["suggestions", "list", "--all"]) == 0
    assert "[accepted]" in capsys.readouterr().out


def test_operator_errors_are_one_line_and_change_nothing(
    store: FeedbackStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli.main(
            ["suggestions", "accept", "zzz", "--by", "Lena", "--knowledge-base", str(tmp_path)]
        )
        == 2
    )
    assert "no suggestion 'zzz'" in capsys.readouterr().err
    assert (
        cli.main(
            [
                "suggestions",
                "accept",
                "bbb",
                "--by",
                "Lena",
                "--knowledge-base",
                str(tmp_path / "missing"),
            ]
        )
        == 2
    )
    assert "--knowledge-base" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["suggestions", "reject", "aaa111"])  # --by is required
    group = store.get("bbb222")
    assert group is not None and group.status == "open"
