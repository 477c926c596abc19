"""Write evals/data/sample_kb.jsonl from the emails in evals/tools/emails_*.py.

Ids are "<language>-<number>"; the split alternates dev/test within each (language, expect)
group, so both halves have every language and every kind of email. A group starts with dev
unless dev already leads that kind of email by two or more (then test), which keeps small
groups (one or two emails in a language) from all landing in dev.

    .venv/bin/python -m evals.tools.build_sample_set
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from evals.tools.types import Entry

OUT = Path(__file__).resolve().parents[1] / "data" / "sample_kb.jsonl"


def by_language() -> dict[str, list[Entry]]:
    from evals.tools import emails_de_fr_es as dfe
    from evals.tools import emails_en_sv as es
    from evals.tools import emails_more as more

    return {
        "en": es.EN,
        "sv": es.SV,
        "de": dfe.DE,
        "fr": dfe.FR,
        "es": dfe.ES,
        "nl": more.NL,
        "it": more.IT,
        "da": more.DA,
        "no": more.NO,
        "fi": more.FI,
        "pl": more.PL,
        "pt": more.PT,
    }


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    lead: dict[str, int] = defaultdict(int)  # expect -> dev count minus test count so far
    for language, entries in by_language().items():
        seen: dict[str, int] = defaultdict(int)
        first: dict[str, int] = {}  # expect -> 0 (dev first) or 1 (test first)
        for number, entry in enumerate(entries, start=1):
            if entry.expect not in first:
                first[entry.expect] = 1 if lead[entry.expect] >= 2 else 0
            position = seen[entry.expect] + first[entry.expect]
            seen[entry.expect] += 1
            lead[entry.expect] += 1 if position % 2 == 0 else -1
            row: dict[str, object] = {
                "id": f"{language}-{number:03d}",
                "language": language,
                "subject": entry.subject,
                "body": entry.body,
                "expect": entry.expect,
                "gold_sources": entry.gold_sources,
                "key_facts": entry.key_facts,
                "intent": entry.intent,
                "split": "dev" if position % 2 == 0 else "test",
            }
            if entry.route_reason:
                row["route_reason"] = entry.route_reason
            out.append(row)
    return out


def main() -> None:
    from collections import Counter

    counted = Counter((str(row["language"]), str(row["expect"])) for row in rows())
    for language in by_language():
        print(language, {e: counted[(language, e)] for e in ("answer", "abstain", "route")})
    lines = [json.dumps(row, ensure_ascii=False) for row in rows()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} emails to {OUT}")


if __name__ == "__main__":
    main()
