"""Write evals/data/sample_kb.jsonl from the emails in evals/tools/emails_*.py.

Ids are "<language>-<number>"; the split alternates dev/test within each (language, expect)
group, so both halves have every language and every kind of email.

    .venv/bin/python -m evals.tools.build_sample_set
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from evals.tools.types import Entry

OUT = Path(__file__).resolve().parents[1] / "data" / "sample_kb.jsonl"


def by_language() -> dict[str, list[Entry]]:
    from evals.tools import emails_en_sv

    languages: dict[str, list[Entry]] = {"en": emails_en_sv.EN, "sv": emails_en_sv.SV}
    return languages


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for language, entries in by_language().items():
        seen: dict[str, int] = defaultdict(int)
        for number, entry in enumerate(entries, start=1):
            position = seen[entry.expect]
            seen[entry.expect] += 1
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
    lines = [json.dumps(row, ensure_ascii=False) for row in rows()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} emails to {OUT}")


if __name__ == "__main__":
    main()
