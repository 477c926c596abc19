"""A near-tie between the language model's two best guesses is settled by function words."""

from __future__ import annotations

from triage.close_call import CLOSE_MARGIN, function_words, settle_close_call
from triage.language import detect_candidates, detect_language

DERAILLEUR = "The gears on my bicycle skip when I pedal hard. How do I adjust the derailleur?"


def test_a_plain_english_sentence_the_model_calls_french_is_english() -> None:
    candidates = detect_candidates(DERAILLEUR)
    # the model's own near-tie (this is why the rule exists)
    assert candidates[0][0] == "fr" and candidates[0][1] - candidates[1][1] < CLOSE_MARGIN
    assert detect_language(DERAILLEUR).language == "en"


def test_only_close_calls_are_settled_and_only_by_a_clear_majority() -> None:
    text = "Je voudrais savoir comment la livraison est calculée pour mon vélo."
    assert settle_close_call(text, [("en", 0.40), ("fr", 0.35)]) == "fr"
    assert settle_close_call(text, [("en", 0.60), ("fr", 0.35)]) is None  # not close
    assert settle_close_call("Order NB-1234 bicycle", [("en", 0.3), ("fr", 0.3)]) is None
    # Danish and Norwegian share these words: a tie keeps the model's answer
    assert settle_close_call("jeg er med", [("da", 0.4), ("no", 0.38)]) is None
    assert settle_close_call(text, [("fr", 0.4)]) is None  # one candidate: nothing to settle
    # only candidates within the margin of the top one compete
    assert settle_close_call(text, [("en", 0.40), ("es", 0.35), ("fr", 0.20)]) is None
    # the model's choice has no word list: keep it rather than let any rival win
    assert settle_close_call(text, [("ca", 0.40), ("fr", 0.38)]) is None


def test_a_settled_call_keeps_the_models_top_score() -> None:
    # a close call is not an unconfident guess: the confidence stays the model's best
    candidates = detect_candidates(DERAILLEUR)
    guess = detect_language(DERAILLEUR)
    assert guess.language == "en" and guess.confidence == round(candidates[0][1], 3)


def test_every_reply_language_has_function_words() -> None:
    from rag.drafting.phrases import PHRASES

    words = function_words()
    assert set(PHRASES) <= set(words)
    assert all(len(w) >= 10 for w in words.values())
