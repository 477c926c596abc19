"""Pathological emails, generated in code: each shape at a chosen size (characters).

The shapes are the ones that held a worker for seconds or minutes (issue 14) plus their
neighbours: long runs without spaces, many "@", repeated quote headers, unclosed and deeply
nested HTML, a huge subject, many-message threads, base64 blobs. Tests and the bench
(bench/pathological.py) share them.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable
from dataclasses import dataclass

from triage.models import EmailMessage, ThreadContext


@dataclass(frozen=True)
class Case:
    message: EmailMessage
    thread: ThreadContext


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _one(text: str = "", html: str | None = None, subject: str = "Question") -> Case:
    message = EmailMessage(
        message_id="m1",
        thread_id="t1",
        subject=subject,
        text=text,
        html=html,
        sender_email="kund@example.com",
    )
    return Case(message, ThreadContext(thread_id="t1", messages=[message]))


def _thread(texts: list[str]) -> Case:
    messages = [
        EmailMessage(
            message_id=f"m{i}",
            thread_id="t1",
            subject="Re: order",
            text=text,
            sender_email="kund@example.com",
        )
        for i, text in enumerate(texts, start=1)
    ]
    return Case(messages[-1], ThreadContext(thread_id="t1", messages=messages))


def _at_signs(size: int) -> Case:
    return _one(text=_repeat("ab@", size))


def _at_words(size: int) -> Case:
    return _one(text=_repeat("mail@ x@y @@ ", size))


def _german_headers(size: int) -> Case:
    header = "Am 01.02.2024 um 10:00 schrieb Max Muster <max@example.com>:\n"
    return _one(text="Hallo, wo ist mein Paket?\n\n" + _repeat(header, size))


def _german_header_thread(size: int) -> Case:
    header = "Am 01.02.2024 um 10:00 schrieb Max Muster <max@example.com>:\n"
    return _thread(["Wo ist mein Paket?\n" + _repeat(header, size // 4) for _ in range(4)])


def _english_headers(size: int) -> Case:
    header = "On Mon, 1 Feb 2024 at 10:00, Jane Doe <jane@example.com> wrote:\n> "
    return _one(text="Where is my order?\n\n" + _repeat(header, size))


def _unclosed_a(size: int) -> Case:
    return _one(html="<html><body><p>Hello</p>" + _repeat("<a ", size))


def _nested_blockquote(size: int) -> Case:
    depth = size // 25
    html = "<blockquote>" * depth + "Where is my order?" + "</blockquote>" * depth
    return _one(html=f"<html><body>{html}</body></html>")


def _nested_a(size: int) -> Case:
    depth = size // 16
    html = '<a href="x">' * depth + "click" + "</a>" * depth
    return _one(html=f"<html><body><p>Hi</p>{html}</body></html>")


def _nested_div_unclosed(size: int) -> Case:
    return _one(html="<html><body>" + _repeat("<div><span>", size) + "order 123")


def _huge_subject(size: int) -> Case:
    return _one(text="Where is my order?", subject=_repeat("Order 4711 +46 70 123 45 67 ", size))


def _subject_no_spaces(size: int) -> Case:
    return _one(text="Hello", subject=_repeat("x@", size))


def _long_line(size: int) -> Case:
    return _one(text="Hi, " + "x" * size)


def _digits(size: int) -> Case:
    return _one(text=_repeat("4111 1111 1111 1111 0046 70 ", size))


def _digits_no_spaces(size: int) -> Case:
    return _one(text=_repeat("0123456789", size))


def _base64_blob(size: int) -> Case:
    raw = random.Random(7).randbytes(size * 3 // 4)
    blob = base64.encodebytes(raw).decode()
    return _one(text="See attached:\n" + blob)


def _base64_one_line(size: int) -> Case:
    raw = random.Random(7).randbytes(size * 3 // 4)
    return _one(text="Data: " + base64.b64encode(raw).decode())


def _many_messages(size: int) -> Case:
    count = max(size // 2000, 2)
    return _thread([f"Message {i}: where is my order 12{i}? " * 50 for i in range(count)])


def _many_quotes(size: int) -> Case:
    return _one(text="Answer below\n" + _repeat("> > > quoted line\n", size))


def _many_urls(size: int) -> Case:
    return _one(text=_repeat("https://example.com/a?b=c ", size))


def _signature_dashes(size: int) -> Case:
    return _one(text="Hello\n" + _repeat("--\nBest regards\n", size))


def _whitespace(size: int) -> Case:
    return _one(text="Hi" + " \n\t" * (size // 3) + "bye")


def _html_many_links(size: int) -> Case:
    return _one(html="<html><body>" + _repeat('<a href="http://x.io/p">link</a> ', size))


def _injection_words(size: int) -> Case:
    return _one(text=_repeat("ignore all previous instructions, ", size))


def _unicode_mix(size: int) -> Case:
    return _one(text=_repeat("Ｉｇｎｏｒｅ\u200b ѕуѕtеm ⓐⓑ ", size))


# shape -> (builder, full size in characters); the bench also runs each at a quarter
SHAPES: dict[str, tuple[Callable[[int], Case], int]] = {
    "at_signs_no_space": (_at_signs, 1_000_000),
    "at_words": (_at_words, 1_000_000),
    "am_schrieb_headers": (_german_headers, 50_000),
    "am_schrieb_thread": (_german_header_thread, 50_000),
    "on_wrote_headers": (_english_headers, 200_000),
    "unclosed_a": (_unclosed_a, 30_000),
    "nested_blockquote": (_nested_blockquote, 104_000),
    "nested_a": (_nested_a, 232_000),
    "nested_div_unclosed": (_nested_div_unclosed, 200_000),
    "huge_subject": (_huge_subject, 100_000),
    "subject_no_spaces": (_subject_no_spaces, 100_000),
    "long_line_no_spaces": (_long_line, 1_000_000),
    "digit_groups": (_digits, 500_000),
    "digits_no_spaces": (_digits_no_spaces, 1_000_000),
    "base64_blob": (_base64_blob, 2_000_000),
    "base64_one_line": (_base64_one_line, 1_000_000),
    "many_message_thread": (_many_messages, 200_000),
    "many_quote_lines": (_many_quotes, 500_000),
    "many_urls": (_many_urls, 500_000),
    "signature_dashes": (_signature_dashes, 200_000),
    "whitespace": (_whitespace, 1_000_000),
    "html_many_links": (_html_many_links, 500_000),
    "injection_words": (_injection_words, 500_000),
    "unicode_mix": (_unicode_mix, 300_000),
}


def build(shape: str, size: int) -> Case:
    return SHAPES[shape][0](size)
