"""The Markdown article an accepted suggestion becomes.

One article in the group's most frequent language: its title is that language's first
question, its body the answer most like the others in that language (the medoid by
character 4-gram Dice, so one agent's aside does not become the article), minus any
sentence still holding a placeholder of a removed personal detail, with the questions
customers asked (their question sentences, in every language) under "Asked as".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from hubspot.draft_outcome import similarity, strip_greeting_and_closing
from kb_feedback.models import Example, SuggestionGroup, question_line

SOURCE = "agent replies"
FOLDER = "suggested"  # under the knowledge base's root (folder or blob container)
_PLACEHOLDER = re.compile(
    r"\[(?:NAME|EMAIL|PHONE|IBAN|CARD|PERSONNUMMER|ADDRESS|REFERENCE|NUMBER)\]"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def main_language(group: SuggestionGroup) -> str:
    return max(group.languages.items(), key=lambda kv: (kv[1], kv[0] == "en"))[0]


def chosen_answer(group: SuggestionGroup, language: str) -> Example:
    """The example in `language` whose answer is most like the others' (the medoid)."""
    pool = [e for e in group.examples if e.language == language] or group.examples
    return max(
        pool,
        key=lambda e: sum(similarity(e.answer, o.answer) for o in pool if o is not e),
    )


def clean_answer(text: str) -> str:
    """The answer without greeting and closing, and without sentences about one customer
    (those still holding a [NAME], [REFERENCE]... placeholder)."""
    body = strip_greeting_and_closing(text)
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", body):
        kept = [
            s for s in _SENTENCE_END.split(paragraph.strip()) if s and not _PLACEHOLDER.search(s)
        ]
        if kept:
            paragraphs.append(" ".join(kept))
    return "\n\n".join(paragraphs)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:8]) or "article"


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(group: SuggestionGroup, accepted_by: str, accepted_at: datetime) -> tuple[str, str]:
    """(relative path, Markdown text) of the article for `group`."""
    language = main_language(group)
    example = chosen_answer(group, language)
    title = question_line(example.question)
    title = title[:120]
    asked = list(
        dict.fromkeys(
            line
            for e in group.examples
            if not _PLACEHOLDER.search(line := question_line(e.question)[:200])
        )
    )
    lines = [
        "---",
        f"title: {_quoted(title)}",
        f"language: {language}",
        f"source: {_quoted(SOURCE)}",
        f"accepted_by: {_quoted(accepted_by)}",
        f"accepted_at: {accepted_at.isoformat(timespec='seconds')}",
        f"suggestion: {group.group_id}",
        f"asked: {group.count}",
        "---",
        f"# {title}",
        "",
        clean_answer(example.answer),
        "",
        "## Asked as",
        "",
        *(f"- {q}" for q in asked),
        "",
    ]
    path = f"{FOLDER}/{slug(title)}-{group.group_id[:6]}.md"
    return path, "\n".join(lines)
