"""PII redaction and restoration."""

from __future__ import annotations

from triage.pii import iban_ok, luhn_ok, redact, restore

TEXT = (
    "Mail anna.svensson@example.se or call +46 70 123 45 67 / 070-123 45 67. "
    "Card 4111 1111 1111 1111 (not 4111 1111 1111 1112). IBAN SE45 5000 0000 0583 9825 7466, "
    "not SE45 5000 0000 0583 9825 7467. Personnummer 19811218-9876. Order 12345678 of "
    "2025-03-01. Again anna.svensson@example.se"
)


def test_redact_replaces_each_kind_with_numbered_placeholders():
    redacted = redact(TEXT)
    assert "anna.svensson" not in redacted.text
    assert redacted.text.count("[EMAIL_1]") == 2  # same value, same placeholder
    assert redacted.mapping["[PHONE_1]"] == "+46 70 123 45 67"
    assert redacted.mapping["[PHONE_2]"] == "070-123 45 67"
    assert redacted.mapping["[CARD_1]"] == "4111 1111 1111 1111"
    assert redacted.mapping["[IBAN_1]"] == "SE45 5000 0000 0583 9825 7466"
    assert redacted.mapping["[PERSONNUMMER_1]"] == "19811218-9876"


def test_invalid_checksums_order_numbers_and_dates_stay():
    redacted = redact(TEXT)
    assert "4111 1111 1111 1112" in redacted.text  # fails Luhn
    assert "SE45 5000 0000 0583 9825 7467" in redacted.text  # fails mod 97
    assert "Order 12345678" in redacted.text
    assert "2025-03-01" in redacted.text


def test_restore_round_trips_and_handles_many_placeholders():
    redacted = redact(TEXT)
    assert restore(redacted.text, redacted.mapping) == TEXT
    many = " ".join(f"user{i}@example.com" for i in range(12))
    again = redact(many)
    assert "[EMAIL_12]" in again.text and "[EMAIL_1]" in again.text
    assert restore(again.text, again.mapping) == many


def test_restore_in_a_model_answer():
    redacted = redact("Write to me at kim@example.de")
    answer = "We will reply to [EMAIL_1] today."
    assert restore(answer, redacted.mapping) == "We will reply to kim@example.de today."


def test_checksum_helpers():
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert iban_ok("DE89 3704 0044 0532 0130 00") and not iban_ok("DE89 3704 0044 0532 0130 01")
    assert not iban_ok("XX00")


def test_no_pii_means_no_mapping():
    redacted = redact("My bike has a flat tyre, order 100234.")
    assert redacted.mapping == {}
    assert redacted.text == "My bike has a flat tyre, order 100234."
