"""Split normalised plain text into the new reply and the quoted history, line by line.

Quote starts it knows (all words come from reply_markers.json):
- ">" lines, including replies written below or between them;
- attribution headers in any language of the data, also wrapped over up to five lines
  ("On <date>, <name> <addr>\\nwrote:", "Am <date> schrieb <name> <addr>:",
  "<date>, <name> <addr>:" with no verb), or sharing a line with the reply ("ok On ... wrote:");
- Outlook-style header blocks (From/Sent/To/Subject in any language, with or without a
  rule line above);
- separator lines ("-----Original Message-----", "Begin forwarded message:");
- a device line ("Sent from my iPhone") with more text below it: the phone's quote follows.

After an attribution, a ">" block is the quote and unquoted text below it is new again; after
a header block, a separator or unquoted text, everything to the end is history. Every step
looks at a bounded window of lines, each capped in length, so the work is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from triage.reply_markers import markers, squash

MAX_HEADER_LINE = 400  # a longer line is never part of a quote header
MAX_HEADER_LINES = 5  # an attribution may wrap over this many lines, one blank among them
MAX_HEADER_CHARS = 600
MAX_VERB_TO_END = 150  # "schrieb <name> <address>:": the verb is this close to the end
MAX_FIELD_BLOCK_LINES = 14
MAX_WRAPPED_QUOTE_LINES = 3  # unquoted lines between ">" lines are the quote's own wrapping

_EMAIL = re.compile(r"\w@[\w-]+\.\w")
_ADDRESS_TAIL = re.compile(r"[\w-]{1,100}(?:\.[\w-]{1,63}){1,8}[\s>)\]\"']{0,6}")
_DATE = re.compile(
    r"(?<!\d)(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:19|20)\d\d)(?!\d)"
    r"|(?<!\d)\d{1,2}[./-](?:[^\W\d_]{3,9})[./-]?\d{2,4}"
)
_TIME = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")
_LAST_WORD = re.compile(r"[^\W\d_]+(?:\([^\W\d_]{1,3}\))?$")
_DECORATION = " \t*_=-~>\"'(["
_RULE_LINE = re.compile(r"[-_=*~—–.#\s]{3,}")


@dataclass
class QuoteSplit:
    new_lines: list[str] = field(default_factory=list)
    quoted_lines: list[str] = field(default_factory=list)
    signature_lines: list[str] = field(default_factory=list)  # a device line that ended the reply
    forward: bool = False  # the history is a forwarded message
    unattributed_start: bool = False  # the text opens with a quote that names no author
    bottom_posted: bool = False  # a quote header opens the text; the reply is below it


@dataclass(frozen=True)
class _Header:
    end: int  # last line of the header
    kind: str  # "attribution", "fields", "separator", "forward"
    column: int = 0  # where the header starts on its first line (reply text before it)


def unquote(line: str) -> str:
    return line.lstrip("> \t")


def is_rule_line(line: str) -> bool:
    return bool(_RULE_LINE.fullmatch(line))


def _first_token(text: str) -> str:
    head = text.lstrip(_DECORATION)[:40]
    token = head.split(" ", 1)[0] if head else ""
    return token.lower().rstrip(".,:;")


def _starts_like_header(text: str) -> bool:
    """Attribution lines open with an intro word, a weekday, a date or decoration dashes."""
    stripped = text.lstrip()
    token = _first_token(stripped)
    if not token:
        return False
    if token[0].isdigit() or token in markers().weekdays:
        return True
    phrases = markers().intro_by_first_word.get(token)
    if not phrases:
        return False
    low = squash(stripped.lstrip(_DECORATION)[:40])
    return any(low.startswith(p + " ") for p in phrases)


def _ends_like_header(line: str) -> bool:
    tail = line.rstrip(" \t-*_=")
    if tail.endswith((":", "：")):
        return True
    match = _LAST_WORD.search(tail[-40:].lower())
    return bool(match and match.group(0) in markers().wrote_by_last_word)


def _verb_at_end(core_low: str) -> bool:
    match = _LAST_WORD.search(core_low[-40:])
    if not match:
        return False
    for phrase in markers().wrote_by_last_word.get(match.group(0), ()):
        if core_low.endswith(phrase):
            before = len(core_low) - len(phrase) - 1
            if before < 0 or not core_low[before].isalnum():
                return True
    return False


def _midline_start(text: str) -> int | None:
    """Where an intro word followed by a date starts a header inside a reply line."""
    for match in re.finditer(r"(?<=[\s\-])([^\W\d_][\w]{0,9}) ", text[:MAX_HEADER_LINE]):
        if not match.group(1)[0].isupper():
            continue
        if _starts_like_header(text[match.start() :]) and any(
            ch.isdigit() for ch in text[match.end() : match.end() + 40]
        ):
            prefix = text[: match.start()].rstrip(" -")
            if not any(ch.isalnum() for ch in prefix):
                return 0  # only decoration before it: ") On Mon, ..." is the header itself
            return match.start()
    return None


def _ends_with_address(core: str) -> bool:
    """'... <name@example.com>' or '(name@example.com)' closes the text."""
    at = core.rfind("@", max(0, len(core) - 250))
    return at > 0 and core[at - 1].isalnum() and bool(_ADDRESS_TAIL.fullmatch(core[at + 1 :]))


def _attribution_column(
    text: str, first_line: str, single_line: bool, has_blank: bool
) -> int | None:
    """Column where the attribution starts in the joined window text, or None if it is none."""
    tail = text.rstrip(" \t-*_=")
    colon = tail.endswith((":", "："))
    core = tail.rstrip(":： \t")
    low = core.lower()
    has_email = bool(_EMAIL.search(core))
    has_date = bool(_DATE.search(core))
    has_time = bool(_TIME.search(core))
    # "---- John Smith wrote ----" (Android): dashes on both sides of one line
    dashes = single_line and text.lstrip().startswith("--") and text.rstrip().endswith("--")
    if _verb_at_end(low):
        if not (has_email or has_date or has_time or dashes):
            return None
    elif colon:
        verbs = list(markers().wrote_anywhere.finditer(core))
        verb_ok = bool(verbs) and len(core) - verbs[-1].end() <= MAX_VERB_TO_END and has_email
        verbless = _ends_with_address(core) and has_date and has_time
        if not (verb_ok or verbless):
            return None
        if verbless and not verb_ok and not _starts_like_header(first_line):
            return None
    else:
        return None
    if _starts_like_header(first_line) or dashes:
        return 0
    if single_line:
        column = _midline_start(text)
        if column is not None:
            return column
    if has_email and not has_blank and ("<" in first_line or "@" in first_line):
        verb = markers().wrote_anywhere.search(core)
        email = _EMAIL.search(core)
        if verb and email and email.start() < verb.start():
            return 0  # "<name> <address> wrote:" with nothing before the name
    return None


def _starts_with_word_header(line: str) -> bool:
    """Starts like a header by an intro word or weekday (not merely a digit)."""
    token = _first_token(line)
    return bool(token) and not token[0].isdigit() and _starts_like_header(line)


def _attribution(lines: list[str], i: int, ends: list[bool]) -> _Header | None:
    first = lines[i]
    if len(first) > MAX_HEADER_LINE or not any(ends[i : i + MAX_HEADER_LINES]):
        return None
    first_starts = _starts_like_header(first)
    blanks = 0
    parts: list[str] = []
    for j in range(i, min(len(lines), i + MAX_HEADER_LINES)):
        line = lines[j] if j == i else unquote(lines[j])
        if not line:
            blanks += 1
            if blanks > 1:
                return None
            continue
        if len(line) > MAX_HEADER_LINE:
            return None
        if j > i and (
            _field_role(line)
            or (_starts_with_word_header(line) if first_starts else _starts_like_header(line))
        ):
            return None  # a header of its own starts here
        parts.append(line)
        if not ends[j]:
            continue
        text = " ".join(parts)
        if len(text) > MAX_HEADER_CHARS:
            return None
        column = _attribution_column(text, first, j == i, blanks > 0)
        if column is not None:
            return _Header(end=j, kind="attribution", column=column)
    return None


def _field_role(line: str) -> str | None:
    colon = -1
    for mark in (":", "："):
        found = line.find(mark, 0, 40)
        if found > 0 and (colon < 0 or found < colon):
            colon = found
    if colon < 0:
        return None
    return markers().field_roles.get(squash(line[:colon].strip(" \t*>")))


def _field_block(lines: list[str], i: int) -> _Header | None:
    role = _field_role(lines[i])
    if role is None:
        return None
    roles = {role}
    last = i
    continuation = blanks = 0
    for j in range(i + 1, min(len(lines), i + MAX_FIELD_BLOCK_LINES)):
        line = lines[j]
        if not line:
            blanks += 1
            if blanks > 1:
                break
            continue
        found = _field_role(line) if len(line) <= MAX_HEADER_LINE else None
        if found:
            roles.add(found)
            last, continuation, blanks = j, 0, 0
        elif blanks or continuation:
            break
        else:
            continuation += 1  # a long From or Subject value wrapped onto the next line
    if len(roles) >= 2 and roles & {"from", "date", "subject"}:
        return _Header(end=last, kind="fields")
    return None


def fields_in_flat_text(text: str) -> bool:
    """A header block flattened onto one line ("From: a Sent: b To: c"), at the text's start."""
    text = text.lstrip(" \t*>\u00a0")[:MAX_HEADER_LINE]
    roles: set[str] = set()
    for index, match in enumerate(re.finditer(r"[:：]", text)):
        words = text[: match.start()].replace("*", " ").split()[-3:]
        role = None
        for k in range(len(words), 0, -1):
            role = markers().field_roles.get(squash(" ".join(words[-k:])))
            if role:
                break
        if index == 0 and (role is None or match.start() > 30):
            return False  # the text must open with a label
        if role:
            roles.add(role)
        if index > 12:
            break
    return len(roles) >= 2 and bool(roles & {"from", "date", "subject"})


