"""The role-play service with the real scorer, the real personas and a real SQLite store:
the seed's lesson must hold for every persona in both languages."""

from __future__ import annotations

import uuid

import pytest

from bot.personas.loader import load_personas
from bot.report import build_scorecard
from bot.roleplay import Roleplay
from bot.simulation.settings import messages
from bot.store import SessionStore
from tests.trainees import CURIOUS, HURRIED

PERSONAS = sorted(load_personas())


@pytest.fixture(scope="module")
def roleplay(tmp_path_factory) -> Roleplay:
    return Roleplay(SessionStore(f"sqlite:///{tmp_path_factory.mktemp('db') / 'curieux.db'}"))


def play(roleplay: Roleplay, persona: str, lines: list[str]) -> tuple[dict, list[str]]:
    sender = f"test-{uuid.uuid4().hex[:8]}"
    said = roleplay.start(sender, channel="test", persona_id=persona).messages
    for line in lines:
        said += roleplay.handle(sender, line, channel="test").messages
    said += roleplay.end(sender, "/end_session", channel="test", reason="end_session").messages
    return build_scorecard(roleplay.store, sender), said


def latent_uncovered(card: dict) -> int:
    return sum(1 for need in card["needs"] if need["kind"] == "latent" and need["uncovered"])


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_curious_beats_hurried_for_every_persona(roleplay, persona, lang):
    curious, curious_said = play(roleplay, persona, CURIOUS[lang][:-1])
    hurried, _ = play(roleplay, persona, HURRIED[lang])
    assert curious["language"] == hurried["language"] == lang
    assert curious["trust"]["end"] > hurried["trust"]["end"]
    assert curious["trust"]["end"] > curious["trust"]["start"]
    assert hurried["trust"]["end"] < hurried["trust"]["start"]
    assert latent_uncovered(curious) >= 1, curious_said
    assert latent_uncovered(hurried) == 0
    assert hurried["offer"]["premature"] or hurried["ended_at"] is not None


@pytest.mark.parametrize("persona", PERSONAS)
def test_prospect_never_repeats_a_sentence_in_a_session(roleplay, persona):
    lines = ["Is that right?", "Do you agree?", "Is it going well?", "Are you sure?"] * 5
    sender = f"test-{uuid.uuid4().hex[:8]}"
    roleplay.start(sender, channel="test", persona_id=persona)
    for line in lines:
        roleplay.handle(sender, line, channel="test")
    session = roleplay.store.latest_session(sender)
    prospect = [t.text for t in roleplay.store.turns(session.id) if t.speaker == "prospect"]
    assert len(prospect) == len(set(prospect))


def test_first_real_message_sets_the_language(roleplay):
    sender = f"test-{uuid.uuid4().hex[:8]}"
    first = roleplay.handle(sender, "🙂", channel="test")
    assert first.language is None
    assert messages("fr")["empty"] in first.messages[0]
    assert messages("en")["empty"] in first.messages[0]
    second = roleplay.handle(sender, "Bonjour, comment allez-vous ?", channel="test")
    assert second.language == "fr"
    session = roleplay.store.latest_session(sender)
    assert [t.text for t in roleplay.store.turns(session.id) if t.speaker == "trainee"] == [
        "🙂",
        "Bonjour, comment allez-vous ?",
    ]


def test_coaching_can_be_switched_off(roleplay):
    sender = f"test-{uuid.uuid4().hex[:8]}"
    on = roleplay.handle(sender, "Hello, how is your week going?", channel="test")
    assert any("Coach:" in text for text in on.messages)
    roleplay.handle(sender, "coaching off", channel="test")
    off = roleplay.handle(sender, "What is hardest for you right now?", channel="test")
    assert not any("Coach" in text for text in off.messages)


@pytest.mark.parametrize("text", ["x" * 20_000, "Goodbye? What do you mean, how does that work?"])
def test_a_mistaken_goodbye_does_not_end_the_session(roleplay, text):
    sender = f"test-{uuid.uuid4().hex[:8]}"
    roleplay.handle(sender, "Hello, how is your week going?", channel="test")
    roleplay.end(sender, text, channel="test", reason="goodbye")
    assert roleplay.store.active_session(sender) is not None
    ended = roleplay.end(sender, "Bye, thanks!", channel="test", reason="goodbye")
    assert roleplay.store.active_session(sender) is None
    assert any(message.startswith("📋") for message in ended.messages)


def test_needs_are_worded_in_the_language_the_trainee_chose(roleplay):
    sender = f"test-{uuid.uuid4().hex[:8]}"
    roleplay.start(sender, channel="test", persona_id="marc-logistics")
    roleplay.handle(sender, "Hello Marc, how are your rounds organised?", channel="test")
    card = build_scorecard(roleplay.store, sender, personas=load_personas())
    persona = load_personas()["marc-logistics"]
    assert [need["summary"] for need in card["needs"]] == [n.summary.en for n in persona.needs]


def test_an_undelivered_message_is_kept_and_answered_in_its_language(roleplay):
    sender = f"test-{uuid.uuid4().hex[:8]}"
    notice = roleplay.record_undelivered(sender, "Bonjour, comment allez-vous ?", channel="test")
    assert notice == messages("fr")["unavailable"]
    session = roleplay.store.latest_session(sender)
    assert [t.text for t in roleplay.store.turns(session.id)] == [
        "Bonjour, comment allez-vous ?",
        notice,
    ]
