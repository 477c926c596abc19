"""Allowlist HTML sanitising for the inbox page (customer email HTML is untrusted)."""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment, Tag

ALLOWED_TAGS = frozenset(
    [
        "a",
        "b",
        "blockquote",
        "br",
        "code",
        "div",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "hr",
        "i",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    ]
)
DROP_WITH_CONTENT = frozenset(
    ["script", "style", "iframe", "object", "embed", "head", "title", "noscript", "template"]
)
SAFE_URL_SCHEMES = ("http://", "https://", "mailto:")


def sanitize_html(markup: str) -> str:
    """Keep harmless formatting; drop scripts, event handlers, styles, images and forms."""
    soup = BeautifulSoup(markup, "html.parser")
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in list(soup.find_all(True)):
        if not isinstance(tag, Tag) or tag.decomposed:
            continue
        if tag.name in DROP_WITH_CONTENT:
            tag.decompose()
        elif tag.name not in ALLOWED_TAGS:
            tag.unwrap()
        else:
            href = tag.get("href") if tag.name == "a" else None
            tag.attrs = {}
            if isinstance(href, str) and href.strip().lower().startswith(SAFE_URL_SCHEMES):
                tag.attrs = {"href": href, "rel": "noopener noreferrer nofollow"}
    return str(soup)