def _separator(line: str) -> _Header | None:
    if len(line) > 160:
        return None
    core = squash(line.strip(" \t>*_=-—–:："))
    if core in markers().forward_separators:
        return _Header(end=0, kind="forward")
    if core in markers().separators:
        return _Header(end=0, kind="separator")
    return None


def header_ends(lines: list[str]) -> list[bool]:
    """Per line: could it be the last line of an attribution (ends with ':' or a verb)?"""
    return [bool(x) and len(x) <= MAX_HEADER_LINE and _ends_like_header(unquote(x)) for x in lines]


def header_at(lines: list[str], i: int, ends: list[bool] | None = None) -> _Header | None:
    """The quote header starting at line i, if any (never for a ">" line)."""
    line = lines[i]
    if not line or line.startswith(">") or len(line) > MAX_HEADER_LINE:
        return None
    separator = _separator(line)
    if separator:
        return _Header(end=i, kind=separator.kind)
    if ends is None:
        ends = header_ends(lines)
    return _field_block(lines, i) or _attribution(lines, i, ends)


def _attribution_before_quote(lines: list[str], i: int) -> _Header | None:
    """A short line with an address and a date right above a ">" block names its author."""
    line = lines[i]
    if len(line) > 300 or line.endswith((".", "?", "!")):
        return None
    k = i + 1
    if k < len(lines) and not lines[k]:
        k += 1
    if k >= len(lines) or not lines[k].startswith(">"):
        return None
    if _EMAIL.search(line) and (_DATE.search(line) or _TIME.search(line)):
        return _Header(end=i, kind="attribution")
    return None


