"""`triage eval drafts`: the scoring on hand-made outcomes, the set files, and one run end to
end on a tiny knowledge base (the real offline embedder and the production answer step)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evaluation import drafts as draft_eval
from evaluation.drafts import (
    EmailResult,
    EvalEmail,
    SetError,
    aggregate,
    facts_in,
    first_line_language,
    load_set,
    matches_gold,
    score,
    select,
)
from evaluation.loss_stages import STAGES
from localdev import cli
from localdev.openai_stub import OpenAIStub
from rag.ingest.pipeline import iter_source_files, load_document
from rag.models import Passage
from tests import rag_fixtures

REPO = Path(__file__).resolve().parents[1]

# Fixtures bound as module names (an assignment does not trip ruff's F811).
openai_stub = rag_fixtures.openai_stub
stub = rag_fixtures.stub


def passage(source: str, section: str = "", chunk_id: str | None = None) -> Passage:
    return Passage(
        chunk_id=chunk_id or f"{source}#{section}",
        doc_id=source,
        title=source,
        source=source,
        section=section,
        text="...",
    )


def email(expect: str = "answer", **fields: Any) -> EvalEmail:
    defaults: dict[str, Any] = {
        "id": "e1",
        "language": "en",
        "subject": "Delivery",
        "body": "Hi, how long does delivery take? Thanks, Ann",
        "expect": expect,
    }
    if expect == "answer":
        defaults["gold_sources"] = ["help/delivery.md#How long does delivery take?"]
        defaults["key_facts"] = [["3-5", "3 to 5"]]
    return EvalEmail.model_validate({**defaults, **fields})


def result(item: EvalEmail, decision: str, **scored: Any) -> EmailResult:
    return EmailResult(
        id=item.id, language=item.language, expect=item.expect, decision=decision, **scored
    )


DELIVERY = passage("help/delivery.md", "How long does delivery take?")
RETURNS = passage("help/returns.md", "Return period")


def test_a_draft_citing_only_a_wrong_source_is_a_wrong_answer() -> None:
    scored = score(
        email(),
        decision="answered",
        passages=[DELIVERY, RETURNS],
        cited_chunk_ids=[RETURNS.chunk_id],  # retrieved the right one, cited the wrong one
        draft_body="Hello,\n\nYou can return products within 30 days. 3-5 [1]",
        draft_language="en",
    )
    assert scored["wrong"] and not scored["correct"]
    assert scored["gold_retrieved"] and not scored["gold_cited"]
    assert scored["cited"] == ["help/returns.md#Return period"]


def test_an_answer_to_an_email_that_must_not_get_one_is_wrong() -> None:
    scored = score(
        email("route", route_reason="legal"),
        decision="answered",
        passages=[DELIVERY],
        cited_chunk_ids=[DELIVERY.chunk_id],
        draft_body="Hello,\n\nDelivery takes 3-5 days.",
        draft_language="en",
    )
    assert scored["wrong"] and not scored["correct"]


def test_an_abstention_on_an_unanswerable_email_is_a_correct_abstention() -> None:
    item = email("abstain")
    scored = score(
        item,
        decision="abstained",
        passages=[],
        cited_chunk_ids=[],
        draft_body="Hello,\n\nA colleague will look into it.",
        draft_language="en",
    )
    assert not scored["wrong"]
    metrics = aggregate([result(item, "abstained", **scored)])
    assert metrics["abstention_recall"] == {"n": 1, "of": 1, "rate": 1.0}
    assert metrics["not_answered"]["n"] == 1 and metrics["wrong"]["n"] == 0


def test_an_email_skipped_by_triage_counts_as_abstained_or_as_a_false_abstention() -> None:
    unanswerable, answerable = email("abstain", id="a"), email(id="b")
    skipped: dict[str, Any] = {
        "passages": [],
        "cited_chunk_ids": [],
        "draft_body": "",
        "draft_language": None,
    }
    results = [
        result(e, "skipped", **score(e, decision="skipped", **skipped))
        for e in (unanswerable, answerable)
    ]
    metrics = aggregate(results)
    assert metrics["abstention_recall"]["n"] == 1
    assert metrics["false_abstentions"] == {"n": 1, "of": 1, "rate": 1.0}
    assert metrics["reply_language"]["of"] == 0  # no draft, nothing to judge


def test_a_missing_key_fact_means_not_answered_correctly_but_not_wrong() -> None:
    item = email(key_facts=[["3-5", "3 to 5"], ["299"]])
    scored = score(
        item,
        decision="answered",
        passages=[DELIVERY],
        cited_chunk_ids=[DELIVERY.chunk_id],
        draft_body="Hello,\n\nOrders arrive in 3\u20135 working days. [1]",  # en dash
        draft_language="en",
    )
    assert scored["gold_cited"] and not scored["correct"] and not scored["wrong"]
    assert scored["facts_found"] == ["3-5"] and scored["facts_missing"] == [["299"]]
    metrics = aggregate([result(item, "answered", **scored)])
    assert metrics["key_facts"] == {"n": 1, "of": 2, "rate": 0.5}


def test_key_facts_match_any_alternative_case_insensitively() -> None:
    found, missing = facts_in("Frakten är GRATIS över 5\u00a0000 kr", [["5 000", "5,000"], ["x"]])
    assert found == ["5 000"] and missing == [["x"]]


def test_routing_recall_and_routed_as_abstained_are_counted_apart() -> None:
    routed, held = email("route", id="r1"), email("route", id="r2")
    results = [result(routed, "routed"), result(held, "abstained")]
    metrics = aggregate(results)
    assert metrics["routing_recall"]["n"] == 1
    assert metrics["routed_as_abstained"]["n"] == 1
    assert metrics["not_answered"] == {"n": 2, "of": 2, "rate": 1.0}


@pytest.mark.parametrize(
    ("source", "section", "gold", "expected"),
    [
        ("help/delivery.md", "Costs", "help/delivery.md#Costs", True),
        ("help/delivery.md", "Costs", "help/delivery.md", True),  # bare path: any section
        ("help/delivery.md", "Costs > Sweden", "help/delivery.md#Costs", True),  # nested
        ("help/delivery.md", "Times", "help/delivery.md#Costs", False),
        ("help/delivery.md", "Costs", "sv/delivery.md#Costs", False),
        ("faq.csv", "Is delivery free?", "faq.csv#Is delivery free?", True),
        ("help/delivery.md", "Costs and more", "help/delivery.md#Costs", False),
    ],
)
def test_gold_source_matching(source: str, section: str, gold: str, expected: bool) -> None:
    assert matches_gold(source, section, gold) is expected


def test_reply_language_reads_the_greeting_of_the_first_line() -> None:
    assert first_line_language("Hej,\n\nTack för ditt meddelande.", "sv") == "sv"
    assert first_line_language("Hej,\n\nTak for din besked.", "da") == "da"  # shared greeting
    assert first_line_language("Hello,\n\nThank you.", "sv") == "en"
    assert draft_eval.closing_language("Hej,\n\n...\n\nVenlig hilsen\nKundeservice", "da") == "da"
    assert draft_eval.closing_language("Hej,\n\n...\n\nKind regards,\nSupport", "sv") == "en"
    assert draft_eval.closing_language("Hej,\n\n- a line [1]", "sv") is None
    mixed = score(
        email(language="sv"),
        decision="answered",
        passages=[],
        cited_chunk_ids=[],
        draft_body="Hej,\n\nTack.\n\nKind regards,\nCustomer support",  # English closing
        draft_language="sv",
    )
    assert mixed["reply_language_ok"] is False
    item = email(language="sv")
    scored = score(
        item,
        decision="abstained",
        passages=[],
        cited_chunk_ids=[],
        draft_body="Hello,\n\nA colleague will look into it.",
        draft_language="sv",  # declared Swedish, written in English
    )
    assert scored["reply_language_ok"] is False


def test_a_malformed_line_names_the_file_and_the_line(tmp_path: Path) -> None:
    good = email().model_dump(exclude_none=True)
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(SetError, match=rf"{path}:2: not JSON"):
        load_set(path)
    bad = {**good, "id": "e2", "expect": "maybe"}
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(SetError, match=rf"{path}:3: expect"):
        load_set(path)
    no_gold = {**good, "id": "e3", "gold_sources": []}
    path.write_text(json.dumps(no_gold) + "\n", encoding="utf-8")
    with pytest.raises(SetError, match=rf"{path}:1: .*gold source"):
        load_set(path)
    path.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    with pytest.raises(SetError, match=rf"{path}:2: id 'e1' already used on line 1"):
        load_set(path)


def test_limit_takes_emails_round_robin_over_languages() -> None:
    emails = [email(id=f"en{i}") for i in range(3)] + [email(id="sv0", language="sv")]
    assert [e.id for e in select(emails, "all", 2)] == ["en0", "sv0"]
    split = [email(id="d", split="dev"), email(id="t", split="test")]
    assert [e.id for e in select(split, "test", None)] == ["t"]


def _sections(root: Path) -> set[str]:
    labels = set()
    for source in iter_source_files(root):
        document = load_document(source, "")
        labels.add(document.source)
        labels.update(f"{document.source}#{s.heading}" for s in document.sections if s.heading)
    return labels


def test_every_gold_source_of_the_sample_set_names_a_section_the_loaders_produce() -> None:
    sections = _sections(REPO / "samples" / "knowledge-base")
    emails = load_set(draft_eval.SAMPLE_SET)
    unknown = {g for e in emails for g in e.gold_sources if g not in sections}
    assert not unknown
    assert len(emails) >= 170 and len({e.language for e in emails}) >= 8
    assert sum(e.expect == "answer" for e in emails) >= 120
    assert sum(e.expect != "answer" for e in emails) >= 45
    assert all(e.split in ("dev", "test") for e in emails)
    assert all(e.route_reason for e in emails if e.expect == "route")


def test_zaragoza_gold_sources_name_the_sections_written_for_the_answers(tmp_path: Path) -> None:
    draft_eval.write_zaragoza_kb(tmp_path)
    sections = _sections(tmp_path)
    emails = draft_eval.zaragoza_emails()
    assert len(emails) == 2 * draft_eval.ZARAGOZA_SAMPLE_PER_LANGUAGE
    assert all(set(e.gold_sources) <= sections for e in emails)
    assert emails == draft_eval.zaragoza_emails()  # deterministic
    assert len(load_set(draft_eval.ZARAGOZA_OOD)) >= 30


def test_a_question_the_faq_holds_twice_accepts_either_answer(tmp_path: Path) -> None:
    import zaragoza_construction_faq as faq

    from evaluation.zaragoza_twins import relevant_ids, twins

    questions = {r["id"]: r["q"] for r in faq.load(lang="en")}
    assert questions["kontrakt-006"] == questions["kontrakt-015"]
    assert relevant_ids("kontrakt-006") == {"kontrakt-006", "kontrakt-015"}
    assert relevant_ids("kontrakt-001") == {"kontrakt-001"}  # most questions have no twin
    assert 0 < len(twins()) < 30
    draft_eval.write_zaragoza_kb(tmp_path)
    sections = _sections(tmp_path)
    by_id = {e.id: e for e in draft_eval.zaragoza_emails(full=True)}
    gold = by_id["zaragoza-en-kontrakt-006"].gold_sources
    assert "en/kontrakt.md#kontrakt-015" in gold and "sv/kontrakt.md#kontrakt-006" in gold
    assert set(gold) <= sections
    assert len(by_id["zaragoza-en-kontrakt-001"].gold_sources) == 2


TINY_SET = [
    {
        "id": "tiny-answer",
        "language": "en",
        "subject": "Delivery time",
        "body": "Hello,\n\nHow many working days does delivery take within Sweden?\n\nBest,\nAnn",
        "expect": "answer",
        "gold_sources": ["guides/delivery.md#Times"],
        "key_facts": [["3-5"]],
        "intent": "delivery",
        "split": "dev",
    },
    {
        "id": "tiny-abstain",
        "language": "en",
        "subject": "Pianos",
        "body": "Hi,\n\nCan you tune my grand piano before the concert on Friday?\n\nThanks,\nBo",
        "expect": "abstain",
        "split": "test",
    },
]


def write_tiny_kb(root: Path) -> Path:
    (root / "guides").mkdir(parents=True)
    (root / "guides" / "delivery.md").write_text(
        "# Delivery\n\n## Times\n\nParcels arrive in 3-5 working days within Sweden.\n\n"
        "## Costs\n\nShipping is free above 5,000 SEK, else 299 SEK.\n",
        encoding="utf-8",
    )
    (root / "faq.csv").write_text(
        "question,answer\nDo you sell tyres?,Yes: tyres and brake pads are in the web shop.\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("EMBEDDING_CACHE_DIR", str(tmp_path / "embedding-cache"))
    monkeypatch.delenv("LLM_PROVIDER", raising=False)
    kb = write_tiny_kb(tmp_path / "kb")
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in TINY_SET) + "\n", encoding="utf-8")
    return path, kb


def test_eval_drafts_runs_a_set_of_your_own_end_to_end(
    tiny: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, kb = tiny
    summary_path = tmp_path / "summary.json"
    argv = ["eval", "drafts", "--set", str(path), "--kb", str(kb), "--json"]
    assert cli.main([*argv, "--write-summary", str(summary_path)]) == 0
    report = json.loads(capsys.readouterr().out)
    (block,) = report["sets"]
    assert block["name"] == "tiny" and block["metrics"]["emails"] == 2
    assert block["metrics"]["answerable"] == 1
    by_id = {r["id"]: r for r in block["results"]}
    assert set(by_id) == {"tiny-answer", "tiny-abstain"}
    kb_sections = _sections(kb)
    for item in by_id.values():
        assert item["decision"] in ("answered", "abstained", "routed", "skipped")
        assert set(item["cited"]) <= kb_sections  # cited as path#heading of the tiny KB
        assert item["intent_predicted"]
    answer = by_id["tiny-answer"]
    if answer["decision"] == "answered":
        assert answer["draft"] and answer["reply_language"] == "en"
        assert answer["correct"] == (answer["gold_cited"] and not answer["facts_missing"])
    # where the answerable email's answer ended, and only for answerable emails
    assert answer["stage"] in STAGES and by_id["tiny-abstain"]["stage"] == ""
    assert (answer["stage"] == "answered") == answer["correct"]
    assert block["metrics"]["stages"] == {answer["stage"]: 1}
    assert "answerable emails by where the answer ended: " in draft_eval.format_set(block)
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    assert "results" not in summary["sets"][0]
    assert summary["sets"][0]["metrics"] == block["metrics"]
    drafts = [r["draft"] for r in block["results"] if r["draft"]]
    written = summary_path.read_text(encoding="utf-8")
    assert drafts and not any(json.dumps(d, ensure_ascii=False)[1:-1] in written for d in drafts)


def test_eval_drafts_reports_a_malformed_set_and_exits_2(
    tiny: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, kb = tiny
    path.write_text(json.dumps(TINY_SET[0]) + "\n[1, 2]\n", encoding="utf-8")
    assert cli.main(["eval", "drafts", "--set", str(path), "--kb", str(kb)]) == 2
    assert f"{path}:2: expected a JSON object" in capsys.readouterr().err
    assert cli.main(["eval", "drafts", "--set", str(path)]) == 2
    assert "--set FILE and --kb FOLDER go together" in capsys.readouterr().err


def test_eval_drafts_uses_the_llm_classifier_and_drafter_when_configured(
    tiny: tuple[Path, Path],
    stub: OpenAIStub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Plumbing only: the stub's canned answers say nothing about draft quality."""
    path, kb = tiny
    monkeypatch.setenv("LLM_PROVIDER", "openai_compatible")
    monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    before = len(stub.requests())
    assert cli.main(["eval", "drafts", "--set", str(path), "--kb", str(kb), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["components"]["drafter"] == "LlmDrafter"
    assert report["components"]["classifier"] == "LlmClassifier"
    assert any(r["path"] == "/v1/chat/completions" for r in stub.requests())
    for item in report["sets"][0]["results"]:
        if item["decision"] == "answered":
            assert item["drafter"].startswith("llm/")
    usage = report["sets"][0]["model_usage"]  # tokens, cost per email and fallbacks
    billed = [r["billed"] for r in stub.requests()[before:] if r["billed"]]
    assert usage["prompt_tokens"] == sum(b["prompt_tokens"] for b in billed) > 0
    assert usage["completion_tokens"] == sum(b["completion_tokens"] for b in billed)
    assert usage["cost_usd_per_email"] > 0 and usage["fallbacks"] == 0
    assert "LLM fallbacks 0" in draft_eval.format_set(report["sets"][0])


def test_targets_say_which_issue_targets_a_run_meets() -> None:
    good, bad = email(id="g"), email(id="b")
    results = [
        result(good, "answered", correct=True, reply_language_ok=True),
        result(bad, "abstained", reply_language_ok=False),
    ]
    found = draft_eval.targets(aggregate(results))
    assert found["correct"] == {"rate": 0.5, "target": ">= 0.85", "met": False}
    assert found["wrong"]["met"] is True
    assert found["not_answered"]["met"] is None  # no abstain/route email to judge
    assert found["reply_language"]["met"] is False


def test_every_key_fact_of_the_sample_set_is_in_one_of_its_gold_sources() -> None:
    """A correct answer must be possible: each fact is quotable from a gold section."""
    emails = load_set(draft_eval.SAMPLE_SET)
    assert draft_eval.check_set(emails, REPO / "samples" / "knowledge-base") == []


def test_check_reports_gold_sources_and_key_facts_the_folder_does_not_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kb = write_tiny_kb(tmp_path / "kb")
    typo = email(gold_sources=["guides/delivery.md#Time"], key_facts=[["3-5"]])
    unreachable = email(id="e2", gold_sources=["guides/delivery.md#Times"], key_facts=[["42"]])
    problems = draft_eval.check_set([typo, unreachable], kb)
    assert len(problems) == 2
    assert "e1: gold source 'guides/delivery.md#Time'" in problems[0]
    assert "e2: key fact ['42']" in problems[1]
    path = tmp_path / "set.jsonl"
    path.write_text(typo.model_dump_json() + "\n", encoding="utf-8")
    assert cli.main(["eval", "drafts", "--check", "--set", str(path), "--kb", str(kb)]) == 1
    assert "1 label problems" in capsys.readouterr().out


def test_compare_lists_rate_changes_and_the_emails_whose_outcome_changed() -> None:
    item, other = email(id="a"), email("abstain", id="b")
    then = [result(item, "abstained"), result(other, "answered", wrong=True)]
    now = [result(item, "answered", correct=True, gold_cited=True), result(other, "abstained")]
    earlier = draft_eval.summary(
        {"commit": "old", "sets": [draft_eval.set_report("s", "kb", then)]}
    )
    assert earlier["sets"][0]["outcomes"] == {"a": "abstained", "b": "wrong"}
    report = {"sets": [draft_eval.set_report("s", "kb", now)]}
    (block,) = draft_eval.compare(report, earlier)["sets"]
    assert block["changed"] == {"a": ["abstained", "correct"], "b": ["wrong", "abstained"]}
    assert block["points"]["correct"] == 100.0 and block["points"]["wrong"] == -50.0
