"""Signature blocks at the end of the new text, found by their shape, not by a "--" alone.

Shapes, tried from the bottom (all words come from reply_markers.json):
- a "--" delimiter, or a rule line ("____", "-----") above a short block with contact
  items, a mailing-list footer or just a name;
- device lines in any language ("Sent from my iPhone", "Gesendet von Outlook für Android");
- a sign-off ("Best regards,", "Mit freundlichen Grüßen") followed only by short lines;
- a sign-off, then a name, then up to MAX_NAMED_SIGNATURE title, company and address lines
  ("Z poważaniem,\nAnna Nowak\nSpecjalista ds. rekrutacji i rozwoju\nul. Długa 5\n...");
- a contact block of its own paragraph: a name, then title/company lines, with at least two
  of e-mail, phone, web address;
- a last line that is "-Name", or a bare name under a message of two lines or more.
Only the last MAX_SCAN_LINES non-blank lines are looked at, and a signature is never split
off if nothing would remain.
"""

from __future__ import annotations

import re

from triage.quote_split import device_line, is_rule_line
from triage.reply_markers import markers, squash

MAX_SCAN_LINES = 15  # non-blank lines from the bottom that can be signature
MAX_SIGNOFF_LINE = 60  # a longer line below a sign-off is message text (talon's bar too)
MAX_BLOCK_LINE = 80
MAX_LINES_BELOW_SIGNOFF = 6
MAX_NAMED_SIGNATURE = 10  # lines under "sign-off + name" (title, company, address, phones)
MAX_TITLE_WORDS = 8  # a lowercase line this short may be a job title, a longer one is text
MAX_PASSES = 4  # footer, then the sign-off above it, then a name above that

_DELIMITERS = {"--", "-- ", "—", "–", "__"}
_EMAIL = re.compile(r"\w@[\w-]+\.\w")
_URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d[\d ().-]{5,22}\d")
_CONTACT_LABEL = re.compile(
    r"^(?:t|f|m|p|tel|tél|phone|mobile|mob|cell|fax|skype|handy|telefon|teléfono|telefono|"
    r"puh|tlf|mobil|gsm|whatsapp|linkedin|twitter|web|site|e-mail|email)\b\.?\s*:?",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]{0,30}")


def _non_blank(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.strip()]


def _is_name(line: str, allow_lower: bool = False) -> bool:
    words = line.replace(",", " ").split()
    if not 1 <= len(words) <= 4:
        return False
    for word in words:
        if not _NAME_WORD.fullmatch(word):
            return False
        if not (allow_lower or word[0].isupper()):
            return False
    return True


