"""Where an answerable email's answer was lost, from the answer step's trace
(pipeline.answer_trace): the first stage on the way to a right draft that the gold passage
did not pass. It tells a ranking problem (the answer retrieved but ranked out) from a
calibration one (ranked in, below the threshold) and from a choice among passing passages,
so a team knows what to work on for its own knowledge base."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from pipeline.answer_trace import AnswerTrace

# In the order of the answer step; "answered" is the right draft.
STAGES = (
    "answered",
    "facts missing",  # the gold passage cited, a key fact not in the draft
    "lost to another passage",  # the gold passage passed; the draft cited others
    "drafter found no answer",  # the gold passage passed; the drafter said no answer
    "held back as flat",  # the gold passage passed, but no article stood out
    "off the question's terms",  # the gold passage passed, dropped by the term check
    "below the threshold",  # judged (among the top k), below its threshold
    "set aside",  # among the top k, set aside as another country's or as suspect
    "ranked below the top k",  # in the retrieval pool, not among its top k
    "not retrieved",  # not in any question's retrieval pool
    "no question found",
    "routed",
    "skipped",
)

IsGold = Callable[[str, str], bool]  # (source, section) -> one of the email's gold sources


def loss_stage(
    *,
    decision: str,
    correct: bool,
    gold_cited: bool,
    trace: AnswerTrace,
    is_gold: IsGold,
) -> str:
    """The stage of one answerable email (see STAGES)."""
    if correct:
        return "answered"
    if decision == "answered" and gold_cited:
        return "facts missing"
    if decision in ("routed", "skipped"):
        return decision
    if not trace.questions:
        return "no question found"
    gold_ids = {
        p.chunk_id for q in trace.questions for p in q.retrieved if is_gold(p.source, p.section)
    }
    with_gold = [q for q in trace.questions if gold_ids & {p.chunk_id for p in q.retrieved}]
    if not with_gold:
        return "not retrieved"
    passed = [q for q in with_gold if gold_ids & set(q.passing)]
    kept = [q for q in passed if not q.flat and gold_ids & (set(q.passing) - set(q.off_terms))]
    if kept:
        return "lost to another passage" if decision == "answered" else "drafter found no answer"
    if any(q.flat for q in passed):
        return "held back as flat"
    if passed:
        return "off the question's terms"
    if any(gold_ids & set(q.judged) for q in with_gold):
        return "below the threshold"
    if any(gold_ids & set(q.window) for q in with_gold):
        return "set aside"
    return "ranked below the top k"


def stage_counts(stages: Iterable[str]) -> dict[str, int]:
    """Answerable emails per stage, in STAGES order (stages nobody reached left out)."""
    counts = Counter(s for s in stages if s)
    return {stage: counts[stage] for stage in STAGES if counts[stage]}


def format_stages(counts: dict[str, int]) -> str:
    return "answerable emails by where the answer ended: " + ", ".join(
        f"{stage} {n}" for stage, n in counts.items()
    )