def device_line(line: str, strict: bool) -> bool:
    """ "Sent from my iPhone" and its kin; strict: it must name a device or an app."""
    if len(line) > 120:
        return False
    match = markers().device_start.match(line)
    if not match:
        return False
    rest = re.sub(r"[<(\[]\s*(?:https?|mailto):[^\s>)\]]{0,300}[>)\]]?", " ", line[match.end() :])
    if any(ch in rest for ch in ",;?") or len(rest.split()) > 10:
        return False
    if not strict:
        return True
    words = {w.strip(".,!:;®™()<>").lower() for w in line.split()}
    found = markers()
    return bool(words & found.devices) or bool(words & found.possessives)


def _is_wrapped_quote(lines: list[str], i: int) -> int:
    """Lines i.. sit between two ">" lines with no blank line: the quote's own wrapping."""
    if i == 0 or not lines[i - 1].startswith(">"):
        return 0
    end = i
    while end < len(lines) and end - i < MAX_WRAPPED_QUOTE_LINES:
        line = lines[end]
        if not line:
            return 0
        if line.startswith(">"):
            return end - i
        end += 1
    return end - i if end < len(lines) and lines[end].startswith(">") else 0


def _is_banner_line(lines: list[str], i: int) -> bool:
    """One ">" line squeezed between text lines (">>> www.example.com <<<") is text."""
    above = lines[i - 1] if i > 0 else ""
    below = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(above and below) and not above.startswith(">") and not below.startswith(">")


