"""Write a domain's labelled emails (emails.jsonl) from plain data, the same way for every
domain: constructors for the three kinds of email and the dev/test split.

The split alternates dev/test within each (language, expect) group, and successive groups
of one kind start on alternate halves, so odd group sizes even out and both halves get
every kind of email in every language.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

Email = dict[str, Any]

# every domain's help centre has these two files at its root
CHANGELOG = "changelog.md"
FAQ = "faq.csv"


def faq(question: str) -> str:
    """A gold source: the FAQ row with this question."""
    return f"{FAQ}#{question}"


def A(subject: str, body: str, gold: list[str], facts: list[list[str]]) -> Email:
    """An email the knowledge base answers."""
    return {
        "expect": "answer",
        "subject": subject,
        "body": body,
        "gold_sources": gold,
        "key_facts": facts,
    }


def N(subject: str, body: str) -> Email:
    """The knowledge base does not answer it (close to the product, or off-topic)."""
    return {"expect": "abstain", "subject": subject, "body": body}


def R(reason: str, subject: str, body: str) -> Email:
    """A person must handle it."""
    return {"expect": "route", "subject": subject, "body": body, "route_reason": reason}


def labelled_rows(emails: dict[str, list[Email]], id_prefix: str = "") -> list[Email]:
    """One row per email, in the order given: id (prefix, language, running number),
    language, subject, body, expect, gold sources, key facts, intent, split."""
    rows = []
    groups_started: dict[str, int] = defaultdict(int)  # per expect, over the languages
    for language, written in emails.items():
        counters: dict[str, int] = defaultdict(int)
        starts: dict[str, int] = {}
        for number, email in enumerate(written, start=1):
            expect = email["expect"]
            if expect not in starts:  # groups start dev, test, dev, ... so odd sizes even out
                starts[expect] = groups_started[expect] % 2
                groups_started[expect] += 1
            split = "dev" if (starts[expect] + counters[expect]) % 2 == 0 else "test"
            counters[expect] += 1
            row = {
                "id": f"{id_prefix}{language}-{number:03d}",
                "language": language,
                "subject": email["subject"],
                "body": email["body"],
                "expect": expect,
                "gold_sources": email.get("gold_sources", []),
                "key_facts": email.get("key_facts", []),
                "intent": None,
                "split": split,
            }
            if expect == "route":
                row["route_reason"] = email["route_reason"]
            rows.append(row)
    return rows


def write_emails(emails: dict[str, list[Email]], out: Path, id_prefix: str = "") -> None:
    rows = labelled_rows(emails, id_prefix)
    out.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    print(f"wrote {len(rows)} emails to {out}")
