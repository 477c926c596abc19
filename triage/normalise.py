"""Text as an injection screen should read it: the disguises taken off.

Attackers hide instructions from keyword lists with look-alike letters (Cyrillic "о" for
Latin "o"), full-width or styled letters, zero-width and bidi characters, letter spacing
("i g n o r e"), leetspeak ("1gn0r3") and encodings (base64, hex, rot13). ``views`` gives
the variants a pattern list should be run over; ``decoded_fragments`` the text hidden in
encoded runs. Everything here is linear in its (bounded) input.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import unicodedata

# Latin look-alikes from Cyrillic and Greek (Unicode's confusables, the letters that matter)
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
        "ј": "j", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ӏ": "l", "ь": "b",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ԁ": "D",
        # Greek
        "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
        "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ς": "s",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        # Latin oddities
        "ı": "i", "ɑ": "a", "ℓ": "l", "ſ": "s", "ß": "ss",
    }
)  # fmt: skip
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
# a word mixing letters with leet digits/symbols: "1gn0r3", "pr0mpt", "@ll"
_LEET_WORD = re.compile(
    r"(?<![\w@$!])(?=[\w@$!]{0,39}[a-z])(?=[\w@$!]{0,39}[0-9@$!])[\w@$!]{3,40}(?![\w@$!])"
)  # starts only at a word's start and bounded: linear
# three or more single letters split by one separator each: "i g n o r e", "s.y.s.t.e.m"
_SPACED = re.compile(r"(?<!\w)(?:\w[ .\-_*|/]){2,}\w(?!\w)")
_SEPARATOR = re.compile(r"[ .\-_*|/]")
_SPACES = re.compile(r"[^\S\n]+")
_NOT_LETTER = re.compile(r"[^a-z]+")
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{16,}={0,2}")
_HEX_RUN = re.compile(r"(?:[0-9a-fA-F]{2}[ :]?){12,}")
MAX_FRAGMENTS = 20
MAX_FRAGMENT_CHARS = 4_000


def _strip_invisible(text: str) -> str:
    """Drop format characters (zero-width, bidi overrides, soft hyphen) and controls."""
    return "".join(
        ch
        for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in {"Cf", "Cc", "Mn", "Me"}
    )


def fold(text: str, squeeze: bool = True) -> str:
    """NFKC (full-width, styled letters), accents kept apart and dropped, invisible
    characters removed, look-alikes mapped to Latin, lower case, spaces squeezed."""
    text = unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize("NFD", text.translate(_CONFUSABLES))
    text = unicodedata.normalize("NFC", _strip_invisible(text)).casefold()
    return _SPACES.sub(" ", text) if squeeze else text


def unspace(text: str) -> str:
    """Join letter-spaced words: "i g n o r e  a l l" -> "ignore all" (a wider gap is the
    word break), then squeeze spaces."""
    return _SPACES.sub(" ", _SPACED.sub(lambda m: _SEPARATOR.sub("", m.group(0)), text))


def unleet(text: str) -> str:
    """Leet undone inside words that mix letters and digits ("1gn0r3")."""
    return _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)


def unleet_all(text: str) -> str:
    """Every leet digit and symbol read as a letter ("4 p4r7ir" -> "a partir")."""
    return text.translate(_LEET)


def spaced_segments(text: str) -> list[str]:
    """Letters of each letter-spaced run ("y o u a r e n o w" -> "youarenow")."""
    return [squash(m.group(0)) for m in _SPACED.finditer(text)][:MAX_FRAGMENTS]


def squash(text: str) -> str:
    """Letters only: what is left when every separator is a disguise."""
    return _NOT_LETTER.sub("", text)


def views(text: str) -> list[str]:
    """The variants to screen (already folded): plain, letter-spacing joined, leet undone
    in mixed words, leet undone everywhere."""
    folded = fold(text)
    joined = unspace(fold(text, squeeze=False))
    variants = [folded, joined, unleet(joined), unleet_all(joined)]
    return list(dict.fromkeys(variants))


def rot13(text: str) -> str:
    return codecs.encode(text, "rot13")


def _printable_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(ch.isprintable() or ch in "\n\t" for ch in text) / len(text)


def _as_text(data: bytes) -> str | None:
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    letters = sum(ch.isalpha() for ch in decoded)
    if _printable_share(decoded) < 0.95 or letters < len(decoded) * 0.5:
        return None
    return decoded


def decoded_fragments(text: str) -> list[str]:
    """Readable text hidden in base64 or hex runs (a few, bounded)."""
    found: list[str] = []
    for match in _BASE64_RUN.finditer(text):
        if len(found) >= MAX_FRAGMENTS:
            break
        run = match.group(0)[:MAX_FRAGMENT_CHARS]
        if run.isalpha() and (run.islower() or run.isupper()):
            continue  # a long plain word, not base64
        padded = run + "=" * (-len(run) % 4)
        try:
            raw = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
        except (binascii.Error, ValueError):
            continue
        decoded = _as_text(raw)
        if decoded:
            found.append(decoded)
    for match in _HEX_RUN.finditer(text):
        if len(found) >= MAX_FRAGMENTS:
            break
        digits = re.sub(r"[ :]", "", match.group(0))[:MAX_FRAGMENT_CHARS]
        try:
            decoded = _as_text(bytes.fromhex(digits[: len(digits) // 2 * 2]))
        except ValueError:
            continue
        if decoded:
            found.append(decoded)
    return found
