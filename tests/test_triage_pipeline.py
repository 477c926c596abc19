"""triage_email end to end on hand-made emails: bad input, truncation, PII, priority."""

from __future__ import annotations

import pytest

from tests.triage_fixtures import make_message, thread_of, triage_config_fixture  # noqa: F401
from triage.models import Classification, SkipReason, TriageConfig
from triage.pipeline import triage_email
from triage.taxonomy import Taxonomy


def test_a_normal_swedish_question(triage_config):
    message = make_message(
        "Hej,\n\nmin cykel har inte kommit än. Var är min beställning 100234? Ring 070-123 45 67."
        "\n\nMed vänliga hälsningar\nKarin Lund\n\nDen 3 mars 2025 skrev Nordvik Support "
        "<support@nordvikbikes.example>:\n> Tack för din beställning!",
        "Leverans",
    )
    result = triage_email(message, thread_of(message), triage_config)
    assert result.should_answer and result.skip_reason is None
    assert (result.language, result.language_source) == ("sv", "message")
    assert result.intent == "delivery"
    assert result.classifier == "offline"
    assert "Karin Lund" not in result.cleaned_text
    assert "Tack för din beställning!" in result.quoted_context
    assert "[PHONE_1]" in result.query_text and "070-123 45 67" not in result.query_text
    assert "100234" in result.query_text  # order numbers stay for the drafter
    assert "Karin" not in result.summary and "070" not in result.summary
    assert 0.0 < result.confidence <= 1.0


def test_pii_redaction_can_be_turned_off(triage_config):
    config = triage_config.model_copy(update={"pii_redaction": False})
    message = make_message("Write to me at kim@example.de about my order, it never arrived.")
    result = triage_email(message, thread_of(message), config)
    assert "kim@example.de" in result.query_text
    assert result.pii_map == {}


def test_huge_email_is_truncated_keeping_start_and_end(triage_config):
    body = "My order never arrived. " + "Lorem ipsum dolor sit amet. " * 5000 + "Please call me."
    message = make_message(body)
    result = triage_email(message, thread_of(message), triage_config)
    assert result.truncated
    assert result.token_count <= triage_config.max_email_tokens
    assert result.query_text.startswith("My order never arrived.")
    assert result.query_text.endswith("Please call me.")
    assert any("cut to 2000 tokens" in note for note in result.notes)
    assert result.cleaned_text.endswith("Please call me.")  # cleaned text is kept whole


@pytest.mark.parametrize(
    ("text", "html", "expected_reason"),
    [
        ("", None, SkipReason.empty),
        ("   \n\n\t ", None, SkipReason.empty),
        ("", "<html><body><p></p><script>x()</script></body></html>", SkipReason.empty),
        ("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11", None, SkipReason.empty),
    ],
)
def test_bad_input_gives_a_reason_not_an_exception(triage_config, text, html, expected_reason):
    message = make_message(text, html=html)
    result = triage_email(message, thread_of(message), triage_config)
    assert not result.should_answer
    assert result.skip_reason == expected_reason


def test_binary_junk_around_a_question_is_removed_with_a_note(triage_config):
    junk = "\x00\x01\x02\x03\x04\x05\x06\x07\x08" * 20
    message = make_message(f"{junk}\nWhere is my order? It has not arrived.\n{junk}")
    result = triage_email(message, thread_of(message), triage_config)
    assert result.should_answer
    assert result.cleaned_text == "Where is my order? It has not arrived."
    assert any("binary junk removed" in note for note in result.notes)


PRIORITY = [
    ("My battery started smoking while charging!", "urgent", "safety"),
    ("Der Akku hat Feuer gefangen, mein Sohn wurde verletzt.", "urgent", "safety"),
    ("I will contact my lawyer and file a chargeback.", "high", "legal_threat"),
    ("Det är brådskande, jag behöver cykeln till måndag.", "high", "urgent_wording"),
    ("Toujours pas de réponse à mon courriel sur ma commande.", "high", "repeat_follow_up"),
    ("Es urgente, mi abogado ya está informado.", "urgent", "legal_threat"),
]


@pytest.mark.parametrize(("text", "priority", "signal"), PRIORITY)
def test_priority_signals(triage_config, text, priority, signal):
    message = make_message(text)
    result = triage_email(message, thread_of(message), triage_config)
    assert result.priority == priority
    assert signal in result.priority_signals


def test_repeat_follow_up_counts_unanswered_customer_emails(triage_config):
    first = make_message("Where is my order? It has not arrived.", message_id="c1")
    second = make_message("Hello? Any news about my delivery?", message_id="c2")
    result = triage_email(second, thread_of(first, second), triage_config)
    assert "repeat_follow_up" in result.priority_signals
    assert result.priority == "high"


