import pytest

from bot.scoring.lang import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How do you handle follow-ups today?", "en"),
        ("Comment gérez-vous les relances aujourd'hui ?", "fr"),
        ("vous faites comment", "fr"),
        ("Pourquoi ?", "fr"),
        ("Why?", "en"),
        ("Est-ce que vous utilisez un CRM ?", "fr"),
        ("Do you use a CRM?", "en"),
        ("ok?", "unknown"),
        ("🙂🙂🙂", "unknown"),
        ("", "unknown"),
        ("asdkj qwpoe zxmnv", "unknown"),
        ("Wie viel kostet das und wann brauchen Sie es?", "unknown"),
        ("¿Cómo manejan ustedes los seguimientos con los clientes?", "unknown"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text", ["Wie viele Mitarbeiter haben Sie?", "¿Cómo manejan ustedes los seguimientos?", "ok?"]
)
def test_unknown_language_is_a_statement_with_no_questions(scorer, text):
    result = scorer.score(text)
    assert (result.kind, result.questions) == ("statement", [])
    assert result.lang in ("fr", "en")
    assert any("not recognised" in cue for cue in result.cues)


def test_a_language_given_by_the_caller_is_scored(scorer):
    # The same text as above: too short to recognise, but the caller's language is taken and the
    # message is read (whether a bare "ok?" asks anything is the kind model's call).
    result = scorer.score("ok?", "en")
    assert result.lang == "en"
    assert result.cues and not any("not recognised" in cue for cue in result.cues)


def test_auto_detection_picks_the_rules_per_message(scorer):
    french, english = scorer.score_many(["Avez-vous un CRM ?", "Do you have a CRM?"])
    assert (french.lang, english.lang) == ("fr", "en")
    assert "Avez-vous" in french.questions[0].cues[0]
