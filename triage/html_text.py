"""HTML to readable text, with the quote containers mail clients write marked as "> " lines.

Parsed with lxml (C, recovering from broken markup) and walked iteratively, so deep nesting
costs no recursion. Quote markup, found in the clients' own output:
- containers whose content is quoted: <blockquote> (Apple Mail, Thunderbird type=cite, most
  webmails), Gmail's div.gmail_quote, Yahoo's div.yahoo_quoted, ProtonMail's
  .protonmail_quote, AOL's div#AOLMsgPart_*;
- cut points after which everything is history: Outlook web's div#appendonsend and
  div#divRplyFwdMsg, Outlook for Mac's #OLK_SRC_BODY_SECTION, Outlook desktop's border-top
  div and any <hr> that opens a From/Sent/To block (in any language of reply_markers.json);
- signature containers (Gmail's .gmail_signature, Outlook's #Signature, Apple's
  #AppleMailSignature, Thunderbird's .moz-signature) get a "--" line above them.
A blockquote.gmail_quote outside div.gmail_quote is Gmail's compose "quote" button: the
sender's own text, kept as text.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable

from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html

from triage.quote_split import fields_in_flat_text

_BLOCK_TAGS = {
    "p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
    "blockquote", "pre", "section", "article", "header", "footer", "hr", "dl", "dt", "dd",
    "center", "form", "address", "body", "html",
}  # fmt: skip
_PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote"}
_DROP_TAGS = ("script", "style", "head", "title", "meta", "noscript", "template", "svg", "object")
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")
# libxml2 drops text after </html>; browsers show it, so the end tags go before parsing
_DOCUMENT_END_TAGS = re.compile(r"</(?:body|html)\s{0,20}>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,2000}>")
LOOKAHEAD_CHARS = 300  # text read after an <hr> or in a bordered div to spot a From block
LOOKAHEAD_LEVELS = 4
LOOKAHEAD_ELEMENTS = 60  # elements visited per look-ahead, however little text they hold
MAX_LINK_LABEL = 500


def _classes(el: etree._Element) -> set[str]:
    return set(str(el.get("class") or "").lower().split())


def _bounded_text(elements: Iterable[etree._Element], budget: list[int], parts: list[str]) -> None:
    """Text and tails of the given subtrees, until the char or element budget runs out."""
    for root in elements:
        for node in root.iter():
            budget[1] -= 1
            if budget[0] <= 0 or budget[1] <= 0:
                return
            for piece in (node.text if isinstance(node.tag, str) else None, node.tail):
                if piece:
                    parts.append(piece)
                    budget[0] -= len(piece)


def _text_after(el: etree._Element) -> str:
    """Up to LOOKAHEAD_CHARS of text following el in document order (bounded climb)."""
    parts: list[str] = [el.tail or ""]
    budget = [LOOKAHEAD_CHARS - len(parts[0]), LOOKAHEAD_ELEMENTS]  # chars, elements
    node: etree._Element | None = el
    for _ in range(LOOKAHEAD_LEVELS):
        if node is None or budget[0] <= 0 or budget[1] <= 0:
            break
        _bounded_text(node.itersiblings(), budget, parts)
        node = node.getparent()
        if node is not None and node.tail:
            parts.append(node.tail)
            budget[0] -= len(node.tail)
    return " ".join(parts)


def _text_start(el: etree._Element, chars: int = LOOKAHEAD_CHARS) -> str:
    parts: list[str] = [el.text or ""]
    _bounded_text(el.iterchildren(), [chars, LOOKAHEAD_ELEMENTS], parts)
    return " ".join(parts)


class _Renderer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.has_text = False
        self.line_depth = 0
        self.depth = 0
        self.cut = False
        self.pre = 0
        self.gmail_quotes = 0
        self.open_quotes: list[etree._Element] = []
        self.open_gmail: list[etree._Element] = []

    def _effective_depth(self) -> int:
        return self.depth + int(self.cut)

    def text(self, value: str | None) -> None:
        if not value:
            return
        if self.pre:
            pieces = value.split("\n")
            for index, piece in enumerate(pieces):
                if index:
                    self.newline()
                self._append(piece)
            return
        self._append(_WHITESPACE.sub(" ", value))

    def _append(self, value: str) -> None:
        if not self.has_text and value.strip():
            self.has_text = True
            self.line_depth = self._effective_depth()
        self.buffer.append(value)

    def newline(self) -> None:
        line = "".join(self.buffer).strip()
        self.buffer = []
        self.has_text = False
        if line:
            depth = self.line_depth
            self.lines.append(("> " * depth if depth else "") + line)
        elif self.lines and self.lines[-1] != "":
            self.lines.append("")  # a break on an empty line: keep one blank line

    def blank(self) -> None:
        self.newline()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def quote_kind(self, el: etree._Element, tag: str) -> str | None:
        ident = str(el.get("id") or "")
        if tag == "blockquote":
            classes = _classes(el)
            if str(el.get("type") or "").lower() == "cite":
                return "quote"
            if "gmail_quote" in classes and not self.gmail_quotes:
                return None  # Gmail's compose quote button: the sender's own text
            return "quote"
        if tag not in {"div", "span", "hr", "pre", "table"}:
            return None
        if ident == "OLK_SRC_BODY_SECTION" or ident.endswith(("divRplyFwdMsg", "appendonsend")):
            return "cut"
        if tag == "hr":
            return "cut" if fields_in_flat_text(_text_after(el)) else None
        classes = _classes(el)
        if "gmail_quote" in classes or "yahoo_quoted" in classes or "protonmail_quote" in classes:
            return "quote"
        if ident.startswith(("yahoo_quoted", "AOLMsgPart")):
            return "quote"
        if "outlookmessageheader" in classes:
            return "cut"
        if {"gmail_signature", "moz-signature"} & classes or ident in {
            "Signature",
            "signature",
            "AppleMailSignature",
        }:
            return "signature"
        style = str(el.get("style") or "").lower()
        if "border-top" in style and fields_in_flat_text(_text_start(el)):
            return "cut"
        return None

    def start(self, el: etree._Element, tag: str) -> None:
        if tag == "li":
            self.newline()
            self.text("- ")
        elif tag in _PARAGRAPH_TAGS:
            self.blank()
        elif tag in _BLOCK_TAGS:
            self.newline()
        elif tag in {"td", "th"}:
            self.text(" ")
        kind = self.quote_kind(el, tag)
        if kind == "quote":
            self.newline()
            self.depth += 1
            self.open_quotes.append(el)
        elif kind == "cut":
            self.newline()
            self.cut = True
        elif kind == "signature":
            self.newline()
            self.lines.append(("> " * self._effective_depth()) + "--")
        if tag == "div" and "gmail_quote" in _classes(el):
            self.gmail_quotes += 1
            self.open_gmail.append(el)
        if tag == "pre":
            self.pre += 1
        self.text(el.text)

    def end(self, el: etree._Element, tag: str) -> None:
        if tag == "a":
            self._link_target(el)
        if tag in _PARAGRAPH_TAGS:
            self.blank()
        elif tag in _BLOCK_TAGS and tag != "br":
            self.newline()
        if self.open_quotes and self.open_quotes[-1] is el:
            self.newline()
            self.open_quotes.pop()
            self.depth -= 1
        if self.open_gmail and self.open_gmail[-1] is el:
            self.open_gmail.pop()
            self.gmail_quotes -= 1
        if tag == "pre":
            self.pre -= 1
        self.text(el.tail)

    def _link_target(self, el: etree._Element) -> None:
        href = str(el.get("href") or "").strip()
        if not href.lower().startswith(("http://", "https://", "mailto:")):
            return
        target = href[7:].split("?", 1)[0] if href.lower().startswith("mailto:") else href
        label = _WHITESPACE.sub(" ", _text_start(el, MAX_LINK_LABEL)).strip().lower()
        if target and target.lower() not in label:
            self.text(f" ({target})")

    def render(self, root: etree._Element) -> str:
        for event, el in etree.iterwalk(root, events=("start", "end")):
            tag = el.tag
            if not isinstance(tag, str):
                if event == "end":
                    self.text(el.tail)
                continue
            tag = tag.lower()
            if event == "start":
                self.start(el, tag)
            else:
                self.end(el, tag)
        self.newline()
        return "\n".join(self.lines).strip()


def _without_code(markup: str) -> str:
    """The markup without <script> and <style> elements, by a linear scan."""
    low = markup.lower()
    kept: list[str] = []
    position = 0
    while True:
        starts = [
            i for i in (low.find("<script", position), low.find("<style", position)) if i >= 0
        ]
        if not starts:
            break
        start = min(starts)
        name = "</script" if low.startswith("<script", start) else "</style"
        end = low.find(name, start)
        kept.append(markup[position:start])
        if end < 0:
            position = len(markup)
            break
        close = low.find(">", end)
        position = len(markup) if close < 0 else close + 1
    kept.append(markup[position:])
    return "".join(kept)


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """Readable text from HTML: block breaks, "- " list items, "text (url)" links, and the
    quoted parts as "> " lines so the quote splitter finds them."""
    notes: list[str] = []
    if "<" not in markup or not re.search(r"<[A-Za-z!/]", markup):
        notes.append("HTML part has no tags")
    cleaned = _DOCUMENT_END_TAGS.sub("", _XML_DECLARATION.sub("", _CONTROL.sub("", markup)))
    if not cleaned.strip():
        return "", notes
    try:
        parser = lxml_html.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
        )
        root = lxml_html.document_fromstring(cleaned.encode("utf-8", "replace"), parser=parser)
    except (etree.LxmlError, ValueError):
        notes.append("invalid HTML: tags stripped with a regex")
        return _TAG.sub(" ", cleaned), notes
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    text = _Renderer().render(root)
    if not text:
        # e.g. an unclosed "<!--" swallows the whole body; old mail readers still showed it
        stripped = _TAG.sub(" ", _without_code(cleaned))
        if stripped.strip():
            notes.append("HTML renders empty: tags stripped with a regex")
            text = html_lib.unescape(stripped)
    return text, notes