def test_custom_taxonomy_is_used(triage_config):
    taxonomy = Taxonomy.model_validate(
        {
            "categories": [
                {"name": "pizza", "description": "food", "keywords": ["pizza", "pepperoni"]},
                {"name": "other", "description": "else"},
            ]
        }
    )
    config = TriageConfig(taxonomy=taxonomy)
    message = make_message("I want a pepperoni pizza please, a large pizza.")
    result = triage_email(message, thread_of(message), config)
    assert result.intent == "pizza"


class _BrokenClassifier:
    def classify(self, text, subject, language, taxonomy) -> Classification:
        raise TimeoutError("model did not answer")


class _CountingClassifier:
    calls = 0

    def classify(self, text, subject, language, taxonomy) -> Classification:
        self.calls += 1
        return Classification(intent="warranty", intent_confidence=0.9, summary="s")


def test_classifier_failure_falls_back_to_offline_with_a_note(triage_config):
    message = make_message("The motor stopped working, is it covered by the warranty?")
    result = triage_email(message, thread_of(message), triage_config, _BrokenClassifier())
    assert result.classifier == "offline"
    assert result.intent == "warranty"
    # the note names the kind and the exception's type (core.llm.failures), never the email
    assert any(
        note.startswith("classifier failed (unexpected") and "TimeoutError" in note
        for note in result.notes
    )


def test_no_paid_classifier_call_for_an_email_that_is_skipped(triage_config):
    classifier = _CountingClassifier()
    skipped = make_message("Where is my order?", sender="noreply@shop.example")
    triage_email(skipped, thread_of(skipped), triage_config, classifier)
    assert classifier.calls == 0
    answered = make_message("The motor stopped working after a month.")
    result = triage_email(answered, thread_of(answered), triage_config, classifier)
    assert classifier.calls == 1
    assert (result.classifier, result.intent) == ("llm", "warranty")


def test_config_from_settings_reads_the_triage_fields(tmp_path):
    from core.settings import Settings

    taxonomy_file = tmp_path / "tax.json"
    taxonomy_file.write_text('{"categories": [{"name": "other", "description": "x"}]}')
    settings = Settings(
        hubspot_access_token="x",
        team_addresses="a@b.example, @c.example",
        max_email_tokens=900,
        pii_redaction=False,
        triage_taxonomy_file=taxonomy_file,
    )
    config = TriageConfig.from_settings(settings)
    assert config.team_addresses == ["a@b.example", "@c.example"]
    assert (config.max_email_tokens, config.pii_redaction) == (900, False)
    assert config.taxonomy.names == ["other"]
    default = TriageConfig.from_settings(Settings(hubspot_access_token="x"))
    assert "delivery" in default.taxonomy.names


def test_bad_taxonomy_file_names_the_file(tmp_path):
    from triage.taxonomy import TaxonomyError, load_taxonomy

    bad = tmp_path / "bad.json"
    bad.write_text('{"categories": [{"name": "delivery", "description": "x"}]}')
    with pytest.raises(TaxonomyError, match=r"(?s)bad\.json.*'other'"):
        load_taxonomy(bad)
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(tmp_path / "missing.json")


@pytest.mark.parametrize(
    "text",
    ["Thanks a lot, the bike is great!", "Tack så mycket, cykeln är super!", "Merci beaucoup !"],
)
def test_a_short_thank_you_is_low_priority(triage_config, text):
    message = make_message(text)
    result = triage_email(message, thread_of(message), triage_config)
    assert result.should_answer
    assert result.priority == "low"


def test_a_thank_you_with_a_question_is_not_low(triage_config):
    message = make_message("Thanks! When will the spare charger be delivered?")
    result = triage_email(message, thread_of(message), triage_config)
    assert result.priority == "normal"


def test_an_internal_error_still_gives_a_result_and_logs_no_body(triage_config, caplog):
    message = make_message("SECRET-BODY-TEXT where is my order")
    # corrupt input that validation would have refused: a header value that is no string
    message.headers = {"Auto-Submitted": object()}  # type: ignore[dict-item]
    result = triage_email(message, thread_of(message), triage_config)
    assert result.should_answer and result.confidence == 0.0
    assert result.notes and result.notes[0].startswith("triage error: AttributeError")
    assert "SECRET-BODY-TEXT" not in caplog.text
    assert "triage failed for message m1: AttributeError" in caplog.text
