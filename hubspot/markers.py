"""The marker that ties a posted draft to the email it answers, so a retry finds it.

Two forms, because HubSpot may sanitise richText: an empty element with a data attribute
in the HTML (invisible to agents), and a short visible footer line in the plain text.
Either one is enough for `find_marker` to recognise a draft.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from hubspot.models import Message

MARKER_ATTRIBUTE = "data-triage-draft"
FOOTER_PREFIX = "triage-draft for message"
# HubSpot message ids are short strings of letters/digits; anything else is refused so the
# id can sit in an HTML attribute and a regex without escaping surprises.
MESSAGE_ID_PATTERN = r"[A-Za-z0-9._:-]{1,128}"
_MESSAGE_ID_RE = re.compile(rf"^{MESSAGE_ID_PATTERN}$")


def check_message_id(message_id: str) -> str:
    if not _MESSAGE_ID_RE.match(message_id):
        raise ValueError(f"message id {message_id!r} must match {MESSAGE_ID_PATTERN}")
    return message_id


def marker_html(message_id: str) -> str:
    """The invisible HTML marker: an empty span carrying the message id."""
    return f'<span {MARKER_ATTRIBUTE}="{html.escape(check_message_id(message_id))}"></span>'


def marker_footer(message_id: str) -> str:
    """The visible plain-text footer line."""
    return f"{FOOTER_PREFIX} {check_message_id(message_id)}"


def _patterns(message_id: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    escaped = re.escape(check_message_id(message_id))
    attribute = re.compile(rf"""{MARKER_ATTRIBUTE}\s*=\s*["']{escaped}["']""")
    # The id must end where the footer's id ends: "12" must not match a footer for "123".
    footer = re.compile(rf"{re.escape(FOOTER_PREFIX)} {escaped}(?![A-Za-z0-9._:-])")
    return attribute, footer


def has_marker(content: str | None, message_id: str) -> bool:
    """Whether text or HTML (a comment, a note body) carries this message's marker."""
    if not content:
        return False
    attribute, footer = _patterns(message_id)
    return bool(attribute.search(content) or footer.search(content))


def find_marker(messages: Iterable[Message], message_id: str) -> Message | None:
    """The first COMMENT on a thread that carries the marker for `message_id`, if any.

    Only comments count: a customer's email quoting a footer line is not our draft.
    """
    for message in messages:
        if message.type != "COMMENT":
            continue
        if has_marker(message.rich_text, message_id) or has_marker(message.text, message_id):
            return message
    return None
