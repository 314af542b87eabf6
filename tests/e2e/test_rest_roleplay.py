"""A trainee talking REST to the real Rasa server and action server."""

from __future__ import annotations

import json

import pytest
import requests

from bot.cli import main as curieux
from bot.report import build_scorecard
from tests.trainees import CURIOUS, HURRIED

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_hurried_trainee_loses_trust_and_the_quote_is_premature(server, store, lang):
    sender, replies = server.conversation(HURRIED[lang] + ["/end_session"])
    assert all(replies), "every message gets an answer"
    card = build_scorecard(store, sender)
    assert card["language"] == lang
    assert card["trust"]["end"] < card["trust"]["start"]
    assert not any(n["uncovered"] for n in card["needs"] if n["kind"] == "latent")
    assert card["offer"]["made"] and card["offer"]["premature"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_curious_trainee_earns_trust_and_uncovers_a_latent_need(server, store, lang):
    sender, replies = server.conversation(CURIOUS[lang])
    card = build_scorecard(store, sender)
    assert card["language"] == lang
    assert card["trust"]["end"] > card["trust"]["start"]
    assert any(n["uncovered"] for n in card["needs"] if n["kind"] == "latent")
    assert card["ended_at"] is not None, "the goodbye ended the session"
    assert any(text.startswith("📋") for text in replies[-1]), "the scorecard was sent"


def test_prospect_answers_in_the_trainee_language_with_coaching(server):
    sender, replies = server.conversation(
        ["Bonjour, comment allez-vous ?", "Comment est organisée votre équipe ?"]
    )
    assert any("Coach :" in text for text in replies[1])
    assert not any("Coach:" in text for text in replies[1])


def test_persona_is_chosen_by_intent_and_unknown_ids_are_listed(server, store):
    sender, replies = server.conversation(["Hello!"], persona="marc-logistics")
    assert store.latest_session(sender).persona_id == "marc-logistics"
    unknown = server.send(sender, '/start_roleplay{"persona": "nobody-here"}')
    assert "nobody-here" in unknown[0] and "claire-dental" in unknown[0]


def test_report_cli_prints_the_json_scorecard(server, monkeypatch, capsys):
    sender, _ = server.conversation(HURRIED["en"][:3])
    monkeypatch.setenv("CURIEUX_DATABASE_URL", server.db_url)
    assert curieux(["report", sender, "--format", "json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["conversation_id"] == sender and card["turns"] == 3
    assert curieux(["report", "no-such-conversation"]) == 2


BAD_INPUTS = [
    "",
    "   ",
    "x" * 20_000,
    "🙂🙂🙂",
    "hello\x00\x07\x1b[31m there",
    "Guten Tag, wie viele Mitarbeiter haben Sie in Ihrem Unternehmen?",
]


def test_bad_input_gets_a_clear_answer_and_every_turn_is_logged(server, store):
    sender, replies = server.conversation(["Hello, how do you run your week?", *BAD_INPUTS])
    assert all(replies), f"silence for some input: {replies}"
    german = replies[-1][0]
    assert "English or French" in german
    trainee_turns = [
        t.text for t in store.turns(store.latest_session(sender).id) if t.speaker == "trainee"
    ]
    # Rasa strips surrounding white space before anything else sees the text.
    assert trainee_turns[1:] == [text.strip() for text in BAD_INPUTS]


def test_action_server_down_gets_a_clear_answer_and_the_turn_is_kept(server, store):
    sender, _ = server.conversation(["Bonjour, comment se passe votre semaine ?"])
    server.stack.stop("actions")
    try:
        reply = server.send(sender, "Et votre équipe, comment est-elle organisée ?")
    finally:
        server.restart_actions()
    assert "indisponible" in reply[0]
    texts = [t.text for t in store.turns(store.latest_session(sender).id)]
    assert "Et votre équipe, comment est-elle organisée ?" in texts


def test_malformed_request_gets_a_400_with_a_reason(server):
    answer = requests.post(server.webhook, data=b"\xff\xfe not json", timeout=10)
    assert answer.status_code == 400 and "sender" in answer.json()["error"]
    answer = requests.post(server.webhook, json={"sender": "x", "message": 42}, timeout=10)
    assert answer.status_code == 400
