"""Draft evaluation: labelled emails through the production triage and answer step, scored.

Each set is a knowledge-base folder plus labelled emails (one JSON object a line, see
README "Evaluating drafts"). The folder is ingested with the production ingest into a
scratch embedded Qdrant in a temporary folder (never the local .localdata/qdrant); each
email goes through ``triage.pipeline.triage_email`` and, when triage says it may be
answered, ``pipeline.answering.answer_email`` with the configured classifier, embedder and
drafter (offline by default; the LLM ones when LLM_PROVIDER is set). Embeddings are cached
in EMBEDDING_CACHE_DIR, so reruns embed only what changed.

Built-in sets: ``sample`` (samples/knowledge-base + evals/data/sample_kb.jsonl) and
``zaragoza`` (the zaragoza-construction-faq answers written as Markdown, its questions
wrapped as emails in English and Swedish, plus evals/data/construction_faq_ood.jsonl).

    .venv/bin/python -m evaluation.drafts [--json] [--sets sample,zaragoza] [--split dev]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from evaluation import crossdomain
from evaluation.boilerplate import quotes_boilerplate
from evaluation.loss_stages import format_stages, loss_stage, stage_counts
from pipeline.answer_trace import AnswerTrace

if TYPE_CHECKING:
    from core.llm.usage import UsageMeter
    from core.settings import Settings
    from rag.drafting.base import Drafter
    from rag.embeddings import Embedder
    from rag.models import Passage
    from rag.store import KnowledgeStore
    from triage.classifier import IntentClassifier
    from triage.models import TriageConfig, TriageResult

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "evals" / "data"
SAMPLE_KB = REPO / "samples" / "knowledge-base"
SAMPLE_SET = DATA / "sample_kb.jsonl"
ZARAGOZA_OOD = DATA / "construction_faq_ood.jsonl"
ZARAGOZA_SAMPLE_PER_LANGUAGE = 60
DOMAINS = REPO / "evals" / "domains"  # one folder a set: emails.jsonl and kb/
BUILTIN_SETS = ("sample", "zaragoza")
# challenge sets for one part of the pipeline: run by name (--sets routing), left out of "all"
CHALLENGE_SETS = {"routing": (REPO / "evals" / "routing" / "emails.jsonl", SAMPLE_KB)}

Expect = Literal["answer", "abstain", "route"]
Decision = Literal["answered", "abstained", "routed", "skipped"]
RouteReason = Literal[
    "legal", "safety", "press", "partnership", "job", "manager", "privacy", "security"
]

METRICS_HELP = """\
metrics (per set, per language and over all emails of the set):
  emails        emails scored; answerable = expect "answer"
  correct       answerable emails answered with a gold source cited AND every key fact in
                the draft (share of answerable)
  wrong         drafts that must not exist: an answer to an email expecting abstain/route,
                or an answer citing no gold source (share of all emails)
  abst.rec      expect "abstain" -> abstained, or skipped by triage
  route.rec     expect "route" -> routed; r->abst = expect "route" but abstained/skipped
                (not answered, but no person was asked for)
  no-answer     expect abstain or route -> not answered at all (abstained, routed, skipped)
  false.abst    answerable emails not answered (abstained, routed or skipped)
  facts         key facts found / key facts asked, over answerable emails that got an answer
  lang.ok       drafts whose DraftReply.language, first line (greeting) and closing
                line are in the email's language (share of emails that got any draft)
  retr@k        answerable emails with a gold source among the top k of one of their
                questions' retrieval, drafted or not
  intent        triage intent = labelled intent (emails with an intent label); the
                confusion table lists labelled (rows) against predicted (columns)
