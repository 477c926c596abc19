"""A read-only inbox page, roughly as an agent sees HubSpot's inbox (GET /_emulator/ui)."""

from __future__ import annotations

import html

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from localdev.hubspot_emulator.emulator_state import EmulatorState
from localdev.hubspot_emulator.sanitize import sanitize_html
from localdev.hubspot_emulator.state import Message, Thread, iso

router = APIRouter(prefix="/_emulator/ui")

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f5f8fa;
  color:#33475b}
header{background:#2d3e50;color:#fff;padding:10px 20px;font-size:18px}
header a{color:#fff;text-decoration:none}
main{padding:16px 24px;max-width:1100px}
table{border-collapse:collapse;width:100%;background:#fff}
td,th{border-bottom:1px solid #dfe3eb;padding:6px 8px;text-align:left;font-size:13px;
  vertical-align:top}
th{background:#eaf0f6}
.tag{display:inline-block;padding:1px 6px;border-radius:3px;font-size:11px;margin-right:4px}
.spam{background:#f2545b;color:#fff}.closed{background:#cbd6e2}.helpdesk{background:#6a78d1;color:#fff}
.comments{background:#f5c26b}.replied{background:#00bda5;color:#fff}
.msg{background:#fff;border:1px solid #dfe3eb;border-radius:4px;margin:12px 0;padding:10px 14px}
.msg.out{border-left:4px solid #0091ae}.msg.in{border-left:4px solid #7c98b6}
.msg.comment{background:#fef8f0;border:1px solid #f5c26b;border-left:4px solid #f5c26b}
.meta{font-size:12px;color:#7c98b6;margin-bottom:6px}
.body{font-size:14px;line-height:1.45;overflow-wrap:anywhere}
.status{font-size:12px;color:#7c98b6;text-align:center;margin:8px}
.att{font-size:12px;color:#516f90}
.nowrap{white-space:nowrap}
"""


def _page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{STYLE}</style></head><body><header><a href='/_emulator/ui'>"
        f"HubSpot emulator &middot; Inbox</a></header><main>{body}</main></body></html>"
    )


def _first_email(thread: Thread) -> Message | None:
    return next((m for m in thread.messages if m.type == "MESSAGE"), None)


def _sender(message: Message) -> str:
    senders = message.body.get("senders") or [{}]
    first = senders[0]
    address = (first.get("deliveryIdentifier") or {}).get("value", "")
    name = first.get("name") or first.get("actorId", "")
    return f"{name} <{address}>" if address and address != name else str(name)


def _state(request: Request) -> EmulatorState:
    state: EmulatorState = request.app.state.emulator
    return state


@router.get("", response_class=HTMLResponse)
async def inbox_page(request: Request) -> HTMLResponse:
    account = _state(request).account
    rows = []
    threads = sorted(
        (t for t in account.threads.values() if not t.archived),
        key=lambda t: t.sort_ts,
        reverse=True,
    )
    for thread in threads:
        first = _first_email(thread)
        inbox = account.inboxes.get(thread.inbox_id)
        tags = ""
        if thread.spam:
            tags += "<span class='tag spam'>spam</span>"
        if thread.status == "CLOSED":
            tags += "<span class='tag closed'>closed</span>"
        if inbox is not None and inbox.type == "HELP_DESK":
            tags += "<span class='tag helpdesk'>help desk</span>"
        comments = sum(1 for m in thread.messages if m.type == "COMMENT")
        if comments:
            tags += f"<span class='tag comments'>{comments} comment(s)</span>"
        replies = sum(1 for m in thread.messages if m.direction == "OUTGOING")
        if replies:
            noun = "reply" if replies == 1 else "replies"
            tags += f"<span class='tag replied'>{replies} agent {noun}</span>"
        subject = (first.body.get("subject") if first else "") or "(no subject)"
        sender = _sender(first) if first else ""
        rows.append(
            f"<tr><td><a href='/_emulator/ui/threads/{thread.id}'>{thread.id}</a></td>"
            f"<td>{html.escape(inbox.name if inbox else thread.inbox_id)}</td>"
            f"<td>{html.escape(sender)}</td><td>{html.escape(subject)} {tags}</td>"
            f"<td>{len(thread.messages)}</td>"
            f"<td class='nowrap'>{iso(thread.sort_ts)[:16].replace('T', ' ')}</td></tr>"
        )
    table = (
        "<table><tr><th>Thread</th><th>Inbox</th><th>From</th><th>Subject</th>"
        f"<th>Msgs</th><th>Latest (UTC)</th></tr>{''.join(rows)}</table>"
    )
    return _page("Inbox", f"<p>{len(threads)} threads</p>{table}")


def _render_message(message: Message) -> str:
    body = message.body
    when = str(body.get("createdAt", ""))[:19].replace("T", " ")
    if message.type == "THREAD_STATUS_CHANGE":
        return f"<div class='status'>Thread marked {html.escape(body['newStatus'])} · {when}</div>"
    if message.type == "COMMENT":
        css, label = "comment", "Internal comment"
    elif message.direction == "OUTGOING":
        css, label = "out", "Email sent"
    else:
        css, label = "in", "Email received"
    # Comment HTML is shown as HTML (as HubSpot does); customer HTML is untrusted, so both
    # go through the allowlist sanitiser; plain text is escaped.
    rich = body.get("richText")
    content = (
        sanitize_html(rich) if rich else html.escape(body.get("text", "")).replace("\n", "<br>")
    )
    if message.full_text is not None:
        content += "<p class='att'>[truncated: original content has the full email]</p>"
    names = (str(a.get("name") or a.get("fileId") or a.get("type")) for a in body["attachments"])
    atts = "".join(f"<div class='att'>Attachment: {html.escape(n)}</div>" for n in names)
    subject = body.get("subject")
    subject_html = f" · <b>{html.escape(subject)}</b>" if subject else ""
    return (
        f"<div class='msg {css}'><div class='meta'>{label} · {html.escape(_sender(message))}"
        f"{subject_html} · {when}</div><div class='body'>{content}</div>{atts}</div>"
    )


@router.get("/threads/{thread_id}", response_class=HTMLResponse)
async def thread_page(thread_id: str, request: Request) -> HTMLResponse:
    account = _state(request).account
    thread = account.live_thread(thread_id)
    if thread is None:
        page = _page("Not found", f"<p>Thread {html.escape(thread_id)} not found.</p>")
        page.status_code = 404
        return page
    inbox = account.inboxes.get(thread.inbox_id)
    head = (
        f"<h2>Thread {thread.id}</h2><p>Inbox: {html.escape(inbox.name if inbox else '')} · "
        f"status {thread.status}{' · SPAM' if thread.spam else ''}"
        f"{' · ticket ' + thread.ticket_id if thread.ticket_id else ''}</p>"
    )
    return _page(f"Thread {thread.id}", head + "".join(map(_render_message, thread.messages)))
