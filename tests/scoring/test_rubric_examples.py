"""The rubric's own examples (shared RUBRIC.md), through the scorer trainees actually get:
rules plus the learned model. The per-cue tests check the rules alone."""

import pytest

from bot.scoring.corpus import load_split


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


QUESTIONS = [
    # (text, form, focus, spin)
    ("How do you handle follow-ups today?", "open", "curious", "situation"),
    ("Could you walk me through your process?", "open", "curious", "situation"),
    ("Pouvez-vous me raconter comment ça se passe ?", "open", "curious", "situation"),
    ("Est-ce que vous pourriez me décrire votre organisation ?", "open", "curious", "situation"),
    ("How many people are on the team?", "closed", "curious", "situation"),
    ("What is hardest for you right now?", "open", "curious", "problem"),
    ("How does that affect the rest of the company?", "open", "curious", "implication"),
    ("What would it change for you if that were solved?", "open", "curious", "need_payoff"),
    ("Vous avez un budget ?", "closed", "opportunistic", "none"),
    ("Have you had time to read our proposal?", "closed", "opportunistic", "none"),
    (
        "Avez-vous eu le temps de prendre connaissance de notre proposition ?",
        "closed",
        "opportunistic",
        "none",
    ),
    ("Did you know our tool automates reminders?", "closed", "opportunistic", "none"),
    ("What would it take for you to sign this month?", "open", "opportunistic", "none"),
    ("Is your team growing?", "closed", "curious", "situation"),
]


@pytest.mark.parametrize(("text", "form", "focus", "spin"), QUESTIONS)
def test_rubric_questions(scorer, text, form, focus, spin):
    result = scorer.score(text)
    assert result.kind == "question"
    [question] = result.questions
    assert (question.form, question.focus, question.spin) == (form, focus, spin)


RUBRIC_KINDS = [
    ("So your team spends Mondays chasing invoices.", "reflection"),
    ("Si je vous comprends bien, vous manquez de temps.", "reflection"),
    ("Our platform cuts admin time by 40%.", "pitch"),
    ("Thanks for making the time today.", "greeting"),
]


@pytest.mark.parametrize(("text", "kind"), RUBRIC_KINDS)
def test_rubric_message_kinds(scorer, text, kind):
    result = scorer.score(text)
    assert result.kind == kind and result.questions == []


def test_rubric_examples_are_not_training_messages():
    """The checks above measure generalisation only if the model never saw these texts."""
    rubric = {text for text, *_ in QUESTIONS}
    rubric |= {text for text, _ in RUBRIC_KINDS}
    training = {normalise(m.text) for lang in ("fr", "en") for m in load_split(lang, "train")}
    assert not {normalise(text) for text in rubric} & training
