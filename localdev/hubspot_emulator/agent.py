"""The emulator plays the support agent: a reply made from the thread's newest draft comment
of ours, sent as is or edited, so the draft-outcome loop can be tested end to end."""

from __future__ import annotations

import math
from typing import Literal

from hubspot.draft_outcome import comment_answer, marked_message_id, strip_greeting_and_closing
from localdev.hubspot_emulator.state import Thread

AGENT_ACTOR_ID = "A-8800101"
AGENT_EMAIL = "anna.berg@nordvikbikes.example"
AGENT_NAME = "Anna Berg"
AGENT_OPENING = "Thanks for getting in touch, and sorry for the trouble with this."
AGENT_OFFER = "If anything is still unclear, just reply here and I will call you."
AGENT_SENTENCE = "I have also added a note to your order, so there is no need to write again."


def reply_from_draft(thread: Thread, mode: Literal["as_is", "edited", "rewritten"]) -> str | None:
    """The agent's email from our newest draft comment on the thread, or None if none.

    as_is: the draft's answer with the agent's own greeting and sign-off. edited: the first
    half of the answer's lines kept, the rest replaced by one sentence of the agent's.
    rewritten: the answer's first lines until they hold a quarter of its length, in
    the agent's own words around them (a share, not one line: the first line of a long draft
    alone falls below the rewritten band).
    """
    draft = next(
        (
            m
            for m in reversed(thread.messages)
            if m.type == "COMMENT" and marked_message_id(m.body.get("text"))
        ),
        None,
    )
    if draft is None:
        return None
    answer = strip_greeting_and_closing(comment_answer(str(draft.body.get("text", ""))))
    lines = [line.strip() for line in answer.split("\n") if line.strip()]
    if mode == "edited":
        kept = lines[: max(1, math.ceil(len(lines) / 2))]
        answer = "\n".join([*kept, AGENT_SENTENCE])
    if mode == "rewritten":
        kept = _lines_up_to(lines, len(answer) / 4)
        answer = "\n".join([AGENT_OPENING, *kept, AGENT_SENTENCE, AGENT_OFFER])
    return f"Hi,\n\n{answer}\n\nBest regards,\n{AGENT_NAME}"


def _lines_up_to(lines: list[str], chars: float) -> list[str]:
    """The first lines until they hold at least ``chars`` characters: stopping short of a
    quarter left a draft of a few long lines below the rewritten band."""
    kept: list[str] = []
    for line in lines:
        kept.append(line)
        if sum(len(k) for k in kept) >= chars:
            break
    return kept
