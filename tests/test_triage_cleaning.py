"""HTML to text, normalisation, quote and signature stripping in several languages."""

from __future__ import annotations

import unicodedata

import pytest

from triage.cleaning import clean_body, html_to_text, normalize_text

REPLIES = {
    "en": (
        "Hi,\n\nwhere is my order?\n\nBest regards,\nJohn Smith\n\n"
        "On Mon, 3 Mar 2025 at 10:00, Nordvik Support <support@nordvikbikes.example> wrote:\n"
        "> Thank you for your order.\n> It ships soon."
    ),
    "sv": (
        "Hej,\n\nvar är min beställning?\n\nMed vänliga hälsningar\nKarin\n\n"
        "Den 3 mars 2025 kl. 10:00 skrev Nordvik Support <support@nordvikbikes.example>:\n"
        "> Tack för din beställning."
    ),
    "de": (
        "Hallo,\n\nwo ist meine Bestellung?\n\nMit freundlichen Grüßen\nHans\n\n"
        "Am Mo., 3. März 2025 um 10:00 Uhr schrieb Nordvik Support <s@nordvikbikes.example>:"
        "\n> Danke für Ihre Bestellung."
    ),
    "fr": (
        "Bonjour,\n\noù est ma commande ?\n\nCordialement,\nMarie\n\n"
        "Le lun. 3 mars 2025 à 10:00, Nordvik Support <s@nordvikbikes.example> a écrit :\n"
        "> Merci pour votre commande."
    ),
    "es": (
        "Hola,\n\n¿dónde está mi pedido?\n\nSaludos,\nJuan\n\n"
        "El lun, 3 mar 2025 a las 10:00, Nordvik Support (<s@nordvikbikes.example>) "
        "escribió:\n> Gracias por su pedido."
    ),
}
QUESTION = {
    "en": "where is my order?",
    "sv": "var är min beställning?",
    "de": "wo ist meine Bestellung?",
    "fr": "où est ma commande ?",
    "es": "¿dónde está mi pedido?",
}
SIGNATURE_NAME = {"en": "John Smith", "sv": "Karin", "de": "Hans", "fr": "Marie", "es": "Juan"}


@pytest.mark.parametrize("lang", sorted(REPLIES))
def test_quote_and_signature_are_split_off_in_each_language(lang):
    cleaned = clean_body(REPLIES[lang], None, "Re: order")
    assert QUESTION[lang] in cleaned.text
    assert SIGNATURE_NAME[lang] not in cleaned.text
    assert SIGNATURE_NAME[lang] in cleaned.signature
    assert ">" not in cleaned.text and "Nordvik Support" not in cleaned.text
    assert "Nordvik Support" in cleaned.quoted  # the quote header starts the quoted context
    assert cleaned.quoted.rstrip().endswith(".")


def test_outlook_header_block_and_original_message_markers():
    outlook = (
        "Please see below.\n\nFrom: Anna <a@b.example>\nSent: Monday\nTo: x\nSubject: hi\n\nold"
    )
    assert clean_body(outlook, None).text == "Please see below."
    for marker in (
        "-----Original Message-----",
        "-----Ursprüngliche Nachricht-----",
        "-----Ursprungligt meddelande-----",
        "-----Message d'origine-----",
        "-----Mensaje original-----",
    ):
        cleaned = clean_body(f"New question here.\n\n{marker}\nold text", None)
        assert cleaned.text == "New question here.", marker
        assert "old text" in cleaned.quoted


def test_bottom_posted_reply_keeps_the_new_lines_below_the_quote():
    text = (
        "On Mon, 3 Mar 2025, Support wrote:\n> Did the bike arrive?\n\n"
        "Yes, but the charger is missing.\n\n-- \nJohn"
    )
    cleaned = clean_body(text, None)
    assert cleaned.text == "Yes, but the charger is missing."
    assert "Did the bike arrive?" in cleaned.quoted


def test_hyphen_lists_are_not_mistaken_for_signatures():
    text = "Hi,\n\nI need:\n- a charger\n- brake pads\n\nThanks"
    assert "- brake pads" in clean_body(text, None).text


def test_forward_without_a_note_uses_the_forwarded_text():
    text = "---------- Forwarded message ---------\nFrom: shop\n\nYour order 123 is delayed."
    cleaned = clean_body(text, None, "Fwd: order 123")
    assert "Your order 123 is delayed." in cleaned.text
    assert any("forward" in note for note in cleaned.notes)


def test_html_keeps_list_items_and_link_urls_and_drops_scripts():
    html = (
        "<html><head><style>p{}</style></head><body><p>Hello <b>there</b></p>"
        "<ul><li>one</li><li>two <a href='https://x.example/a'>link</a></li></ul>"
        "<script>alert(1)</script><!-- hidden --></body></html>"
    )
    text, notes = html_to_text(html)
    assert "- one" in text and "- two link (https://x.example/a)" in text
    assert "alert" not in text and "hidden" not in text and "p{}" not in text
    assert notes == []


def test_html_blockquote_becomes_quoted_context():
    html = "<p>My answer</p><blockquote>Your old question</blockquote>"
    cleaned = clean_body("", html)
    assert cleaned.text == "My answer"
    assert "Your old question" in cleaned.quoted


def test_invalid_html_still_gives_text():
    html = "<div><p>Broken <b>markup <table><tr><td>cell</div></p></unknown><<>>"
    cleaned = clean_body("", html)
    assert "Broken" in cleaned.text and "cell" in cleaned.text


def test_html_in_the_plain_part_is_converted_with_a_note():
    cleaned = clean_body("<html><body><p>Hi there, where is my bike?</p></body></html>", None)
    assert cleaned.text == "Hi there, where is my bike?"
    assert "HTML found in the plain-text part" in cleaned.notes


def test_normalisation_nfc_control_zero_width_and_whitespace():
    decomposed = unicodedata.normalize("NFD", "Hälsningar från Göteborg")
    text, notes = normalize_text(f"  {decomposed}\u200b\x07 \t  end\r\n\r\n\r\n\r\nnext ")
    assert text == "Hälsningar från Göteborg end\n\nnext"
    assert unicodedata.is_normalized("NFC", text)
    assert notes == []


def test_mojibake_from_mixed_encodings_is_repaired_with_a_note():
    broken = "Hej, jag har frÃ¥gor om min cykel och fÃ¶rsÃ¤kringen."
    text, notes = normalize_text(broken)
    assert text == "Hej, jag har frågor om min cykel och försäkringen."
    assert any("mixed encodings" in note for note in notes)


def test_binary_junk_lines_are_removed_with_a_note():
    junk = "".join(chr(c) for c in range(1, 32) if c not in (9, 10, 13)) * 3
    text, notes = normalize_text(f"Real question here?\n{junk}\nend\ufffd")
    assert text == "Real question here?\nend"
    assert any("binary junk removed" in note for note in notes)
    assert any("undecodable bytes" in note for note in notes)


def test_huge_body_is_cleaned_without_error():
    text = ("word " * 40_000) + "\n\nOn Mon, 3 Mar 2025, A wrote:\n> old"
    cleaned = clean_body(text, None)
    assert cleaned.text.startswith("word word")
