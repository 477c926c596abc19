"""Text in an email's HTML that a reader cannot see: white or tiny text, display:none.

An instruction hidden this way is meant for a model, not for the agent. lxml parses (linear,
recovering from broken markup); the HTML and the text returned are bounded.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html  # type: ignore[import-untyped]

from triage.bounds import INJECTION_MAX_CHARS

HTML_MAX_CHARS = 500_000
MAX_HIDDEN_ELEMENTS = 200
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)|"
    r"font-size\s*:\s*0(?:\.\d+)?(?:px|pt|em|rem)?\s*(?:;|$)|"
    r"(?<![-\w])color\s*:\s*(?:#f{3}\b|#f{6}\b|white\b|rgba?\(\s*255\s*,\s*255\s*,\s*255|"
    r"transparent\b)|max-height\s*:\s*0|height\s*:\s*0(?:px)?\s*;[^\"']*overflow\s*:\s*hidden",
    re.IGNORECASE,
)
_WHITE_FONT = re.compile(r"^\s*(?:#f{3}|#f{6}|white)\s*$", re.IGNORECASE)


def hidden_text(html: str) -> str:
    """The text of elements styled invisible (bounded), "" when there is none."""
    if not html or (not _HIDING_STYLE.search(html[:HTML_MAX_CHARS]) and "<font" not in html):
        return ""
    try:
        root = lxml_html.fromstring(html[:HTML_MAX_CHARS])
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return ""
    pieces: list[str] = []
    size = 0
    for count, element in enumerate(root.iter()):
        if count > 50_000 or len(pieces) >= MAX_HIDDEN_ELEMENTS or size > INJECTION_MAX_CHARS:
            break
        if not isinstance(element.tag, str):
            continue
        style = str(element.get("style") or "")
        hidden = bool(style and _HIDING_STYLE.search(style)) or element.get("hidden") is not None
        if not hidden and element.tag == "font":
            hidden = bool(_WHITE_FONT.match(str(element.get("color") or "")))
        if hidden:
            text = " ".join(element.text_content().split())
            if text:
                pieces.append(text[:INJECTION_MAX_CHARS])
                size += len(text)
    return "\n".join(pieces)[:INJECTION_MAX_CHARS]
