"""Needs-a-person rules from the taxonomy file, and the Scandinavian language fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triage.classifier import keyword_pattern
from triage.nordic import refine_nordic
from triage.routing import cue_pattern, needs_person, sentences
from triage.taxonomy import TaxonomyError, default_taxonomy, load_taxonomy


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("I have contacted my lawyer about the brakes.", "legal_threat"),
        ("Ich werde rechtliche Schritte einleiten.", "legal_threat"),
        ("Je vais porter plainte contre vous.", "legal_threat"),
        ("I was injured when the battery caught fire.", "injury_safety"),
        ("Tuve un accidente y estoy en el hospital.", "injury_safety"),
        ("Ik ben gewond geraakt, ik lag in het ziekenhuis.", "injury_safety"),
        ("I am a journalist writing an article about e-bikes.", "press"),
        ("Sarebbe disponibile per un'intervista?", "press"),
        ("We would like to become a reseller in Denmark.", "partnership"),
        ("Vi vil gerne blive forhandler af jeres cykler.", "partnership"),
        ("Jeg vil gerne søge et job, min ansøgning er vedhæftet.", "job_application"),
        ("Lähetän työhakemus asentajan paikkaan.", "job_application"),
        ("I want to speak to a manager now.", "manager_request"),
        ("Chcę rozmawiać z kierownikiem.", "manager_request"),
        ("Chiedo di essere contattata da un responsabile.", "manager_request"),
        ("Quero falar com o responsável pela loja.", "manager_request"),
        ("Please escalate this to your supervisor.", "manager_request"),
        ("Proszę o usunięcie moich danych osobowych.", "privacy_request"),
        ("Teilen Sie mir mit, welche Daten Sie über mich gespeichert haben.", "privacy_request"),
        ("Jag vill att ni raderar mina personuppgifter.", "privacy_request"),
        ("Je retire mon consentement au traitement de mes données.", "privacy_request"),
        ("Solicito el acceso a mis datos personales según el RGPD.", "privacy_request"),
        ("I want to exercise my right to be forgotten.", "privacy_request"),
        ("I can see another customer's invoices in my account.", "security_incident"),
        ("Mein Konto wurde gehackt.", "security_incident"),
        ("Någon har loggat in på mitt konto och ändrat adressen.", "security_incident"),
        ("Ktoś zalogował się na moje konto.", "security_incident"),
        ("J'ai reçu un faux mail à votre nom.", "security_incident"),
        ("Alguien ha entrado en mi cuenta.", "security_incident"),
        ("Jag skickar en spontanansökan som ekonomiassistent.", "job_application"),
        ("Hiermit sende ich Ihnen meine Initiativbewerbung.", "job_application"),
        ("Je vous adresse ma candidature spontanée.", "job_application"),
        ("I would like to work for you, my CV is attached.", "job_application"),
    ],
)
def test_each_kind_of_email_that_needs_a_person_is_recognised(text: str, rule: str) -> None:
    route = needs_person(text, "", default_taxonomy())
    assert route is not None and route.name == rule
    assert route.reason and route.priority in ("urgent", "high", "normal", "low")


@pytest.mark.parametrize(
    "text",
    [
        "How long does delivery to Germany take?",
        "I accidentally ordered the wrong size, can I change it?",
        "Thank you for your courtesy, is the first service free?",
        "Le vélo est arrivé endommagé, que dois-je faire ?",
        "Which brand of tyres fits my bike?",
        "Non sono responsabile del ritardo del corriere, vero?",
        "The store manager in Malmö was very helpful.",
        "We are hiring project managers, can we add users to our plan?",
        "How do I delete an invoice draft?",
        "How can I export my data to a spreadsheet?",
        "How long do you keep my data after I close my account?",
        "I forgot my password and cannot log in to my account.",
        "My bike was stolen and I have a police report, does the insurance cover it?",
        "Where is the police station nearest to your shop?",
        "Kan ni ta bort min gamla adress från kontot?",
        "Mein Chef möchte wissen, ob Sie Firmenrechnungen ausstellen.",
        "Do you have any vacancies for two nights in July?",
        "I'm applying for a building permit, which documents do I need?",
        "Is your payment page protected against fraud?",
    ],
)
def test_ordinary_questions_are_not_routed(text: str) -> None:
    assert needs_person(text, "", default_taxonomy()) is None


def test_a_team_changes_the_rules_in_its_taxonomy_file(tmp_path: Path) -> None:
    data = json.loads(default_taxonomy().model_dump_json())
    data["needs_person"] = [
        {"name": "vip", "reason": "VIP customer", "priority": "urgent", "keywords": ["vip"]}
    ]
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    taxonomy = load_taxonomy(path)
    route = needs_person("I am a VIP member.", "", taxonomy)
    assert route is not None and (route.name, route.priority) == ("vip", "urgent")
    assert needs_person("I have contacted my lawyer.", "", taxonomy) is None


def _one_rule(tmp_path: Path, rule: dict[str, object]) -> Path:
    data = json.loads(default_taxonomy().model_dump_json())
    data["needs_person"] = [{"name": "erasure", "reason": "erasure", **rule}]
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_all_of_needs_every_group_in_one_sentence_and_the_subject_counts_for_each(
    tmp_path: Path,
) -> None:
    taxonomy = load_taxonomy(
        _one_rule(
            tmp_path,
            {
                "groups": {"law": ["gdpr"], "verb": ["delete", "erase"]},
                "all_of": [["law", "verb"]],
            },
        )
    )
    route = needs_person("Under the GDPR, please delete everything.", "", taxonomy)
    assert route is not None and route.matched == ("delete", "gdpr")
    assert needs_person("I read about the GDPR. How do I delete a draft?", "", taxonomy) is None
    assert needs_person("Please erase my account.", "GDPR request", taxonomy) is not None
    assert needs_person("Please erase my account.", "", taxonomy) is None


def test_an_unless_cue_takes_only_its_own_sentence_out(tmp_path: Path) -> None:
    taxonomy = load_taxonomy(
        _one_rule(tmp_path, {"keywords": ["a manager"], "unless": ["project manager"]})
    )
    assert needs_person("Our project manager wants a manager to call.", "", taxonomy) is None
    text = "Our project manager asked me to write. I want a manager to call me."
    assert needs_person(text, "", taxonomy) is not None


def test_phrases_match_across_the_mail_clients_line_wrapping(tmp_path: Path) -> None:
    taxonomy = load_taxonomy(_one_rule(tmp_path, {"keywords": ["speak to a manager"]}))
    route = needs_person("Please, I want to speak to a\nmanager today.", "", taxonomy)
    assert route is not None and route.matched == ("speak to a manager",)


def test_the_cue_trie_finds_what_the_classifiers_keyword_alternation_finds() -> None:
    texts = [
        "please delete my personal data and all data you hold about me.",
        "i want to speak to a manager. the data manager app: data, datas, database.",
        "mitt konto har kapats och någon har ändrat mitt lösenord, jag ser en annan kunds data",
        "bitte löschen sie alle meine daten gemäß art. 15 dsgvo; art 150 ist etwas anderes",
        "cv, cvs, my cv is attached; mon cv ci-joint; hackathon; someone else's invoice",
        "kontoen min, logged into, datalekkasje, begäran, bitten sie, retirer, fremden",
    ]
    rules = default_taxonomy().needs_person
    cue_lists = [r.keywords for r in rules] + [c for r in rules for c in r.groups.values()]
    for cues in cue_lists:
        trie, alternation = cue_pattern(cues), keyword_pattern(cues)
        assert trie is not None and alternation is not None
        for text in texts:
            expected = [(m.start(), m.group(0)) for m in alternation.finditer(text)]
            assert [(m.start(), m.group(0)) for m in trie.finditer(text)] == expected


def test_sentences_end_at_a_full_stop_before_a_capital_not_at_an_abbreviation() -> None:
    text = "Gemäß Art. 15 DSGVO bitte ich um Auskunft. Danke!\n\nZweiter Absatz"
    assert sentences(text) == [
        "gemäß art. 15 dsgvo bitte ich um auskunft.",
        "danke!",
        "zweiter absatz",
    ]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({}, "needs keywords or all_of"),
        ({"groups": {"a": ["x"]}, "all_of": [["a", "b"]]}, "unknown groups"),
        ({"keywords": ["x"], "groups": {"a": ["x"]}}, "not used in all_of"),
        ({"groups": {"a": ["x"], "b": [" "]}, "all_of": [["a", "b"]]}, "is empty"),
    ],
)
def test_a_rule_that_cannot_match_as_written_is_refused_with_the_file_named(
    tmp_path: Path, rule: dict[str, object], message: str
) -> None:
    path = _one_rule(tmp_path, rule)
    with pytest.raises(TaxonomyError, match=message) as caught:
        load_taxonomy(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "detected", "expected"),
    [
        ("Hei! Har dere studentrabatt? Hilsen Emma", "sv", "no"),
        ("Cyklen kom i går med en bøjet pedalarm. Hvad skal jeg gøre?", "no", "da"),
        ("Jag vill boka service för min cykel. Hur gör jag?", "da", "sv"),
        ("Wie lange dauert die Lieferung?", "de", "de"),
    ],
)
def test_scandinavian_languages_are_told_apart_by_their_words(
    text: str, detected: str, expected: str
) -> None:
    assert refine_nordic(text, detected) == expected