def _opening_quote_header(lines: list[str], i: int) -> _Header | None:
    block = [unquote(line) for line in lines[i : i + MAX_FIELD_BLOCK_LINES]]
    first = next((k for k, line in enumerate(block) if line), None)
    return header_at(block, first) if first is not None else None


def split_quotes(text: str) -> QuoteSplit:
    lines = text.split("\n")
    ends = header_ends(lines)
    out = QuoteSplit()
    in_quote = False
    seen_quote = False
    header_seen = False
    has_new = False  # any non-blank line in new_lines (kept as a flag: no rescans)
    block_start = 0  # where the current ">" block starts in quoted_lines
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if not line:
            (out.quoted_lines if in_quote else out.new_lines).append("")
            i += 1
            continue
        if line.startswith(">"):
            if not in_quote and not seen_quote and _is_banner_line(lines, i):
                out.new_lines.append(line)
                has_new = True
                i += 1
                continue
            if not seen_quote:
                opening = _opening_quote_header(lines, i)
                out.forward = bool(opening and opening.kind == "forward")
                out.unattributed_start = opening is None and not has_new
            if not in_quote:
                block_start = len(out.quoted_lines)
            seen_quote = in_quote = True
            out.quoted_lines.append(unquote(line))
            i += 1
            continue
        if in_quote:
            wrapped = _is_wrapped_quote(lines, i)
            if wrapped:
                out.quoted_lines.extend(lines[i : i + wrapped])
                i += wrapped
                continue
        header = header_at(lines, i, ends) or _attribution_before_quote(lines, i)
        if header is not None:
            if header.column:
                out.new_lines.append(line[: header.column].rstrip(" -"))
                has_new = True
                line = line[header.column :]
            if in_quote and not header_seen and has_new:
                # history starts at its header: a ">" block between the reply and the first
                # header is the sender citing something in the reply, so it stays new text
                out.new_lines.extend(out.quoted_lines[block_start:])
                del out.quoted_lines[block_start:]
                seen_quote = False
            _move_rule_lines_to_quote(out)
            if not seen_quote:
                out.forward = header.kind == "forward"
                out.unattributed_start = False
            seen_quote = header_seen = True
            out.quoted_lines.append(line)
            out.quoted_lines.extend(unquote(x) for x in lines[i + 1 : header.end + 1])
            i = header.end + 1
            k = i
            while k < n and not lines[k]:
                k += 1
            if header.kind == "attribution" and k < n and lines[k].startswith(">"):
                in_quote = True
                continue
            if not has_new:
                # nothing above the header: not a top-posted reply but one written below
                # the quote (or a forward with no note), so unquoted text below stays new
                out.bottom_posted = in_quote = True
                continue
            out.quoted_lines.extend(unquote(x) for x in lines[i:])
            break
        if has_new and device_line(line, strict=True) and any(lines[i + 1 :]):
            out.signature_lines.append(line)  # typed on a phone: what follows is its quote
            out.quoted_lines.extend(unquote(x) for x in lines[i + 1 :])
            seen_quote = True
            break
        in_quote = False
        out.new_lines.append(line)
        has_new = True
        i += 1
    return out


def _move_rule_lines_to_quote(out: QuoteSplit) -> None:
    """A rule line ("____", "-----") right above a header belongs to the quote."""
    moved: list[str] = []
    while out.new_lines and (not out.new_lines[-1] or is_rule_line(out.new_lines[-1])):
        moved.append(out.new_lines.pop())
    out.quoted_lines.extend(x for x in reversed(moved) if x)