A gold source "path#heading" matches a cited passage with that source path and section
(or a sub-section of it); a bare "path" matches any section of the file.
per set also: where each answerable email's answer ended, the first stage its gold passage
did not pass (answered; facts missing; lost to another passage: it passed, the draft cited
others; drafter found no answer; held back as flat: it passed, no article stood out; off
the question's terms: it passed, not among the question's closest by latent terms; below
the threshold: judged, too far; set aside: in the top k, dropped as another country's or
as suspect; ranked below the top k: among the 20 closest, not the top k; not retrieved;
no question found; routed; skipped), routing recall and precision per reason (rec = went
to a person, reason = with that reason, prec = routed emails of that reason labelled so),
and the reliability of the confidence (answered drafts per band, share correct and share
not wrong).
the table across sets (issue 20's targets; '!' = missed): each set's role from
evals/tuning.json (held out, or tuned on), correct, wrong, held back (= no-answer),
false.abst, route.rec, route.prec, boilerpl. (drafts quoting help-centre boilerplate:
feedback widgets, copyright and legal footers, related articles, cookie notices,
breadcrumbs), lang.ok, prec@0.8 (answered drafts at confidence >= 0.8 that are not wrong),
and the held-out sets pooled.
"""


class SetError(ValueError):
    """A labelled set cannot be read; the message names the file and line."""


class EvalEmail(BaseModel):
    """One labelled email of a set (one JSON line)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    language: str = Field(pattern=r"^[a-z]{2}$")
    subject: str = ""
    body: str = Field(min_length=1)
    expect: Expect
    gold_sources: list[str] = Field(default_factory=list)
    key_facts: list[list[str]] = Field(default_factory=list)
    intent: str | None = None
    split: Literal["dev", "test"] | None = None
    route_reason: RouteReason | None = None

    @field_validator("key_facts")
    @classmethod
    def _facts_have_alternatives(cls, facts: list[list[str]]) -> list[list[str]]:
        for fact in facts:
            if not fact or not all(alternative.strip() for alternative in fact):
                raise ValueError("each key fact is a non-empty list of non-empty strings")
        return facts

    @model_validator(mode="after")
    def _answerable_has_gold(self) -> EvalEmail:
        if self.expect == "answer" and not self.gold_sources:
            raise ValueError('expect "answer" needs at least one gold source')
        if self.expect != "route" and self.route_reason is not None:
            raise ValueError('route_reason is only for expect "route"')
        return self


def load_set(path: Path) -> list[EvalEmail]:
    """The emails of a JSON-lines file; a bad line raises SetError naming file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SetError(f"{path}: cannot read ({exc.strerror})") from None
    emails: list[EvalEmail] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SetError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(raw, dict):
            raise SetError(f"{path}:{number}: expected a JSON object")
        try:
            email = EvalEmail.model_validate(raw)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'line'}: {e['msg']}" for e in exc.errors()
            )
            raise SetError(f"{path}:{number}: {problems}") from None
        if email.id in seen:
            raise SetError(
                f"{path}:{number}: id {email.id!r} already used on line {seen[email.id]}"
            )
        seen[email.id] = number
        emails.append(email)
    if not emails:
        raise SetError(f"{path}: no emails")
    return emails


# --- scoring ----------------------------------------------------------------------------------
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " "})


def normalise(text: str) -> str:
    """Case-folded, dashes and no-break spaces unified, whitespace collapsed."""
    return " ".join(text.translate(_DASHES).casefold().split())


def source_label(passage: Passage) -> str:
    return f"{passage.source}#{passage.section}" if passage.section else passage.source


def matches_gold(source: str, section: str, gold: str) -> bool:
    """``gold`` is "path" (any section of the file) or "path#heading" (that section or one
    nested under it: the loaders join nested headings with " > ")."""
    path, _, heading = gold.partition("#")
    if source.strip("/") != path.strip("/"):
        return False
    if not heading:
        return True
    want, have = heading.strip(), section.strip()
    return have == want or have.startswith(want + " > ")


def facts_in(text: str, key_facts: Sequence[Sequence[str]]) -> tuple[list[str], list[list[str]]]:
    """(the alternative found for each fact present, the facts with no alternative present)."""
    haystack = normalise(text)
    found: list[str] = []
    missing: list[list[str]] = []
    for fact in key_facts:
        hit = next((alt for alt in fact if normalise(alt) in haystack), None)
        if hit is None:
            missing.append(list(fact))
        else:
            found.append(hit)
    return found, missing


# Greeting words of the first line -> the languages they can belong to ("hej" is Swedish and
# Danish). Longest first, so "god morgon" wins over "god".
_GREETINGS: dict[str, tuple[str, ...]] = {
    "hello": ("en",),
    "hi": ("en",),
    "dear": ("en",),
    "good morning": ("en",),
    "good afternoon": ("en",),
    "hej": ("sv", "da"),
    "hejsan": ("sv",),
    "god morgon": ("sv",),
    "god dag": ("no", "da"),
    "goddag": ("da",),
    "kære": ("da",),
    "hei": ("no", "fi"),
    "kjære": ("no",),
    "hyvä": ("fi",),
    "moi": ("fi",),
    "hallo": ("de", "nl"),
    "guten tag": ("de",),
    "guten morgen": ("de",),
    "sehr geehrte": ("de",),
    "sehr geehrter": ("de",),
    "liebe": ("de",),
    "lieber": ("de",),
    "moin": ("de",),
    "bonjour": ("fr",),
    "bonsoir": ("fr",),
    "madame": ("fr",),
    "monsieur": ("fr",),
    "cher": ("fr",),
    "chère": ("fr",),
    "hola": ("es",),
    "estimado": ("es",),
    "estimada": ("es",),
    "buenos días": ("es",),
    "buenas tardes": ("es",),
    "beste": ("nl",),
    "geachte": ("nl",),
    "goedemorgen": ("nl",),
    "goedendag": ("nl",),
    "ciao": ("it",),
    "buongiorno": ("it",),
    "gentile": ("it",),
    "salve": ("it",),
    "dzień dobry": ("pl",),
    "witam": ("pl",),
    "szanowni": ("pl",),
    "szanowny": ("pl",),
    "szanowna": ("pl",),
    "olá": ("pt",),
    "bom dia": ("pt",),
    "boa tarde": ("pt",),
    "prezado": ("pt",),
    "prezada": ("pt",),
}
_GREETING_ORDER = sorted(_GREETINGS, key=len, reverse=True)


# Closing phrases (the start of a line near the end) -> the languages they can belong to.
_CLOSINGS: dict[str, tuple[str, ...]] = {
    "kind regards": ("en",),
    "best regards": ("en",),
    "warm regards": ("en",),
    "regards": ("en",),
    "best wishes": ("en",),
    "sincerely": ("en",),
    "yours sincerely": ("en",),
    "vänliga hälsningar": ("sv",),
    "med vänlig hälsning": ("sv",),
    "hälsningar": ("sv",),
    "mvh": ("sv", "da", "no"),
    "venlig hilsen": ("da",),
    "med venlig hilsen": ("da",),
    "de bedste hilsner": ("da",),
    "vennlig hilsen": ("no",),
    "med vennlig hilsen": ("no",),
    "hilsen": ("no", "da"),
    "ystävällisin terveisin": ("fi",),
    "parhain terveisin": ("fi",),
    "terveisin": ("fi",),
    "mit freundlichen grüßen": ("de",),
    "freundliche grüße": ("de",),
    "viele grüße": ("de",),
    "beste grüße": ("de",),
    "liebe grüße": ("de",),
    "cordialement": ("fr",),
    "bien cordialement": ("fr",),
    "bien à vous": ("fr",),
    "meilleures salutations": ("fr",),
    "saludos cordiales": ("es",),
    "un saludo": ("es",),
    "un cordial saludo": ("es",),
    "saludos": ("es",),
    "atentamente": ("es",),
    "met vriendelijke groet": ("nl",),
    "vriendelijke groeten": ("nl",),
    "hartelijke groet": ("nl",),
    "groeten": ("nl",),
    "cordiali saluti": ("it",),
    "distinti saluti": ("it",),
    "saluti": ("it",),
    "cordialmente": ("it", "es", "pt"),
    "z poważaniem": ("pl",),
    "z wyrazami szacunku": ("pl",),
    "pozdrawiam": ("pl",),
    "com os melhores cumprimentos": ("pt",),
    "melhores cumprimentos": ("pt",),
    "cumprimentos": ("pt",),
    "atenciosamente": ("pt",),
}
_CLOSING_ORDER = sorted(_CLOSINGS, key=len, reverse=True)
CLOSING_SEARCH_LINES = 4  # the closing sits just above the signature


def _phrase_language(
    line: str, table: dict[str, tuple[str, ...]], order: list[str], expected: str
) -> str | None:
    text = normalise(line)
    for phrase in order:
        if re.match(rf"{re.escape(phrase)}(?![\w])", text):
            candidates = table[phrase]
            return expected if expected in candidates else candidates[0]
    return None


def closing_language(body: str, expected: str) -> str | None:
    """The language of the draft's closing line (one of the last lines), None when the
    draft has no closing phrase we know."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    for line in reversed(lines[-CLOSING_SEARCH_LINES:]):
        found = _phrase_language(line, _CLOSINGS, _CLOSING_ORDER, expected)
        if found:
            return found
    return None


def first_line_language(body: str, expected: str) -> str | None:
    """The language of the draft's first line: its greeting word, else the language
    detector on the first lines; None when neither can tell."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if not lines:
        return None
    greeting = _phrase_language(lines[0], _GREETINGS, _GREETING_ORDER, expected)
    if greeting:
        return greeting
    from triage.language import detect_raw

    guess = detect_raw(" ".join(lines[:2]))
    return guess[0] if guess else None


class EmailResult(BaseModel):
    """One email's outcome and score (no customer text other than the draft)."""

    id: str
    language: str
    expect: Expect
    route_reason: str | None = None
    split: str | None = None
    decision: Decision
    route_name: str = ""  # the needs_person rule that routed it
    reason: str = ""
    triage_language: str = ""
    intent_expected: str | None = None
    intent_predicted: str = ""
    priority: str = ""
    confidence: float = 0.0
    signals: dict[str, float] = Field(default_factory=dict)  # what the confidence is made of
    drafter: str = ""  # DraftReply.drafter/model: shows an LLM draft that fell back
    cited: list[str] = Field(default_factory=list)
    retrieved: list[str] = Field(default_factory=list)  # the passages the draft was given
    gold_cited: bool = False
    gold_retrieved: bool = False
    facts_found: list[str] = Field(default_factory=list)
    facts_missing: list[list[str]] = Field(default_factory=list)
    reply_language: str | None = None  # DraftReply.language
    reply_first_line_language: str | None = None
    reply_closing_language: str | None = None
    reply_language_ok: bool | None = None  # None: no draft (skipped)
    correct: bool = False
    wrong: bool = False
    # answerable emails: where the answer ended (evaluation.loss_stages.STAGES)
    stage: str = ""
    boilerplate_quoted: bool = False  # the draft quotes help-centre boilerplate
    draft: str = ""
    # every billed model call for the email (classifier, query embeddings, drafter; failed
    # calls too), and why the LLM drafter fell back, if it did
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    fallback: str = ""  # the failure kind ("output_filtered", "rate_limited", ...)


def score(
    email: EvalEmail,
    *,
    decision: Decision,
    passages: Sequence[Passage],
    cited_chunk_ids: Sequence[str],
    draft_body: str,
    draft_language: str | None,
) -> dict[str, Any]:
    """The scored fields of EmailResult for one outcome (pure: no model, no store)."""
    by_chunk = {p.chunk_id: p for p in passages}
    cited = [by_chunk[c] for c in cited_chunk_ids if c in by_chunk]
    gold_cited = any(
        matches_gold(p.source, p.section, g) for p in cited for g in email.gold_sources
    )
    gold_retrieved = any(
        matches_gold(p.source, p.section, g) for p in passages for g in email.gold_sources
    )
    answered = decision == "answered"
    found, missing = facts_in(draft_body, email.key_facts) if answered else ([], [])
    if not answered:
        missing = [list(f) for f in email.key_facts]
    first_line = first_line_language(draft_body, email.language) if draft_body else None
    closing = closing_language(draft_body, email.language) if draft_body else None
    language_ok: bool | None = None
    if decision != "skipped":
        language_ok = draft_language == email.language and all(
            seen in (None, email.language) for seen in (first_line, closing)
        )
    should_answer = email.expect == "answer"
    return {
        "cited": list(dict.fromkeys(source_label(p) for p in cited)),
        "retrieved": list(dict.fromkeys(source_label(p) for p in passages)),
        "gold_cited": gold_cited,
        "gold_retrieved": gold_retrieved,
        "facts_found": found,
        "facts_missing": missing,
        "reply_language": draft_language if decision != "skipped" else None,
        "reply_first_line_language": first_line,
        "reply_closing_language": closing,
        "reply_language_ok": language_ok,
        "correct": should_answer and answered and gold_cited and not missing,
        "wrong": answered and (not should_answer or not gold_cited),
    }


# --- aggregation ------------------------------------------------------------------------------
def _rate(hits: int, total: int) -> dict[str, Any]:
    return {"n": hits, "of": total, "rate": round(hits / total, 3) if total else None}


def aggregate(results: Sequence[EmailResult]) -> dict[str, Any]:
    """The metrics of a group of results (see METRICS_HELP)."""
    answerable = [r for r in results if r.expect == "answer"]
    abstain = [r for r in results if r.expect == "abstain"]
    route = [r for r in results if r.expect == "route"]
    answered_ok = [r for r in answerable if r.decision == "answered"]
    facts_asked = sum(len(r.facts_found) + len(r.facts_missing) for r in answered_ok)
    drafted = [r for r in results if r.reply_language_ok is not None]
    labelled = [r for r in results if r.intent_expected]
    return {
        "emails": len(results),
        "answerable": len(answerable),
        "correct": _rate(sum(r.correct for r in answerable), len(answerable)),
        "wrong": _rate(sum(r.wrong for r in results), len(results)),
        "abstention_recall": _rate(
            sum(r.decision in ("abstained", "skipped") for r in abstain), len(abstain)
        ),
        "routing_recall": _rate(sum(r.decision == "routed" for r in route), len(route)),
        "routed_as_abstained": _rate(
            sum(r.decision in ("abstained", "skipped") for r in route), len(route)
        ),
        "not_answered": _rate(
            sum(r.decision != "answered" for r in abstain + route), len(abstain) + len(route)
        ),
        "false_abstentions": _rate(
            sum(r.decision != "answered" for r in answerable), len(answerable)
        ),
        "key_facts": _rate(sum(len(r.facts_found) for r in answered_ok), facts_asked),
        "reply_language": _rate(sum(bool(r.reply_language_ok) for r in drafted), len(drafted)),
        "retrieved_gold": _rate(sum(r.gold_retrieved for r in answerable), len(answerable)),
        "intent": _rate(
            sum(r.intent_predicted == r.intent_expected for r in labelled), len(labelled)
        ),
        "decisions": dict(Counter(r.decision for r in results)),
        "stages": stage_counts(r.stage for r in answerable),
    }


def confusion(results: Sequence[EmailResult]) -> dict[str, dict[str, int]]:
    """labelled intent -> predicted intent -> count."""
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for r in results:
        if r.intent_expected:
            row = table[r.intent_expected]
            row[r.intent_predicted] = row.get(r.intent_predicted, 0) + 1
    return {label: dict(sorted(row.items())) for label, row in sorted(table.items())}


# The targets of issue 11, on the share of each metric: (metric, comparison, bound).
TARGETS: tuple[tuple[str, str, float], ...] = (
    ("correct", ">=", 0.85),
    ("wrong", "<=", 0.03),
    ("not_answered", ">=", 0.90),
    ("false_abstentions", "<=", 0.10),
    ("reply_language", ">=", 1.0),
)


def targets(metrics: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each target with the measured share and whether it is met (None: nothing to measure)."""
    out: dict[str, dict[str, Any]] = {}
    for key, comparison, bound in TARGETS:
        value = metrics[key]["rate"]
        met = None if value is None else (value >= bound if comparison == ">=" else value <= bound)
        out[key] = {"rate": value, "target": f"{comparison} {bound:g}", "met": met}
    return out


def model_usage(results: Sequence[EmailResult]) -> dict[str, Any] | None:
    """Tokens, cost per email and LLM fallbacks of a run with hosted models; None offline."""
    prompt = sum(r.prompt_tokens for r in results)
    completion = sum(r.completion_tokens for r in results)
    fallbacks = Counter(r.fallback for r in results if r.fallback)
    if not (prompt or completion or fallbacks):
        return None
    cost = sum(r.cost_usd for r in results)
    return {
        "emails": len(results),
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "cost_usd": round(cost, 6),
        "cost_usd_per_email": round(cost / len(results), 6) if results else 0.0,
        "fallbacks": sum(fallbacks.values()),
        "fallback_reasons": dict(fallbacks.most_common()),
    }


def set_report(name: str, kb: str, results: Sequence[EmailResult]) -> dict[str, Any]:
    languages = sorted({r.language for r in results})
    splits = sorted({r.split for r in results if r.split})
    metrics = aggregate(results)
    dumped = [r.model_dump(mode="json") for r in results]
    usage = model_usage(results)
    return {
        "name": name,
        "kb": kb,
        "metrics": metrics,
        **({"model_usage": usage} if usage else {}),
        "targets": targets(metrics),
        "routing": crossdomain.routing(dumped),
        "reliability": crossdomain.reliability(dumped),
        "held_out_figures": crossdomain.held_out_figures(metrics, dumped),
        "by_split": {split: aggregate([r for r in results if r.split == split]) for split in splits}
        if len(splits) > 1
        else {},
        "by_language": {
            lang: aggregate([r for r in results if r.language == lang]) for lang in languages
        },
        "by_expect": {
            e: aggregate([r for r in results if r.expect == e])
            for e in ("answer", "abstain", "route")
            if any(r.expect == e for r in results)
        },
        "intent_confusion": confusion(results),
        "results": dumped,
    }


# --- the production components ----------------------------------------------------------------
@dataclass
class Components:
    """What production builds from the settings (pipeline/services.py), minus the store."""

    settings: Settings
    config: TriageConfig
    classifier: IntentClassifier
    embedder: Embedder
    drafter: Drafter

    def describe(self) -> dict[str, Any]:
        return {
            "classifier": type(self.classifier).__name__,
            "embedder": self.embedder.model_id,
            "drafter": type(self.drafter).__name__,
            "llm_provider": self.settings.llm_provider.value,
            "llm_model": self.settings.llm_model
            if self.settings.llm_provider.value != "none"
            else "",
            "top_k": self.settings.retrieval_top_k,
        }


def build_components(settings: Settings | None = None) -> Components:
    """Settings from the environment (HubSpot and ledger settings optional, as in
    `triage ingest`), and the classifier, embedder and drafter built like production."""
    from core.settings import LlmProvider
    from localdev.commands.ingest import load_rag_settings
    from rag.llm import build_drafter, build_embedder, build_llm_classifier
    from triage.models import TriageConfig

    settings = settings or load_rag_settings()
    embedder = build_embedder(settings, cache_dir=settings.embedding_cache_dir)
    classifier: IntentClassifier
    if settings.llm_provider == LlmProvider.NONE:  # mirrors pipeline.services.classifier
        from triage.classifier import OfflineClassifier

        classifier = OfflineClassifier(embedder)
    else:
        classifier = build_llm_classifier(settings)
    return Components(
        settings=settings,
        config=TriageConfig.from_settings(settings),
        classifier=classifier,
        embedder=embedder,
        drafter=build_drafter(settings),
    )


Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


def ingest_scratch(
    folder: Path, components: Components, scratch: Path, name: str, progress: Progress = _quiet
) -> KnowledgeStore:
    """The production ingest of ``folder`` into an embedded Qdrant under ``scratch``."""
    from rag.ingest import ingest_path
    from rag.store import KnowledgeStore

    if not folder.is_dir():
        raise SetError(f"knowledge-base folder {folder} does not exist")
    store = KnowledgeStore(f"eval_{re.sub(r'[^a-z0-9_]', '_', name.lower())}", path=scratch)

    def report(stage: str, done: int, total: int) -> None:
        if stage == "embed" and (done == total or done % 256 == 0):
            progress(f"{name}: ingest embedded {done}/{total} chunks")

    ingest_path(
        folder,
        store,
        components.embedder,
        chunk_tokens=components.settings.chunk_tokens,
        chunk_overlap_tokens=components.settings.chunk_overlap_tokens,
        recreate=True,
        progress=report,
    )
    return store


def _thread_context(quoted: str, redact: bool) -> tuple[str, dict[str, str]]:
    """The quoted history as production hands it to the drafter (pipeline.drafting)."""
    from pipeline.drafting import MAX_THREAD_CONTEXT_CHARS, redact_context

    context = quoted[:MAX_THREAD_CONTEXT_CHARS]
    if redact and context:
        return redact_context(context)
    return context, {}


def evaluate_email(
    email: EvalEmail, store: KnowledgeStore, components: Components, index: int = 0
) -> EmailResult:
    """One email through triage_email and answer_email, scored, with what its model calls
    cost (the meter collects the query embeddings)."""
    from core.llm.usage import metering
    from triage.models import EmailMessage, ThreadContext
    from triage.pipeline import triage_email

    message = EmailMessage(
        message_id=email.id,
        thread_id=f"eval-{email.id}",
        subject=email.subject,
        text=email.body,
        sender_email=f"customer{index}@mail.example",
        sender_name="Customer",
    )
    thread = ThreadContext(thread_id=message.thread_id, messages=[message])
    with metering() as meter:
        triaged = triage_email(message, thread, components.config, components.classifier)
        return _answer(email, store, components, triaged, meter)


def _usage_fields(payload: dict[str, Any]) -> dict[str, Any]:
    from pipeline.recording import usage_labels

    labels = usage_labels(payload)
    draft = payload.get("draft") or {}
    return {
        "prompt_tokens": labels["prompt_tokens"],
        "completion_tokens": labels["completion_tokens"],
        "cost_usd": labels["cost_usd"],
        "fallback": str(draft.get("fallback_reason", "")).split(":", 1)[0],
    }


def _answer(
    email: EvalEmail,
    store: KnowledgeStore,
    components: Components,
    triaged: TriageResult,
    meter: UsageMeter,
) -> EmailResult:
    from pipeline.answering import answer_email
    from triage import pii

    base: dict[str, Any] = {
        "id": email.id,
        "language": email.language,
        "expect": email.expect,
        "route_reason": email.route_reason,
        "split": email.split,
        "triage_language": triaged.language,
        "intent_expected": email.intent,
        "intent_predicted": triaged.intent,
        "priority": triaged.priority,
        "route_name": triaged.needs_person,
    }
    if not triaged.should_answer:
        reason = str(triaged.skip_reason.value if triaged.skip_reason else "")
        scored = score(
            email,
            decision="skipped",
            passages=[],
            cited_chunk_ids=[],
            draft_body="",
            draft_language=None,
        )
        usage = _usage_fields({"triage": triaged.model_dump(mode="json")})
        stage = "skipped" if email.expect == "answer" else ""
        return EmailResult(
            **base, decision="skipped", reason=reason, stage=stage, **scored, **usage
        )
    context, mapping = _thread_context(triaged.quoted_context, components.config.pii_redaction)
    mapping = {**triaged.pii_map, **mapping}
    trace = AnswerTrace()
    outcome = answer_email(
        triaged,
        store=store,
        embedder=components.embedder,
        drafter=components.drafter,
        message_id=email.id,
        subject=email.subject,
        thread_context=context,
        top_k=components.settings.retrieval_top_k,
        trace=trace,
    )
    draft = outcome.draft
    body = pii.restore(draft.body, mapping) if mapping else draft.body
    scored = score(
        email,
        decision=outcome.decision,
        passages=outcome.passages,
        cited_chunk_ids=[c.chunk_id for c in draft.citations],
        draft_body=body,
        draft_language=draft.language,
    )
    if trace.questions:  # what retrieval found, whether or not a draft was written
        scored["gold_retrieved"] = _gold_in_top_k(email, trace)
    stage = ""
    if email.expect == "answer":
        stage = loss_stage(
            decision=outcome.decision,
            correct=scored["correct"],
            gold_cited=scored["gold_cited"],
            trace=trace,
            is_gold=lambda source, section: _is_gold(email, source, section),
        )
    usage = _usage_fields(
        {
            "triage": triaged.model_dump(mode="json"),
            "draft": draft.model_dump(mode="json"),
            "usage": {step: u.model_dump() for step, u in meter.by_step.items()},
        }
    )
    return EmailResult(
        **base,
        decision=outcome.decision,
        reason=outcome.reason,
        confidence=draft.confidence,
        signals=outcome.signals,
        drafter=f"{draft.drafter}/{draft.model}",
        boilerplate_quoted=quotes_boilerplate(body) if outcome.decision == "answered" else False,
        draft=body,
        stage=stage,
        **scored,
        **usage,
    )


def _is_gold(email: EvalEmail, source: str, section: str) -> bool:
    return any(matches_gold(source, section, gold) for gold in email.gold_sources)


def _gold_in_top_k(email: EvalEmail, trace: AnswerTrace) -> bool:
    """A gold source among the top k of some question's retrieval."""
    return any(
        p.chunk_id in question.window and _is_gold(email, p.source, p.section)
        for question in trace.questions
        for p in question.retrieved
    )


def run_set(
    evalset: EvalSet,
    emails: Sequence[EvalEmail],
    components: Components,
    progress: Progress = _quiet,
) -> dict[str, Any]:
    """Ingest the set's folder into a scratch store, run every email, and report."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="draft-eval-") as scratch:
        folder = evalset.prepare_kb(Path(scratch) / "kb")
        store = ingest_scratch(folder, components, Path(scratch) / "qdrant", evalset.name, progress)
        results: list[EmailResult] = []
        for index, email in enumerate(emails, start=1):
            results.append(evaluate_email(email, store, components, index))
            if index % 20 == 0 or index == len(emails):
                progress(f"{evalset.name}: {index}/{len(emails)} emails")
    report = set_report(evalset.name, evalset.kb_label, results)
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


# --- the sets ---------------------------------------------------------------------------------
def select(emails: Sequence[EvalEmail], split: str, limit: int | None) -> list[EvalEmail]:
    """The emails of ``split`` ("all", "dev", "test"); ``limit`` takes them round-robin
    across languages, so a short run still sees every language."""
    chosen = [e for e in emails if split == "all" or e.split == split]
    if not limit:
        return chosen
    rank: dict[str, int] = defaultdict(int)
    keyed = []
    for position, email in enumerate(chosen):
        keyed.append((rank[email.language], position, email))
        rank[email.language] += 1
    return [email for _, _, email in sorted(keyed, key=lambda item: item[:2])][:limit]


def _pick(key: str, options: Sequence[str]) -> str:
    digest = hashlib.sha256(key.encode()).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def _hash_order(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


_ZARAGOZA_WRAP: dict[str, dict[str, Sequence[str]]] = {
    "en": {
        "greeting": (
            "Hi,",
            "Hello,",
            "Good morning,",
            "Hi there,",
            "Dear Zaragoza team,",
            "Hello!",
        ),
        "context": (
            "",
            "We are planning some work on our house this year.",
            "Quick question before we decide how to go ahead.",
            "I'm comparing a few options at the moment.",
            "",
            "My partner and I have been reading up on this and got stuck on one thing.",
        ),
        "closing": (
            "Thanks,\nAnna",
            "Best regards,\nMark Holm",
            "Cheers,\nJonas",
            "Kind regards\nSara Lind\n070-123 45 67",
            "Thanks in advance!\nPeter",
            "All the best,\nEmily Strand",
        ),
        "subject": ("Question", "A question", "Quick question", "Enquiry", ""),
    },
    "sv": {
        "greeting": ("Hej,", "Hej!", "Hejsan,", "God morgon,", "Hej Zaragoza,", "Hej på er,"),
        "context": (
            "",
            "Vi planerar en del arbete på huset i år.",
            "En snabb fråga innan vi bestämmer oss.",
            "Jag jämför några alternativ just nu.",
            "",
            "Min sambo och jag har läst på men fastnat på en sak.",
        ),
        "closing": (
            "Tack på förhand,\nKarin",
            "Mvh\nPeter Ek",
            "Vänliga hälsningar,\nLena Berg\n070-987 65 43",
            "Hälsningar\nOla",
            "Tack!\nMaria Sjöberg",
            "Med vänlig hälsning,\nJohan",
        ),
        "subject": ("Fråga", "En fråga", "Snabb fråga", "Förfrågan", ""),
    },
}


def wrap_question(question: str, language: str, key: str) -> tuple[str, str]:
    """(subject, body): the question between a greeting and a sign-off, chosen from fixed
    templates by a hash of ``key`` (deterministic, varied)."""
    parts = _ZARAGOZA_WRAP[language]
    context = _pick(key + ":context", parts["context"])
    body = "\n\n".join(
        p
        for p in (
            _pick(key + ":greeting", parts["greeting"]),
            context,
            question.strip(),
            _pick(key + ":closing", parts["closing"]),
        )
        if p
    )
    subject = _pick(key + ":subject", parts["subject"])
    if not subject:  # some customers put the question itself in the subject
        words = question.split()
        subject = " ".join(words[:6]) + (" ..." if len(words) > 6 else "")
    return subject, body


def _category_title(category: str) -> str:
    return category.replace("-", " ").capitalize()


def write_zaragoza_kb(folder: Path) -> None:
    """The FAQ's answers (never its questions) as Markdown, one file per category and
    language, one section per answer whose heading is the answer's id."""
    import zaragoza_construction_faq as faq

    for language in ("en", "sv"):
        by_category: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in faq.load(lang=language):
            by_category[str(row["category"])].append(row)
        target = folder / language
        target.mkdir(parents=True, exist_ok=True)
        for category, rows in sorted(by_category.items()):
            lines = [
                "---",
                f"language: {language}",
                f"category: {category}",
                "---",
                f"# {_category_title(category)}",
                "",
            ]
            for row in rows:
                lines += [f"## {row['id']}", "", str(row["a"]).strip(), ""]
            (target / f"{category}.md").write_text("\n".join(lines), encoding="utf-8")


def zaragoza_emails(full: bool = False) -> list[EvalEmail]:
    """The FAQ's questions wrapped as emails: a deterministic 60 per language, or all."""
    import zaragoza_construction_faq as faq

    from evaluation.zaragoza_twins import twins

    emails: list[EvalEmail] = []
    for language in ("en", "sv"):
        rows = list(faq.load(lang=language))
        if not full:
            rows = sorted(rows, key=lambda r: _hash_order(f"{language}:{r['id']}"))
            rows = rows[:ZARAGOZA_SAMPLE_PER_LANGUAGE]
        for row in rows:
            answer_id, category = str(row["id"]), str(row["category"])
            subject, body = wrap_question(str(row["q"]), language, f"{language}:{answer_id}")
            emails.append(
                EvalEmail(
                    id=f"zaragoza-{language}-{answer_id}",
                    language=language,
                    subject=subject,
                    body=body,
                    expect="answer",
                    gold_sources=[
                        f"{lang}/{cat}.md#{gold}"
                        for gold, cat in [(answer_id, category), *twins().get(answer_id, ())]
                        for lang in ("en", "sv")
                    ],
                    split="dev" if int(_hash_order(answer_id)[:8], 16) % 2 == 0 else "test",
                )
            )
    return emails


@dataclass
class EvalSet:
    name: str
    emails: list[EvalEmail]
    kb_label: str
    prepare_kb: Callable[[Path], Path]  # scratch folder -> the folder to ingest


def _existing(folder: Path) -> Callable[[Path], Path]:
    return lambda _scratch: folder


def _zaragoza_folder(scratch: Path) -> Path:
    folder = scratch / "zaragoza-kb"
    write_zaragoza_kb(folder)
    return folder


def domain_sets() -> list[str]:
    """The evaluation knowledge bases under evals/domains (a folder with emails.jsonl, kb/)."""
    if not DOMAINS.is_dir():
        return []
    return sorted(
        d.name for d in DOMAINS.iterdir() if (d / "emails.jsonl").is_file() and (d / "kb").is_dir()
    )


def all_sets() -> list[str]:
    return [*BUILTIN_SETS, *domain_sets()]


def known_sets() -> list[str]:
    """Every set --sets takes by name: those of "all" and the challenge sets."""
    return [*all_sets(), *CHALLENGE_SETS]


def builtin_set(name: str, full: bool = False) -> EvalSet:
    if name in domain_sets():
        folder = DOMAINS / name
        return EvalSet(
            name, load_set(folder / "emails.jsonl"), _rel(folder / "kb"), _existing(folder / "kb")
        )
    if name == "sample":
        return EvalSet("sample", load_set(SAMPLE_SET), _rel(SAMPLE_KB), _existing(SAMPLE_KB))
    if name in CHALLENGE_SETS:
        emails_file, kb = CHALLENGE_SETS[name]
        return EvalSet(name, load_set(emails_file), _rel(kb), _existing(kb))
    if name == "zaragoza":
        emails = zaragoza_emails(full) + load_set(ZARAGOZA_OOD)
        return EvalSet(
            "zaragoza",
            emails,
            "zaragoza-construction-faq answers (en + sv), as Markdown",
            _zaragoza_folder,
        )
    raise SetError(f"unknown set {name!r}: expected one of {', '.join(known_sets())} or all")


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def kb_sections(folder: Path) -> list[tuple[str, str, str]]:
    """(source, section heading, normalised title + heading + text) of every section the
    production loaders read from ``folder``; no embedding."""
    from rag.ingest.documents import UnreadableDocument
    from rag.ingest.pipeline import iter_source_files, load_document

    sections = []
    for source in iter_source_files(folder):
        try:
            document = load_document(source, "")
        except (UnreadableDocument, ValueError, OSError):
            continue  # ingest skips it too
        for section in document.sections:
            text = normalise(f"{document.title} {section.heading} {section.text}")
            sections.append((document.source, section.heading, text))
    return sections


def check_set(emails: Sequence[EvalEmail], folder: Path) -> list[str]:
    """Label problems: gold sources that name no section of the folder, and key facts no
    gold section contains (a correct answer would be impossible)."""
    sections = kb_sections(folder)
    problems = []
    for email in emails:
        for gold in email.gold_sources:
            if not any(matches_gold(source, heading, gold) for source, heading, _ in sections):
                problems.append(f"{email.id}: gold source {gold!r} names no section of {folder}")
        texts = [
            text
            for source, heading, text in sections
            if any(matches_gold(source, heading, gold) for gold in email.gold_sources)
        ]
        for fact in email.key_facts:
            if texts and not any(normalise(alt) in text for alt in fact for text in texts):
                problems.append(f"{email.id}: key fact {fact} is in none of its gold sources")
    return problems


def check(args: argparse.Namespace) -> int:
    """--check: validate the sets' labels against their folders, without any model."""
    failed = 0
    for evalset in chosen_sets(args):
        with tempfile.TemporaryDirectory(prefix="draft-eval-check-") as scratch:
            problems = check_set(evalset.emails, evalset.prepare_kb(Path(scratch) / "kb"))
        print(f"{evalset.name}: {len(evalset.emails)} emails, {len(problems)} label problems")
        for problem in problems:
            print(f"  {problem}")
        failed += bool(problems)
    return 1 if failed else 0


# --- output -----------------------------------------------------------------------------------
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("correct", "correct"),
    ("wrong", "wrong"),
    ("abst.rec", "abstention_recall"),
    ("route.rec", "routing_recall"),
    ("r->abst", "routed_as_abstained"),
    ("no-answer", "not_answered"),
    ("false.abst", "false_abstentions"),
    ("facts", "key_facts"),
    ("lang.ok", "reply_language"),
    ("retr@k", "retrieved_gold"),
    ("intent", "intent"),
)
_CELL = 12


def _cell(rate: dict[str, Any]) -> str:
    if not rate["of"]:
        return "-"
    return f"{rate['n']}/{rate['of']} {round(100 * rate['rate'])}%"


def _row(label: str, metrics: dict[str, Any]) -> str:
    cells = [f"{label:<6}{metrics['emails']:>6}"]
    cells += [f"{_cell(metrics[key]):>{_CELL}}" for _, key in _COLUMNS]
    return "".join(cells)


def _ids(results: Iterable[dict[str, Any]], keep: Callable[[dict[str, Any]], bool]) -> str:
    ids = [r["id"] for r in results if keep(r)]
    shown = ", ".join(ids[:12])
    return shown + (f", ... ({len(ids)} in all)" if len(ids) > 12 else "") if ids else "none"


def format_set(report: dict[str, Any]) -> str:
    metrics = report["metrics"]
    lines = [
        f"== {report['name']}: {report['kb']} ({metrics['emails']} emails, "
        f"{metrics['answerable']} answerable; {report.get('seconds', 0)} s)",
        f"{'lang':<6}{'emails':>6}" + "".join(f"{title:>{_CELL}}" for title, _ in _COLUMNS),
        _row("all", metrics),
    ]
    lines += [_row(split, m) for split, m in report.get("by_split", {}).items()]
    lines += [_row(lang, m) for lang, m in report["by_language"].items()]
    decisions = ", ".join(f"{k} {v}" for k, v in sorted(metrics["decisions"].items()))
    lines.append(f"decisions: {decisions}")
    lines.append("targets (issue 11): " + _format_targets(report.get("targets", {})))
    usage = report.get("model_usage")
    if usage:
        reasons = ", ".join(f"{k} {v}" for k, v in usage["fallback_reasons"].items())
        lines.append(
            f"model: {usage['prompt_tokens']} prompt + {usage['completion_tokens']} completion "
            f"tokens, ${usage['cost_usd_per_email']:.6f} per email (${usage['cost_usd']:.4f} "
            f"in all); LLM fallbacks {usage['fallbacks']}" + (f" ({reasons})" if reasons else "")
        )
    if "routing" in report:
        lines.append(crossdomain.format_routing(report["routing"]))
    if "reliability" in report:
        reliable = report["reliability"]
        lines.append(
            crossdomain.format_reliability(reliable)
            + f"; drafts at confidence >= {crossdomain.HIGH_CONFIDENCE}: "
            + f"{_cell(reliable['high_confidence_precision'])} not wrong, "
            + f"{_cell(reliable['high_confidence_correct'])} correct"
        )
    results = report.get("results", [])
    if results:
        counted = Counter(outcome(r) for r in results)
        order = ("correct", "partial", "wrong", "abstained", "routed", "skipped")
        lines.append(
            "outcomes (partial = right source, a key fact missing): "
            + ", ".join(f"{name} {counted[name]}" for name in order if counted[name])
        )
        if metrics.get("stages"):
            lines.append(format_stages(metrics["stages"]))
        lines.append("wrong answers: " + _ids(results, lambda r: bool(r["wrong"])))
        lines.append(
            "false abstentions: "
            + _ids(results, lambda r: r["expect"] == "answer" and r["decision"] != "answered")
        )
    table = report["intent_confusion"]
    if table:
        lines += ["", _format_confusion(table, metrics["intent"])]
    return "\n".join(lines)


def _format_targets(found: dict[str, dict[str, Any]]) -> str:
    names = {key: title for title, key in _COLUMNS}
    parts = []
    for key, target in found.items():
        if target["met"] is None:
            continue
        verdict = "met" if target["met"] else "MISSED"
        comparison, bound = target["target"].split()
        parts.append(
            f"{names[key]} {100 * target['rate']:.1f}% ({comparison} {100 * float(bound):g}%) "
            f"{verdict}"
        )
    return "; ".join(parts) or "-"


def _format_confusion(table: dict[str, dict[str, int]], accuracy: dict[str, Any]) -> str:
    predicted = sorted({p for row in table.values() for p in row})
    width = max(len(label) for label in table) + 2
    lines = [
        f"intent accuracy {_cell(accuracy)}; labelled (rows) x predicted (columns, first 5 "
        "letters):",
        " " * width + "".join(f"{p[:5]:>6}" for p in predicted),
    ]
    for label, row in table.items():
        cells = "".join(
            f"{(str(row[p]) if p in row else '.') + ('*' if p == label else ''):>6}"
            for p in predicted
        )
        lines.append(f"{label:<{width}}{cells}")
    lines.append("(* = the correct column)")
    return "\n".join(lines)


def format_report(report: dict[str, Any]) -> str:
    parts = [
        f"draft evaluation; split {report['split']}; "
        + ", ".join(f"{k} {v}" for k, v in report["components"].items()),
        f"commit {report['commit']}; command: {report['command']}",
    ]
    parts += ["", *(format_set(s) + "\n" for s in report["sets"])]
    if report.get("across"):
        parts += ["== across sets", crossdomain.format_table(report["across"]), ""]
    parts.append("metrics: see `triage eval drafts --help`")
    return "\n".join(parts)


def outcome(result: dict[str, Any]) -> str:
    """One word per email: correct, wrong, partial (right source, a key fact missing), or
    the decision when there is no answer (abstained, routed, skipped)."""
    if result["decision"] != "answered":
        return str(result["decision"])
    if result["correct"]:
        return "correct"
    return "wrong" if result["wrong"] else "partial"


def summary(report: dict[str, Any]) -> dict[str, Any]:
    """The report's figures and each email's one-word outcome; no draft text."""
    return {
        **{k: v for k, v in report.items() if k not in ("sets", "comparison")},
        "sets": [
            {
                **{k: v for k, v in s.items() if k != "results"},
                "outcomes": {r["id"]: outcome(r) for r in s.get("results", [])},
            }
            for s in report["sets"]
        ],
    }


def compare(report: dict[str, Any], earlier: dict[str, Any]) -> dict[str, Any]:
    """Per set in both runs: the change of each rate (percentage points) and the emails
    whose outcome changed."""
    before = {s["name"]: s for s in earlier.get("sets", [])}
    sets = []
    for block in report["sets"]:
        old = before.get(block["name"])
        if old is None:
            continue
        deltas = {}
        for _, key in _COLUMNS:
            now, then = block["metrics"][key]["rate"], old["metrics"][key]["rate"]
            if now is not None and then is not None:
                deltas[key] = round(100 * (now - then), 1)
        outcomes = {r["id"]: outcome(r) for r in block.get("results", [])}
        changed = {
            email_id: [was, outcomes[email_id]]
            for email_id, was in old.get("outcomes", {}).items()
            if email_id in outcomes and outcomes[email_id] != was
        }
        sets.append({"name": block["name"], "points": deltas, "changed": changed})
    return {"with": earlier.get("commit", "unknown"), "sets": sets}


def format_comparison(comparison: dict[str, Any]) -> str:
    names = {key: title for title, key in _COLUMNS}
    lines = [f"compared with the run of commit {comparison['with']}:"]
    for block in comparison["sets"]:
        points = ", ".join(f"{names[k]} {v:+.1f}" for k, v in block["points"].items())
        lines.append(f"  {block['name']}: {points} (percentage points)")
        changed = block["changed"]
        shown = [f"{i} {was}->{now}" for i, (was, now) in sorted(changed.items())]
        more = f" ... ({len(shown)} in all)" if len(shown) > 30 else ""
        lines.append(f"  {block['name']} emails changed: {', '.join(shown[:30]) or 'none'}{more}")
    return "\n".join(lines)


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head.stdout.strip() or "unknown"


# --- command line -----------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--json", action="store_true", help="print the report as JSON, every email included"
    )
    parser.add_argument(
        "--sets",
        default="all",
        help="built-in sets, comma-separated: sample, zaragoza and the knowledge bases under "
        "evals/domains (default all); 'routing' (evals/routing, needs-a-person challenge set, "
        "not in all)",
    )
    parser.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default="all",
        help="score only the dev or test half of each set (default all)",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="at most N emails per set (round-robin over languages)",
    )
    parser.add_argument(
        "--ids",
        default="",
        metavar="ID,ID",
        help="only these emails (comma-separated ids), e.g. to look again at a wrong answer",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="zaragoza: all 503 questions per language (default a fixed sample of 60 each)",
    )
    parser.add_argument(
        "--set",
        dest="set_file",
        type=Path,
        default=None,
        metavar="FILE.jsonl",
        help="a labelled set of your own (needs --kb)",
    )
    parser.add_argument(
        "--kb",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="the knowledge-base folder --set is answered from",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="only validate the labels: every gold source names a section the loaders read "
        "from the folder, every key fact is in a gold section (no model, seconds)",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        default=None,
        metavar="SUMMARY",
        help="also print the change against an earlier --write-summary file, e.g. "
        "evals/results/baseline/summary.json (rates and the emails whose outcome changed)",
    )
    parser.add_argument(
        "--write-summary",
        type=Path,
        default=None,
        metavar="PATH",
        help="also write the figures (no draft text) as JSON to PATH",
    )
    return parser


