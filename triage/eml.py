"""EmailMessage from a raw .eml (stdlib email, policy=default) or HubSpot message JSON.

Raw mail is messy: broken MIME, wrong or unknown charsets, binary parts marked as text.
Parsing never raises on such input; it falls back to lenient decoding and keeps going.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
from datetime import datetime
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from typing import Any

from triage.models import EmailMessage

MAX_PARTS = 200  # a message with more parts than this is pathological; stop walking
_HEADERS_KEPT = {
    "auto-submitted", "x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-reply",
    "precedence", "list-unsubscribe", "list-id", "list-post", "x-campaign", "x-mailchimp-id",
    "content-type", "reply-to", "return-path", "x-ms-exchange-generated-message-source",
    "in-reply-to", "references", "x-failed-recipients", "message-id", "x-mailer",
}  # fmt: skip


def _raw_headers(msg: Message) -> dict[str, str]:
    """First value of each header, decoded from RFC 2047 words, without the policy's
    structured parsing (which raises on malformed Message-IDs and addresses)."""
    headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        key = name.lower()
        if key in headers:
            continue
        headers[key] = _decode_words(str(value))
    return headers


def _decode_words(value: str) -> str:
    try:
        decoded = str(make_header(decode_header(value)))
    except Exception:  # unknown charset or broken encoded word: keep the raw text
        decoded = value
    return " ".join(decoded.split())


def _decode_part(part: Message) -> str:
    """The part's text, trying its declared charset, then UTF-8, then Latin-1."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if payload is None:
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    if not isinstance(payload, bytes):
        return str(payload)
    charset = (part.get_content_charset() or "").strip().lower()
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    # neither declared nor UTF-8: Windows-1252 is the usual truth; the cleaner notes any
    # replacement characters left
    return payload.decode("cp1252", errors="replace")


def _is_attachment(part: Message) -> bool:
    disposition = (part.get("Content-Disposition") or "").lower()
    return "attachment" in disposition or (
        bool(part.get_filename()) and part.get_content_maintype() not in {"text", "multipart"}
    )


def parse_eml(data: bytes) -> EmailMessage:
    """Parse raw RFC 5322 bytes; fills headers, text and html parts, attachments count.

    Never raises: if even the lenient walk fails, the raw bytes become the text.
    """
    try:
        return _parse_eml(data)
    except Exception:
        text = data.decode("utf-8", errors="replace")
        return EmailMessage(message_id="sha1:" + hashlib.sha1(data).hexdigest()[:20], text=text)


def _parse_eml(data: bytes) -> EmailMessage:
    msg: Message = email.message_from_bytes(data, policy=email.policy.default)
    raw = _raw_headers(msg)
    headers = {name.title(): raw[name][:1000] for name in _HEADERS_KEPT if raw.get(name)}
    sender_name, sender_email = parseaddr(raw.get("from", ""))
    recipients: list[str] = []
    try:
        pairs = getaddresses([raw.get("to", ""), raw.get("cc", "")])
        recipients = [addr for _, addr in pairs if addr]
    except Exception:
        recipients = []
    received_at: datetime | None = None
    try:
        date_header = raw.get("date", "")
        received_at = parsedate_to_datetime(date_header) if date_header else None
    except (TypeError, ValueError, IndexError):
        received_at = None

    texts: list[str] = []
    htmls: list[str] = []
    attachments = 0
    parts = msg.walk() if msg.is_multipart() else iter([msg])
    for index, part in enumerate(parts):
        if index > MAX_PARTS:
            break
        if part.is_multipart():
            continue
        if _is_attachment(part):
            attachments += 1
            continue
        content_type = part.get_content_type()
        if content_type == "text/plain":
            texts.append(_decode_part(part))
        elif content_type == "text/html":
            htmls.append(_decode_part(part))
        elif content_type.startswith("text/"):
            texts.append(_decode_part(part))
        elif content_type == "message/delivery-status":
            continue
        else:
            attachments += 1

    message_id = raw.get("message-id", "").strip("<> ") or (
        "sha1:" + hashlib.sha1(data).hexdigest()[:20]
    )
    return EmailMessage(
        message_id=message_id,
        thread_id=_thread_id(raw) or message_id,
        subject=raw.get("subject", ""),
        text="\n\n".join(t for t in texts if t.strip()),
        html="\n".join(htmls) if htmls else None,
        sender_email=sender_email.lower(),
        sender_name=sender_name,
        recipients=recipients,
        received_at=received_at,
        headers=headers,
        attachment_count=attachments,
    )


def _thread_id(raw: dict[str, str]) -> str:
    references = raw.get("references", "").split()
    if references:
        return references[0].strip("<>")
    return raw.get("in-reply-to", "").strip("<> ")


def _identifier(actor: Any) -> tuple[str, str]:
    if not isinstance(actor, dict):
        return "", ""
    ident = actor.get("deliveryIdentifier") or {}
    value = str(ident.get("value") or "") if isinstance(ident, dict) else ""
    return value, str(actor.get("name") or "")


def parse_hubspot_message_json(data: dict[str, Any]) -> EmailMessage:
    """HubSpot Conversations v3 message JSON (type MESSAGE) to an EmailMessage."""
    if not isinstance(data, dict) or not data.get("id"):
        raise ValueError("HubSpot message JSON needs an 'id' field")
    senders = data.get("senders") or []
    sender_email, sender_name = _identifier(senders[0] if senders else None)
    recipients = [_identifier(r)[0] for r in (data.get("recipients") or []) if _identifier(r)[0]]
    created = data.get("createdAt")
    received_at: datetime | None = None
    if isinstance(created, str) and created:
        try:
            received_at = datetime.fromisoformat(created.replace("Z", "+00:00"))
        except ValueError:
            received_at = None
    direction = "OUTGOING" if data.get("direction") == "OUTGOING" else "INCOMING"
    # an outgoing message written by a HubSpot user (actor "A-...") is an agent's
    from_agent = direction == "OUTGOING" and str(data.get("createdBy", "")).startswith("A-")
    return EmailMessage(
        message_id=str(data["id"]),
        thread_id=str(data.get("threadId") or data.get("conversationsThreadId") or ""),
        subject=str(data.get("subject") or ""),
        text=str(data.get("text") or ""),
        html=str(data["richText"]) if data.get("richText") else None,
        sender_email=sender_email.lower(),
        sender_name=sender_name,
        recipients=recipients,
        received_at=received_at,
        direction=direction,
        from_agent=from_agent,
        attachment_count=len(data.get("attachments") or []),
    )
