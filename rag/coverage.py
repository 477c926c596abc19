"""Does the knowledge base even mention what the question names?

The answerability gate compares the best passage's cosine with off-topic probes, which
are far from the domain: they say nothing about a question in the product's own area on
something the knowledge base never mentions (a named service, a file format, a national
system). multilingual-e5 puts such a question close to the generic section on the same
area, so the cosine alone lets it through. What does tell is vocabulary: the question
names a term that is rare in general language (so it carries the topic) and that occurs
nowhere in the knowledge base.

A term is *specific* when its general frequency (the ``wordfreq`` package's Zipf scale,
in the email's language and in English) is below ``RARE_ZIPF`` and either it is shaped
like a name (capitalised inside a sentence, an acronym, letters with a digit) or the
email is in a language the knowledge base has passages in (an ordinary rare word can then
be looked up; across languages it cannot). It is *unknown* when neither it nor a word
sharing its stem (a common prefix of at least ``STEM_PREFIX`` letters covering most of
it) is in the knowledge base's vocabulary, and it is not a misspelling of a common word.
Ids and numbers (half or more digits) are never specific.

The vocabulary is read from the store once per store, collection and size, and cached.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from rag.store import KnowledgeStore

RARE_ZIPF = 3.0  # below this, a word is rare in general language (wordfreq's Zipf scale)
COMMON_ZIPF = 3.0  # one letter away from a word this common: a misspelling; also the
# parts of a compound ("betalningstiden" = "betalning(s)" + "tiden") that make it ordinary
MIN_COMPOUND_PART = 4
STEM_PREFIX = 5  # letters two words must share to count as the same stem
STEM_SHARE = 0.6  # ... and that share of the question word ("invoicing" ~ "invoices")
MIN_LETTERS = 3
NAME_RUN_ZIPF = 4.0  # a word of a multi-word name this common is an ordinary word

_TOKEN = re.compile(r"[^\W_](?:[\w.+#-]*[^\W_])?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\s*$")
_LETTERS = "abcdefghijklmnopqrstuvwxyzåäöæøéèêëüúùûïíîóòôõñçßłśźżćńęąšžčř"
# wordfreq names Norwegian Bokmål "nb"; we reply in "no".
_WORDFREQ_LANGUAGE = {"no": "nb", "nn": "nb"}


@dataclass(frozen=True)
class Vocabulary:
    words: frozenset[str]
    prefixes: frozenset[str]
    languages: frozenset[str]
    document_frequency: dict[str, int] = field(default_factory=dict)  # word -> passages
    passages: int = 0

    def covers(self, word: str, slips: bool = True) -> bool:
        """The word, a word of the same stem, or (5+ letters, ``slips``) a one-letter slip
        of a word of the knowledge base. Names get no slips: Finvoice is not invoice."""
        if word in self.words:
            return True
        if len(word) < STEM_PREFIX:
            return False
        need = max(STEM_PREFIX, math.ceil(len(word) * STEM_SHARE))
        if any(word[:size] in self.prefixes for size in range(need, len(word) + 1)):
            return True
        return slips and any(edit in self.prefixes or edit in self.words for edit in _edits(word))


def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, _WORDFREQ_LANGUAGE.get(language, language)))
    except LookupError:  # a language wordfreq does not have
        return 0.0


@lru_cache(maxsize=65536)
def general_zipf(word: str, language: str, also: frozenset[str] = frozenset()) -> float:
    """How common ``word`` is in general language: the highest of the email's language,
    English (customers write English product words into any language) and ``also`` (the
    knowledge base's languages: a city such as Graz is common in German)."""
    return max(_zipf(word, code) for code in {language, "en", *also})


def _edits(word: str) -> Iterator[str]:
    """Every string one deletion, transposition, substitution or insertion away, lazily
    (a word has about 1,300, and callers stop at the first that matches). Not cached: a
    cache of them held about 170 KiB a word and grew by one entry for each new word of the
    emails, 26 MiB every 1,000 emails in the long run."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for a, b in splits:
        if b:
            yield a + b[1:]
        if len(b) > 1:
            yield a + b[1] + b[0] + b[2:]
    for a, b in splits:
        for c in _LETTERS:
            if b:
                yield a + c + b[1:]
            yield a + c + b


@lru_cache(maxsize=16384)
def _misspelling(word: str, language: str) -> bool:
    """One letter away from a common word of the language (or of English). Looked up
    with the uncached ``_zipf``: a thousand one-off edits a word would push the real
    words out of ``general_zipf``'s cache."""
    codes = {language, "en"}
    return any(
        _zipf(edit, code) >= COMMON_ZIPF for edit in _edits(word) if edit != word for code in codes
    )


@lru_cache(maxsize=16384)
def _compound_of_common_words(word: str, language: str) -> bool:
    """Two common words written together, as sv, de, nl, da, no and fi do."""
    for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        head, tail = word[:cut], word[cut:]
        heads = [head, head[:-1]] if head.endswith("s") else [head]
        if general_zipf(tail, language) >= COMMON_ZIPF and any(
            general_zipf(h, language) >= COMMON_ZIPF for h in heads
        ):
            return True
    return False


def build_vocabulary(texts: Iterable[str], languages: Iterable[str] = ()) -> Vocabulary:
    """The words of ``texts`` (one a passage), their stems' prefixes and in how many
    passages each word occurs."""
    words: set[str] = set()
    frequency: Counter[str] = Counter()
    passages = 0
    for text in texts:
        passages += 1
        found: set[str] = set()
        for token in _TOKEN.findall(text.lower()):
            found.add(token)
            found.update(part for part in re.split(r"[-.+#]", token) if part)
        words |= found
        frequency.update(found)
    prefixes = {
        word[:size]
        for word in words
        if len(word) >= STEM_PREFIX
        for size in range(STEM_PREFIX, len(word) + 1)
    }
    return Vocabulary(
        frozenset(words), frozenset(prefixes), frozenset(languages), dict(frequency), passages
    )


_CACHE: dict[tuple[str, str, int], Vocabulary] = {}
_LOCK = threading.Lock()


def store_vocabulary(store: KnowledgeStore) -> Vocabulary:
    """The words of every passage (title, heading, text) of the store, cached per size."""
    key = (store.location, store.collection, store.count())
    with _LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    texts: list[str] = []
    languages: set[str] = set()
    for payload in store.passage_payloads(["title", "section", "text", "language"]):
        texts.append(
            f"{payload.get('title', '')}\n{payload.get('section', '')}\n{payload.get('text', '')}"
        )
        if payload.get("language"):
            languages.add(str(payload["language"]))
    vocabulary = build_vocabulary(texts, languages)
    with _LOCK:
        _CACHE[key] = vocabulary
    return vocabulary


# Languages that capitalise every noun: a capital says nothing about a name there.
_NOUNS_CAPITALISED = frozenset({"de"})


def _name_shaped(token: str, sentence_start: bool, language: str) -> bool:
    if any(c.isdigit() for c in token) and any(c.isalpha() for c in token):
        return True
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True  # an acronym: SIE, XML, BankID's "ID" half is caught below
    if any(c.isupper() for c in token[1:]):
        return True  # CamelCase: BankID, MobilePay
    return token[:1].isupper() and not sentence_start and language not in _NOUNS_CAPITALISED


def _brand_shaped(token: str) -> bool:
    """A lower-case start with a capital later: iDEAL, eSIM, e-Boks. Such a word names a
    product, whatever ordinary word it contains (GmbH or MobilePay go the usual way)."""
    return token[:1].islower() and any(c.isupper() for c in token[1:])


def unknown_terms(question: str, language: str, vocabulary: Vocabulary) -> list[str]:
    """The question's specific terms the knowledge base never mentions (lowercased)."""
    same_language = language in vocabulary.languages
    kb = frozenset(_WORDFREQ_LANGUAGE.get(code, code) for code in vocabulary.languages)
    found: list[str] = []
    run: list[tuple[str, bool]] = []  # consecutive capitalised words: (word, covered)

    def close_run() -> None:
        # "Chorus Pro": a multi-word name with a word the KB never uses, every such word
        # uncommon ("Estados Unidos" or a subject line run into "Belgique Combien" is not)
        uncovered = [word for word, covered in run if not covered]
        if (
            len(run) >= 2
            and uncovered
            and all(general_zipf(word, language, kb) < NAME_RUN_ZIPF for word in uncovered)
        ):
            name = " ".join(word for word, _ in run)
            if name not in found:
                found.append(name)
        run.clear()

    previous_end = 0
    for match in _TOKEN.finditer(question):
        token = match.group(0)
        if question[previous_end : match.start()].strip():
            close_run()  # punctuation between the words ends a multi-word name
        previous_end = match.end()
        digits = sum(c.isdigit() for c in token)
        # ids and numbers, and the redaction's placeholders ("[IBAN_1]"), name nothing
        if len(token) < MIN_LETTERS or digits * 2 >= len(token) or "_" in token:
            close_run()
            continue
        start = bool(_SENTENCE_START.search(question[: match.start()]))
        shaped = _name_shaped(token, start, language)
        word = token.lower()
        if shaped and token[:1].isupper() and not start:
            run.append((word, vocabulary.covers(word)))
        else:
            close_run()
        if _brand_shaped(token) and not vocabulary.covers(word, slips=False):
            if word not in found:
                found.append(word)
            continue
        if not shaped and not same_language:
            continue
        parts = [p for p in re.split(r"[-.+#]", word) if len(p) >= MIN_LETTERS] or [word]
        for part in parts:
            if (
                vocabulary.covers(part, slips=not shaped)
                or general_zipf(part, language, kb) >= RARE_ZIPF
            ):
                continue
            if _compound_of_common_words(part, language) or (
                not shaped and _misspelling(part, language)
            ):
                continue  # ordinary words written together, or a typo: nothing to conclude
            if part not in found:
                found.append(part)
    close_run()
    return found
