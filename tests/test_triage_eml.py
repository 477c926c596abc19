"""Parsing .eml files and HubSpot message JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tests.triage_fixtures import DATA_DIR, thread_of, triage_config_fixture  # noqa: F401
from triage.cleaning import clean_body
from triage.eml import parse_eml, parse_hubspot_message_json
from triage.models import SkipReason
from triage.pipeline import triage_email


def test_multipart_html_with_attachment_and_encoded_headers():
    message = parse_eml((DATA_DIR / "customer_html_fr.eml").read_bytes())
    assert message.message_id == "html-fr-1@example.fr"
    assert message.sender_name == "Marie Dupré"
    assert message.subject == "Vélo endommagé"
    assert message.recipients == ["support@nordvikbikes.example"]
    assert message.attachment_count == 1
    assert message.html is not None and "vélo" in message.html.lower()
    assert message.received_at == datetime(2025, 3, 4, 8, 30, tzinfo=UTC)


def test_french_html_email_end_to_end(triage_config):
    message = parse_eml((DATA_DIR / "customer_html_fr.eml").read_bytes())
    result = triage_email(message, thread_of(message), triage_config)
    assert result.should_answer
    assert result.language == "fr"
    assert result.intent == "damaged_item"
    assert "- la roue avant est tordue" in result.cleaned_text
    assert "(https://photos.example.fr/abc)" in result.cleaned_text
    assert "Merci pour votre commande." in result.quoted_context
    assert "+33 6 12 34 56 78" not in result.query_text
    assert result.pii_map["[PHONE_1]"] == "+33 6 12 34 56 78"
    assert "1 attachment(s) not read" in result.notes


def test_swedish_out_of_office_eml(triage_config):
    message = parse_eml((DATA_DIR / "ooo_sv.eml").read_bytes())
    assert message.headers["Auto-Submitted"] == "auto-replied"
    result = triage_email(message, thread_of(message), triage_config)
    assert result.skip_reason == SkipReason.out_of_office
    assert result.language == "sv"


def test_german_bounce_with_delivery_status_part(triage_config):
    message = parse_eml((DATA_DIR / "bounce_de.eml").read_bytes())
    assert "Empfänger unbekannt" in message.text  # quoted-printable latin-1 decoded
    assert "Reporting-MTA" not in message.text
    result = triage_email(message, thread_of(message), triage_config)
    assert result.skip_reason == SkipReason.bounce


@pytest.mark.parametrize("name", ["broken_charset_es.eml", "latin1_declared_utf8_es.eml"])
def test_unknown_or_wrong_charsets_still_decode(name, triage_config):
    message = parse_eml((DATA_DIR / name).read_bytes())
    assert "¿dónde está mi pedido?" in message.text
    result = triage_email(message, thread_of(message), triage_config)
    assert result.language == "es"
    assert result.intent == "delivery"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\x01\x02\xff\xfe binary",
        b"Subject: no body",
        b"Message-ID: <>\nFrom: <<<>>>\nDate: not a date\nSubject: =?bogus?q?x?=\n\nhi",
        b"Content-Type: multipart/mixed; boundary=nope\n\nno parts at all",
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n!!!@@@",
    ],
)
def test_broken_input_never_raises(raw, triage_config):
    message = parse_eml(raw)
    assert message.message_id
    result = triage_email(message, thread_of(message), triage_config)
    assert result.message_id == message.message_id


def test_hubspot_message_json():
    data = json.loads((DATA_DIR / "hubspot_message_de.json").read_text())
    message = parse_hubspot_message_json(data)
    assert message.message_id == "msg-4711"
    assert message.thread_id == "thread-42"
    assert message.sender_email == "hans.mueller@example.de"
    assert message.sender_name == "Hans Müller"
    assert message.recipients == ["support@nordvikbikes.example"]
    assert message.direction == "INCOMING" and not message.from_agent
    assert message.received_at == datetime(2025, 3, 5, 8, 15, tzinfo=UTC)
    assert message.headers == {}
    assert message.html and "<p>" in message.html


def test_hubspot_outgoing_agent_message():
    data = {
        "id": "m2",
        "threadId": "t",
        "direction": "OUTGOING",
        "createdBy": "A-77",
        "text": "Hi!",
        "senders": [],
        "attachments": [{"fileId": "1"}],
    }
    message = parse_hubspot_message_json(data)
    assert message.from_agent and message.direction == "OUTGOING"
    assert message.thread_id == "t" and message.attachment_count == 1


def test_hubspot_json_without_id_is_rejected_with_a_clear_error():
    with pytest.raises(ValueError, match="'id'"):
        parse_hubspot_message_json({"text": "hi"})


def test_html_only_outlook_reply_eml_keeps_only_the_new_text():
    raw = (
        b"From: Kari <kari@example.no>\r\nTo: support@nordvikbikes.example\r\n"
        b"Subject: RE: Your order\r\nMessage-ID: <outlook-1@example.no>\r\n"
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b'\r\n<html><body><p>Please send size M instead.</p><div id=3D"appendonsend"></div>'
        b'<hr><div id=3D"divRplyFwdMsg"><b>From:</b> Nordvik Support<br><b>Sent:</b> Monday'
        b"</div><div>We have shipped size L.</div></body></html>\r\n"
    )
    message = parse_eml(raw)
    assert message.text == "" and message.html
    cleaned = clean_body(message.text, message.html, message.subject)
    assert cleaned.text == "Please send size M instead."
    assert "We have shipped size L." in cleaned.quoted