def build_arg_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="draft_eval",
        description=__doc__,
        epilog=METRICS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return add_arguments(parser)


def chosen_sets(args: argparse.Namespace) -> list[EvalSet]:
    if (args.set_file is None) != (args.kb is None):
        raise SetError("--set FILE and --kb FOLDER go together")
    if args.set_file is not None:
        if not args.kb.is_dir():
            raise SetError(f"knowledge-base folder {args.kb} does not exist")
        return [
            EvalSet(args.set_file.stem, load_set(args.set_file), str(args.kb), _existing(args.kb))
        ]
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    if names == ["all"]:
        names = all_sets()
    return [builtin_set(name, full=args.full) for name in names]


def _stderr(line: str) -> None:
    print(f"draft_eval: {line}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace, progress: Progress = _stderr) -> dict[str, Any]:
    sets = chosen_sets(args)  # set errors before the model loads
    try:  # and a bad tuning file before the long run, not after it
        tuning = crossdomain.load_tuning()
    except (OSError, ValueError) as exc:
        raise SetError(f"{crossdomain.TUNING_FILE}: {exc}") from None
    components = build_components()
    reports = []
    wanted = {i.strip() for i in args.ids.split(",") if i.strip()}
    for evalset in sets:
        emails = select(evalset.emails, args.split, args.limit)
        if wanted:
            emails = [e for e in emails if e.id in wanted]
            if not emails:
                continue
        if not emails:
            raise SetError(f"set {evalset.name}: no emails in split {args.split!r}")
        progress(f"{evalset.name}: {len(emails)} emails")
        reports.append(run_set(evalset, emails, components, progress))
    if not reports:
        raise SetError(f"no email with the ids {args.ids!r} in split {args.split!r}")
    return {
        "evaluation": "draft_eval",
        "across": across(reports, tuning),
        "command": "triage eval drafts " + " ".join(_argv_of(args)),
        "commit": _commit(),
        "split": args.split,
        "components": components.describe(),
        "sets": reports,
    }


def across(
    reports: Sequence[dict[str, Any]], tuning: crossdomain.Tuning | None = None
) -> list[dict[str, Any]]:
    """One row per set (its role from evals/tuning.json, its held-out figures), then the
    held-out sets pooled: what a team with an unseen knowledge base can expect."""
    tuning = tuning or crossdomain.load_tuning()
    rows = [
        {
            "name": r["name"],
            "role": tuning.role(r["name"]),
            "emails": r["metrics"]["emails"],
            "figures": r["held_out_figures"],
        }
        for r in reports
    ]
    held_out = [r for r in reports if tuning.role(r["name"]) == "held out"]
    if len(held_out) > 1:
        pooled = [EmailResult.model_validate(x) for r in held_out for x in r["results"]]
        dumped = [x for r in held_out for x in r["results"]]
        rows.append(
            {
                "name": "held-out pooled",
                "role": f"{len(held_out)} sets",
                "emails": len(pooled),
                "figures": crossdomain.held_out_figures(aggregate(pooled), dumped),
            }
        )
    return rows


def _argv_of(args: argparse.Namespace) -> list[str]:
    argv = []
    if args.set_file is not None:
        argv += ["--set", str(args.set_file), "--kb", str(args.kb)]
    else:
        argv += ["--sets", args.sets]
    argv += ["--split", args.split]
    if args.limit:
        argv += ["--limit", str(args.limit)]
    if args.full:
        argv.append("--full")
    if args.ids:
        argv += ["--ids", args.ids]
    return argv


def main(argv: Sequence[str] | None = None, args: argparse.Namespace | None = None) -> int:
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str((REPO / ".cache" / "tiktoken").resolve()))
    args = args or build_arg_parser().parse_args(argv)
    if args.check:
        try:
            return check(args)
        except SetError as exc:
            print(f"draft_eval: {exc}", file=sys.stderr)
            return 2
    earlier: dict[str, Any] | None = None
    if args.compare is not None:  # read before the run, so a bad path fails fast
        try:
            earlier = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"draft_eval: --compare {args.compare}: cannot read ({exc})", file=sys.stderr)
            return 2
    try:
        report = run(args)
    except SetError as exc:
        print(f"draft_eval: {exc}", file=sys.stderr)
        return 2
    if earlier is not None:
        report["comparison"] = compare(report, earlier)
    if args.write_summary is not None:
        args.write_summary.parent.mkdir(parents=True, exist_ok=True)
        args.write_summary.write_text(
            json.dumps(summary(report), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(format_report(report))
        if "comparison" in report:
            print("\n" + format_comparison(report["comparison"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
