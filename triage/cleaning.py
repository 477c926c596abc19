"""Email body to the customer's new text: HTML to text, normalisation, quote/signature split.

Every function here is total: bad input gives a (possibly empty) text plus notes saying what
was wrong, never an exception. The pieces: triage.html_text (HTML and its quote containers),
triage.quote_split (quoted history and quote headers, by line), triage.signatures (signature
blocks by shape); the words they look for are data in triage/reply_markers.json.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from triage.html_text import html_to_text
from triage.quote_split import split_quotes, unquote
from triage.signatures import split_signature

__all__ = ["CleanedBody", "clean_body", "html_to_text", "normalize_text", "split_reply"]

MAX_BODY_CHARS = 1_000_000  # beyond this, cleaning time grows and nothing useful remains

_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|wg|vs|vb|tr|rv|enc|fw)\s*:|\(fwd?\)\s*$", re.IGNORECASE)
# zero-width characters and bidi marks (Windows Mail writes U+200E around every date part)
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|â€")


@dataclass
class CleanedBody:
    text: str  # the customer's new text
    quoted: str = ""  # quoted history removed from it
    signature: str = ""
    notes: list[str] = field(default_factory=list)


def normalize_text(text: str) -> tuple[str, list[str]]:
    """NFC, no control or zero-width characters, tidy spaces and blank lines."""
    notes: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    replacement_chars = text.count("\ufffd")
    if replacement_chars:
        notes.append(f"undecodable bytes replaced ({replacement_chars} characters)")
        text = text.replace("\ufffd", "")
    text, junk = _drop_binary_junk(text)
    if junk:
        notes.append(f"binary junk removed ({junk} lines)")
    if _MOJIBAKE.search(text):
        fixed = _undo_mojibake(text)
        if fixed != text:
            notes.append("mixed encodings repaired (UTF-8 read as Latin-1)")
            text = fixed
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip(), notes


def _drop_binary_junk(text: str) -> tuple[str, int]:
    """Drop lines that are mostly non-text (uuencoded or mis-declared binary parts)."""
    if not _CONTROL.search(text) and "\x00" not in text:
        return text, 0
    kept: list[str] = []
    dropped = 0
    for line in text.split("\n"):
        if len(line) >= 8:
            bad = sum(1 for ch in line if ch in "\x00\ufffd" or _CONTROL.match(ch))
            if bad / len(line) > 0.1:
                dropped += 1
                continue
        kept.append(line)
    return "\n".join(kept), dropped


def _undo_mojibake(text: str) -> str:
    def fix(match: re.Match[str]) -> str:
        chunk = match.group(0)
        try:
            return chunk.encode("latin-1").decode("utf-8")
        except UnicodeError:
            try:
                return chunk.encode("cp1252").decode("utf-8")
            except UnicodeError:
                return chunk

    # runs of Latin-1 supplement and cp1252 punctuation characters, re-decoded together
    return re.sub(
        "[\u00c0-\u00ff\u20ac\u201a-\u201e\u2020-\u2030\u2122\u0152\u0153\u0160][\u0080-\u00ff\u20ac\u2018-\u201e\u2020\u2021\u2026\u2030\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e]{1,3}",
        fix,
        text,
    )


def split_reply(text: str, subject: str = "") -> CleanedBody:
    """Split normalised text into the new reply, quoted history and signature."""
    notes: list[str] = []
    parts = split_quotes(text)
    body, signature = split_signature(parts.new_lines)
    signature = signature + parts.signature_lines  # a device line that ended the reply
    new_text = _MANY_BLANK_LINES.sub("\n\n", "\n".join(body)).strip()
    quoted = _MANY_BLANK_LINES.sub("\n\n", "\n".join(parts.quoted_lines)).strip()
    if not new_text and quoted:
        if parts.forward or _FORWARD_SUBJECT.search(subject):
            notes.append("forward without a note: using the forwarded text")
            new_text, quoted = quoted, ""
        elif parts.unattributed_start:
            # history always opens with an author line; an unattributed quote at the top is
            # the sender's own indented text (HTML editors indent with <blockquote>)
            notes.append("text opens with a quote naming no author: kept as the new text")
            new_text, quoted = quoted, ""
    elif parts.bottom_posted:
        notes.append(
            "forward without a note: using the forwarded text"
            if parts.forward
            else "quote header at the top: the reply written below it is the new text"
        )
    elif parts.forward and quoted:
        notes.append("forward with a note: the forwarded text is quoted context")
    sig_text = "\n".join(unquote(line) if line.startswith(">") else line for line in signature)
    return CleanedBody(text=new_text, quoted=quoted, signature=sig_text.strip(), notes=notes)


def clean_body(text: str, html: str | None, subject: str = "") -> CleanedBody:
    """The whole cleaning step: prefer the plain part, fall back to the HTML part."""
    notes: list[str] = []
    raw = text or ""
    if len(raw) > MAX_BODY_CHARS:
        notes.append(f"plain text cut at {MAX_BODY_CHARS:,} characters before cleaning")
        raw = raw[:MAX_BODY_CHARS]
    if html and len(html) > MAX_BODY_CHARS:
        notes.append(f"HTML cut at {MAX_BODY_CHARS:,} characters before cleaning")
        html = html[:MAX_BODY_CHARS]
    if not raw.strip() and html:
        raw, html_notes = html_to_text(html)
        notes.extend(html_notes)
    elif raw.lstrip().startswith("<") and re.search(r"<(?:html|body|div|p|br)\b", raw[:2000], re.I):
        raw, html_notes = html_to_text(raw)  # HTML sent as text/plain
        notes.append("HTML found in the plain-text part")
        notes.extend(html_notes)
    normalised, norm_notes = normalize_text(raw)
    notes.extend(norm_notes)
    result = split_reply(normalised, subject)
    result.notes = notes + result.notes
    return result