def _is_dash_name(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped[0] not in "-–—" or stripped.startswith("--"):
        return False
    name = stripped[1:].strip().rstrip(".")
    return _is_name(name, allow_lower=len(name.split()) == 1)  # "-roman", "- Bob Smith"


def _is_bare_name(line: str) -> bool:
    if not _is_name(line.rstrip(".")) or len(line.split()) > 3:
        return False
    low = squash(line).rstrip(".")
    found = markers()
    return low not in found.answer_words and low not in found.valedictions


def is_valediction(line: str) -> bool:
    """A sign-off line: 'Regards,', 'Thanks!', 'Mit freundlichen Grüßen', 'Cheers, Bob'."""
    if len(line) > MAX_SIGNOFF_LINE:
        return False
    words = line.split()
    if not words:
        return False
    found = markers()
    if squash(words[0]).strip(",.!:;") not in found.valediction_first_words:
        return False
    for k in range(min(len(words), 5), 0, -1):
        phrase = squash(" ".join(words[:k])).strip(" ,.!:;—–-")
        if phrase not in found.valedictions:
            continue
        rest = [w for w in words[k:] if w.strip(",.!:;—–-")]
        if len(rest) > 2:
            return False
        return all(not w[0].isalpha() or w[0].isupper() for w in rest)
    return False


def _contact_items(line: str) -> int:
    items = 0
    if _EMAIL.search(line):
        items += 1
    if _URL.search(line):
        items += 1
    phone = _PHONE.search(line)
    if (phone and sum(ch.isdigit() for ch in phone.group(0)) >= 7) or _CONTACT_LABEL.match(line):
        items += 1
    return items


def _is_list_footer(line: str) -> bool:
    low = squash(line)
    return any(phrase in low for phrase in markers().list_footer)


def _signature_shaped(block: list[str]) -> bool:
    """The lines under a rule line: short, and a name, contact items or a list footer."""
    lines = [line for line in block if line.strip()]
    if not lines or len(lines) > 10 or any(len(line) > MAX_BLOCK_LINE for line in lines):
        return False
    prose = sum(1 for line in lines if _sentence_like(line) or line.rstrip().endswith(":"))
    if prose <= 2 and any(_is_list_footer(line) for line in lines):
        return True  # "riak-users mailing list", "This list is sponsored by ..."
    if not prose and any(_contact_items(line) for line in lines):
        return True  # a pasted article or a list under a heading rule is prose, not contacts
    return len(lines) <= 3 and all(_is_name(line) or _is_dash_name(line) for line in lines)


def _sentence_like(line: str) -> bool:
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 6 and lower >= len(words) // 2


def _signature_start(lines: list[str]) -> int | None:
    filled = _non_blank(lines)
    if len(filled) < 2:
        return None
    window = filled[-MAX_SCAN_LINES:]
    first = filled[0]
    for i in window:  # topmost delimiter first: "--\n--\nRegards" is one signature
        if lines[i].strip() in _DELIMITERS and i > first:
            return i
    for i in window:
        if i > first and is_rule_line(lines[i]) and _signature_shaped(lines[i + 1 :]):
            return i
    start = _device_block_start(lines, filled)
    if start is not None:
        return start
    start = _signoff_start(lines, filled)
    if start is not None:
        return start
    start = _named_signoff_start(lines, filled)
    if start is not None:
        return start
    start = _contact_block_start(lines, filled)
    if start is not None:
        return start
    last = filled[-1]
    above = lines[filled[-2]].lstrip()
    if _is_dash_name(lines[last]) and not above.startswith(("-", "–", "—")):
        return last  # (a dash line under another one is a list item)
    # a bare name under a finished sentence or a blank line; under an unfinished line it may
    # be the end of a hard-wrapped sentence ("... in the shop in\nOslo Sentrum")
    finished = filled[-2] < last - 1 or above.rstrip().endswith((".", "!", "?", "…", ")"))
    if len(filled) >= 3 and finished and _is_bare_name(lines[last]):
        return last
    return None


def _device_block_start(lines: list[str], filled: list[int]) -> int | None:
    start = None
    for i in reversed(filled[-4:]):
        if device_line(lines[i], strict=False):
            start = i
        else:
            break
    if start is None or start == filled[0]:
        return None
    # a name or sign-off right above the device line belongs to it ("-Lev." / "Stavros X")
    above = [i for i in filled if i < start][-2:]
    for i in reversed(above):
        line = lines[i]
        if i != filled[0] and (_is_dash_name(line) or _is_bare_name(line) or is_valediction(line)):
            start = i
        else:
            break
    return start


def _signoff_start(lines: list[str], filled: list[int]) -> int | None:
    start = None
    for below, i in enumerate(reversed(filled)):
        line = lines[i]
        if i == filled[0]:
            break  # a signature cannot start on the first line
        if is_valediction(line):
            start = i
        elif (
            len(line) > MAX_SIGNOFF_LINE
            or line.rstrip().endswith("?")
            or _sentence_like(line)
            or squash(line).startswith(("p.s", "ps:", "ps "))
        ):
            break
        if below >= MAX_LINES_BELOW_SIGNOFF:
            break
    return start


def _named_signoff_start(lines: list[str], filled: list[int]) -> int | None:
    """A sign-off with a name right under it owns the lines below that name when none of
    them reads as message text: job titles are often lowercase and long enough to look like
    a sentence ("Specjalista ds. rekrutacji i rozwoju pracowników"), and a full address
    block runs past MAX_LINES_BELOW_SIGNOFF."""
    window = filled[-MAX_SCAN_LINES:]
    for pos, i in enumerate(window):
        below = window[pos + 1 :]
        if i == filled[0] or not below or len(below) > MAX_NAMED_SIGNATURE + 1:
            continue
        if not is_valediction(lines[i]) or not _is_name(lines[below[0]].strip()):
            continue
        if all(_signature_block_line(lines[j]) for j in below[1:]):
            return i
    return None


def _signature_block_line(line: str) -> bool:
    """A title, company, address or contact line, not a sentence of the message."""
    text = line.strip()
    if len(text) > MAX_BLOCK_LINE or text.endswith(("?", "!")):
        return False
    if squash(text).startswith(("p.s", "ps:", "ps ")):
        return False
    if not _sentence_like(text):
        return True
    return len(text.split()) <= MAX_TITLE_WORDS and not text.endswith((".", ":"))


def _contact_block_start(lines: list[str], filled: list[int]) -> int | None:
    """The last paragraph, if it is a name followed by contact lines (two items or more)."""
    last = filled[-1]
    start = last
    while start > 0 and lines[start - 1].strip():
        start -= 1
    block = lines[start : last + 1]
    if start == filled[0] or not 2 <= len(block) <= 8:
        return None
    if any(len(line) > MAX_SIGNOFF_LINE for line in block) or not _is_name(block[0]):
        return None
    if sum(_contact_items(line) for line in block) < 2:
        return None
    return start


def split_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    """(body lines, signature lines) of the new text's lines."""
    body = _trim(lines)
    signature: list[str] = []
    for _ in range(MAX_PASSES):
        start = _signature_start(body)
        if start is None or not any(line.strip() for line in body[:start]):
            break
        signature = body[start:] + signature
        body = _trim(body[:start])
    return body, _trim(signature)


def _trim(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return lines[:end]
