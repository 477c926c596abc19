"""`triage suggestions`: review the articles the agents' replies suggest, then accept
(write the article into the knowledge base and ingest it) or reject (hide it until it is
asked again); `alerts` lists the facts agents keep changing in drafts citing one article."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from kb_feedback.store import FeedbackStore
from localdev.stack import DEFAULT_DATA_DIR

_WHERE = (
    "Reads the tables beside the ledger of LEDGER_CONNECTION_STRING (or LEDGER_TABLE_ENDPOINT) "
    "if set, else the local ledger under --data-dir (Azurite is started on it for the command)."
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "suggestions",
        help="articles the agents' replies suggest, and stale-article alerts: review, "
        "accept, reject",
        description=(
            "When an agent answers an email we had no grounded answer for (or did not use our "
            "draft), the poll keeps the question and the answer, every personal detail "
            "removed, in the group of the same gap (across languages). A gap answered more "
            "than once is a suggested article. When agents change the same fact in drafts "
            "citing one article (299 SEK to 349 SEK), that is a stale-article alert. " + _WHERE
        ),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help=f"the local ledger's folder (default {DEFAULT_DATA_DIR})",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list",
        help="suggested articles, most asked first, then the alerts",
        description="Suggestions awaiting review (open, or rejected and asked again since), "
        "most asked first: id, times asked, languages, the first question (scrubbed); then "
        "the stale-article alerts.",
    )
    listing.add_argument("--json", action="store_true", help="print as JSON")
    listing.add_argument(
        "--all", action="store_true", help="also accepted, rejected and once-asked groups"
    )
    listing.set_defaults(func=run_list)
    show = actions.add_parser(
        "show",
        help="one suggestion: its questions, the agents' answers, and the article it would be",
        description="Print one suggestion (id or a unique prefix): counts, languages, dates, "
        "each kept question and answer (personal details removed) and the Markdown article "
        "accepting would write.",
    )
    show.add_argument("id", help="the suggestion's id (or a unique prefix), from `list`")
    show.add_argument("--json", action="store_true", help="print as JSON")
    show.set_defaults(func=run_show)
    accept = actions.add_parser(
        "accept",
        help="write the article into the knowledge base and ingest it (an operator action)",
        description="Write the suggestion's Markdown article (front matter: title, language, "
        "source 'agent replies', accepted_by, accepted_at) under suggested/ in the knowledge "
        "base folder, then run the incremental ingest of that folder (only the new article "
        "is embedded). Give the folder the knowledge base was ingested from: the ingest "
        "removes documents that are not in it. In Azure use POST "
        "/api/kb/suggestions/{id}/accept (function key): it writes into the blob container.",
    )
    accept.add_argument("id", help="the suggestion's id (or a unique prefix)")
    accept.add_argument("--by", required=True, help="who accepts it (goes into the article)")
    accept.add_argument(
        "--knowledge-base",
        type=Path,
        default=None,
        help="the knowledge-base folder to write into and ingest (default KNOWLEDGE_BASE_PATH)",
    )
    accept.add_argument(
        "--no-ingest", action="store_true", help="write the article only; ingest later"
    )
    accept.set_defaults(func=run_accept)
    reject = actions.add_parser(
        "reject",
        help="hide a suggestion until it is asked again",
        description="Mark the suggestion rejected: `list` and the report leave it out until "
        "more emails join the group than it had when rejected.",
    )
    reject.add_argument("id", help="the suggestion's id (or a unique prefix)")
    reject.add_argument("--by", required=True, help="who rejects it")
    reject.set_defaults(func=run_reject)
    alerts = actions.add_parser(
        "alerts",
        help="facts agents changed the same way in more than one draft citing one article",
        description="Stale-article alerts: 'agents changed 299 SEK to 349 SEK in 4 drafts "
        "citing https://.../delivery'. Fix the article, then the alert stops growing.",
    )
    alerts.add_argument("--json", action="store_true", help="print as JSON")
    alerts.set_defaults(func=run_alerts)


@contextlib.contextmanager
def feedback(data_dir: Path) -> Iterator[FeedbackStore]:
    from ledger.connection import table_service

    prefix = os.environ.get("LEDGER_TABLE_PREFIX") or "triage"
    connection = os.environ.get("LEDGER_CONNECTION_STRING")
    endpoint = os.environ.get("LEDGER_TABLE_ENDPOINT")
    if connection or endpoint:
        yield FeedbackStore(table_service(connection_string=connection, endpoint=endpoint), prefix)
        return
    from localdev.azurite import Azurite

    if not (data_dir / "azurite").exists():
        raise FileNotFoundError(f"no local ledger under {data_dir}: run `triage run` first")
    with Azurite(data_dir=data_dir / "azurite") as azurite:
        service = table_service(connection_string=azurite.connection_string)
        yield FeedbackStore(service, prefix)


def _languages(languages: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in languages.items())


def run_list(args: argparse.Namespace) -> int:
    from pipeline.kb_suggestions import visible

    with feedback(args.data_dir) as store:
        groups = sorted(store.groups(), key=lambda g: -g.count) if args.all else visible(store)
        alerts = store.alerts()
    if args.json:
        body = {
            "suggestions": [
                g.model_dump(mode="json", exclude={"centroid", "members", "etag"}) for g in groups
            ],
            "alerts": [{**a.model_dump(mode="json"), "sentence": a.sentence} for a in alerts],
        }
        print(json.dumps(body, indent=2, ensure_ascii=False))
        return 0
    if not groups:
        print("no suggested article awaits review (a gap must be answered by agents twice)")
    for g in groups:
        status = "" if g.status == "open" else f" [{g.status}]"
        print(f"{g.group_id}  asked {g.count}x ({_languages(g.languages)}){status}: {g.title}")
        for c in g.contradictions:
            print(f"    contradicts {c.article}: {c.article_says} there, {c.agents_say} here")
    for alert in alerts:
        print(f"stale article? {alert.sentence}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from kb_feedback.article import render
    from pipeline.kb_suggestions import SuggestionNotFound, find

    with feedback(args.data_dir) as store:
        try:
            group = find(args.id, store)
        except SuggestionNotFound:
            print(f"triage suggestions: no suggestion {args.id!r}", file=sys.stderr)
            return 2
    path, article = render(group, "(who accepts)", datetime.now(UTC))
    if args.json:
        body = group.model_dump(mode="json", exclude={"centroid", "members", "etag"})
        print(
            json.dumps(
                {**body, "article_path": path, "article": article}, indent=2, ensure_ascii=False
            )
        )
        return 0
    print(
        f"suggestion {group.group_id} ({group.status}): asked {group.count}x, "
        f"{_languages(group.languages)}, {group.first_at:%Y-%m-%d} to {group.last_at:%Y-%m-%d}"
    )
    for number, example in enumerate(group.examples, 1):
        print(f"\n[{number}] {example.language} {example.at:%Y-%m-%d}")
        print(f"  question: {' '.join(example.question.split())}")
        print(f"  answer:   {' '.join(example.answer.split())}")
    for c in group.contradictions:
        print(
            f"\ncontradicts {c.article}: the article says {c.article_says}, agents say "
            f"{c.agents_say}"
        )
    print(f"\naccepting writes {path}:\n")
    print(article)
    return 0


def run_accept(args: argparse.Namespace) -> int:
    from pipeline.kb_ingestion import KnowledgeBaseSourceError
    from pipeline.kb_suggestions import SuggestionNotFound, accept

    folder = args.knowledge_base or (
        Path(os.environ["KNOWLEDGE_BASE_PATH"]) if os.environ.get("KNOWLEDGE_BASE_PATH") else None
    )
    if folder is None or not folder.is_dir():
        print(
            "triage suggestions accept: give --knowledge-base FOLDER (or set "
            "KNOWLEDGE_BASE_PATH): the folder the knowledge base is ingested from",
            file=sys.stderr,
        )
        return 2
    with feedback(args.data_dir) as store:
        try:
            decided = accept(args.id, args.by, folder=folder, store=store)
        except SuggestionNotFound:
            print(f"triage suggestions: no suggestion {args.id!r}", file=sys.stderr)
            return 2
        except (KnowledgeBaseSourceError, ValueError) as exc:
            print(f"triage suggestions accept: {exc}", file=sys.stderr)
            return 2
    if decided.already:
        print(f"{decided.group_id} was already accepted: {decided.article}")
        return 0
    print(f"accepted {decided.group_id}: wrote {folder / str(decided.article)}")
    if args.no_ingest:
        print(f"not ingested (--no-ingest): run `triage ingest {folder}`")
        return 0
    from localdev.commands.ingest import run_ingest

    return int(run_ingest(argparse.Namespace(path=str(folder), recreate=False, json=False)))


def run_reject(args: argparse.Namespace) -> int:
    from pipeline.kb_suggestions import SuggestionNotFound, reject

    with feedback(args.data_dir) as store:
        try:
            decided = reject(args.id, args.by, store=store)
        except SuggestionNotFound:
            print(f"triage suggestions: no suggestion {args.id!r}", file=sys.stderr)
            return 2
    print(f"rejected {decided.group_id}: hidden until it is asked again")
    return 0


def run_alerts(args: argparse.Namespace) -> int:
    with feedback(args.data_dir) as store:
        alerts = store.alerts()
    if args.json:
        print(
            json.dumps(
                [{**a.model_dump(mode="json"), "sentence": a.sentence} for a in alerts], indent=2
            )
        )
        return 0
    if not alerts:
        print("no stale-article alert: no fact was changed the same way in two drafts")
    for alert in alerts:
        print(alert.sentence)
    return 0
