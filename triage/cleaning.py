"""Email body to the customer's new text: HTML to text, normalisation, quote/signature split.

Every function here is total: bad input gives a (possibly empty) text plus notes saying what
was wrong, never an exception.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.element import NavigableString
from mailparser_reply.parser import EmailMessage as ReplyParserMessage

# Quote headers mail-parser-reply's languages cover; "en" is always added by the library.
REPLY_LANGUAGES = ("en", "sv", "de", "fr", "es", "da", "nl", "it")
MAX_BODY_CHARS = 1_000_000  # beyond this, cleaning time grows and nothing useful remains
MAX_REPLY_PARSE_CHARS = 20_000  # the reply parser's regexes get slow on giant bodies

_BLOCK_TAGS = {
    "p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
    "blockquote", "pre", "section", "article", "header", "footer", "hr", "dl", "dt", "dd",
    "center", "form", "address",
}  # fmt: skip
_PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote"}
_DROP_TAGS = ("script", "style", "head", "title", "meta", "noscript", "template", "svg", "object")

# Quote starts that mail-parser-reply misses (its Spanish pattern wants two spaces, and it
# knows no forward markers); all anchored to a whole line.
_EXTRA_QUOTE_HEADERS = re.compile(
    r"^[ \t>]*(?:"
    r"-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Weitergeleitete "
    r"Nachricht|Ursprungligt meddelande|Vidarebefordrat meddelande|Message d'origine|Message "
    r"transféré|Mensaje original|Mensaje reenviado|Oorspronkelijk bericht)\s*-{2,}"
    r"|(?:On|Am|Le|El|Den|Op|Il)\b[^\n]{0,200}\b(?:wrote|schrieb|a écrit|escribió|skrev|"
    r"schreef|ha scritto)\b[^\n]{0,120}:"
    r"|Begin forwarded message:"
    r")[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|wg|vs|vb|tr|rv|enc|fw)\s*:|\(fwd?\)\s*$", re.IGNORECASE)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|â€")
MAX_SIGNATURE_LINES = 10  # a longer "signature" is more likely the message itself


@dataclass
class CleanedBody:
    text: str  # the customer's new text
    quoted: str = ""  # quoted history removed from it
    signature: str = ""
    notes: list[str] = field(default_factory=list)


def html_to_text(html: str) -> tuple[str, list[str]]:
    """Readable text from HTML: block breaks, "- " list items, "text (url)" links.

    Blockquotes (and Gmail/Outlook quote containers) become "> " lines so the quote
    splitter finds them.
    """
    notes: list[str] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            soup = BeautifulSoup(html, "html.parser")
    except Exception:  # html.parser gives up on some broken markup
        notes.append("invalid HTML: tags stripped with a regex")
        return re.sub(r"<[^>]{0,2000}>", " ", html), notes
    if not soup.find(True):
        notes.append("HTML part has no tags")
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for quote in soup.select("blockquote, div.gmail_quote, div#divRplyFwdMsg, div#appendonsend"):
        if isinstance(quote, Tag) and quote.parent is not None:
            inner = _render(quote)
            quoted = "\n".join("> " + line for line in inner.splitlines())
            quote.replace_with(NavigableString("\n" + quoted + "\n"))
    return _render(soup), notes


def _render(root: Tag) -> str:
    parts: list[str] = []
    for node in root.descendants:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # skip comments, doctypes, CDATA
                parts.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "li":
            parts.append("\n- ")
        elif name in _PARAGRAPH_TAGS:
            parts.append("\n\n")  # a blank line between paragraphs, as a sender sees it
        elif name in _BLOCK_TAGS:
            parts.append("\n")
        if name == "a":
            href = str(node.get("href") or "").strip()
            label = node.get_text(" ", strip=True)
            if href.startswith(("http://", "https://", "mailto:")) and href not in label:
                # appended after the label text, which the descendants walk emits next
                node.append(NavigableString(f" ({href.removeprefix('mailto:')})"))
    return "".join(parts)


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
    head, tail = text, ""
    if len(text) > MAX_REPLY_PARSE_CHARS:
        head, tail = text[:MAX_REPLY_PARSE_CHARS], text[MAX_REPLY_PARSE_CHARS:]
    quoted_parts: list[str] = []
    # quote headers the library misses (forward markers, its Spanish pattern) split first
    match = _EXTRA_QUOTE_HEADERS.search(head)
    if match:
        quoted_parts.append(head[match.start() :])
        head = head[: match.start()]
    new_part, signature = head.strip(), ""
    try:
        parsed = ReplyParserMessage(
            text=head, languages=list(REPLY_LANGUAGES), keep_hyphen_lists=True
        ).read()
    except Exception:  # the library's regexes are its own; never let them fail triage
        notes.append("reply parser failed; quote split by simple rules only")
        parsed = None
    if parsed is not None and parsed.replies:
        first = parsed.replies[0]
        new_part = first.content
        quoted_parts[:0] = [r.content for r in parsed.replies[1:]]
        signature = first.signatures or ""
        if signature and signature.count("\n") < MAX_SIGNATURE_LINES:
            new_part = new_part.replace(signature, "")
            signature, quoted_in_signature = _split_at_first_quote_line(signature)
            if quoted_in_signature:
                quoted_parts.insert(0, quoted_in_signature)
        else:
            signature = ""
    if tail:
        # the unparsed rest of a giant body: quoted if a quote already began, else more text
        if quoted_parts or signature:
            quoted_parts.append(tail)
        else:
            new_part += tail
    new_part, quoted_lines = _drop_quoted_lines(new_part)
    if quoted_lines:
        quoted_parts.insert(0, quoted_lines)
    new_text = new_part.strip()
    quoted = "\n".join(part.strip() for part in quoted_parts if part.strip())
    if not new_text and quoted and _FORWARD_SUBJECT.search(subject):
        notes.append("forward without a note: using the forwarded text")
        new_text, quoted = quoted, ""
    if not new_text and quoted:
        # bottom-posted or interleaved reply: the new lines sit below or between quotes
        below = _unquoted_lines(text)
        if below:
            notes.append("reply written below or between quoted lines")
            new_text = below
    return CleanedBody(text=new_text, quoted=quoted, signature=signature.strip(), notes=notes)


def _unquoted_lines(text: str) -> str:
    """Lines that are neither quoted (">") nor quote headers, up to a "--" signature line."""
    kept: list[str] = []
    for line in text.split("\n"):
        if line in {"--", "-- ", "__"} or re.fullmatch(r"_{10,}|-{10,}", line):
            break
        if line.startswith(">") or _EXTRA_QUOTE_HEADERS.fullmatch(line):
            continue
        kept.append(line)
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(kept)).strip()


def _split_at_first_quote_line(text: str) -> tuple[str, str]:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith(">"):
            return "\n".join(lines[:index]), "\n".join(lines[index:])
    return text, ""


def _drop_quoted_lines(text: str) -> tuple[str, str]:
    """Move ">"-quoted lines out of the reply (interleaved quoting included)."""
    kept: list[str] = []
    quoted: list[str] = []
    for line in text.split("\n"):
        if line.startswith(">"):
            quoted.append(line.lstrip("> "))
        else:
            kept.append(line)
    return "\n".join(kept), "\n".join(quoted)


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
