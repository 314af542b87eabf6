"""The custom actions as the action server runs them: through rasa_sdk's ActionExecutor, with
the real scorer, personas and a SQLite session store."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from rasa_sdk.executor import ActionExecutor

from bot.store import SessionStore


@pytest.fixture(scope="module")
def executor() -> ActionExecutor:
    executor = ActionExecutor()
    executor.register_package("actions")
    return executor


@pytest.fixture
def db_url(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'curieux.db'}"
    monkeypatch.setenv("CURIEUX_DATABASE_URL", url)
    return url


def call(executor, action: str, sender: str, text: str, intent: str, entities=()) -> dict:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.97},
        "entities": [{"entity": name, "value": value} for name, value in entities],
    }
    tracker = {
        "sender_id": sender,
        "slots": {},
        "latest_message": latest,
        "events": [{"event": "user", "text": text, "input_channel": "rest", "parse_data": latest}],
        "paused": False,
        "latest_action_name": "action_listen",
    }
    action_call = {
        "next_action": action,
        "sender_id": sender,
        "tracker": tracker,
        "domain": {},
        "version": "3.6.2",
    }
    return asyncio.run(executor.run(action_call))


def texts(response: dict) -> list[str]:
    return [message["text"] for message in response["responses"]]


def slots(response: dict) -> dict:
    return {e["name"]: e["value"] for e in response["events"] if e["event"] == "slot"}


def test_start_roleplay_picks_the_persona_and_ends_nothing(executor, db_url):
    sender = f"a-{uuid.uuid4().hex[:6]}"
    response = call(
        executor,
        "action_start_roleplay",
        sender,
        '/start_roleplay{"persona": "marc-logistics"}',
        "start_roleplay",
        [("persona", "marc-logistics")],
    )
    assert "Marc" in texts(response)[0]
    session = SessionStore(db_url).latest_session(sender)
    assert session.persona_id == "marc-logistics" and session.channel == "rest"
    assert slots(response)["session_id"] == session.id


def test_free_text_read_as_start_roleplay_is_a_turn_of_the_session_under_way(executor, db_url):
    """NLU may read a trainee's question as start_roleplay: only the command restarts."""
    sender = f"a-{uuid.uuid4().hex[:6]}"
    call(executor, "action_start_roleplay", sender, "/start_roleplay", "start_roleplay")
    started = SessionStore(db_url).latest_session(sender)
    question = "Hello Claire, how is a typical day at the practice?"
    response = call(executor, "action_start_roleplay", sender, question, "start_roleplay")
    assert any(text.startswith("💡 Coach:") for text in texts(response))
    store = SessionStore(db_url)
    assert store.latest_session(sender).id == started.id
    assert [t.text for t in store.turns(started.id) if t.speaker == "trainee"] == [question]


def test_unknown_persona_lists_the_valid_ids(executor, db_url):
    response = call(
        executor,
        "action_start_roleplay",
        "a-unknown",
        "/start_roleplay",
        "start_roleplay",
        [("persona", "nobody")],
    )
    assert "nobody" in texts(response)[0] and "claire-dental" in texts(response)[0]


def test_prospect_reply_scores_logs_and_sets_slots(executor, db_url):
    sender = f"a-{uuid.uuid4().hex[:6]}"
    response = call(
        executor,
        "action_prospect_reply",
        sender,
        "Could you walk me through how your week usually goes?",
        "ask_situation",
    )
    said = texts(response)
    assert any(text.startswith("💡 Coach:") for text in said)
    assert slots(response)["language"] == "en" and slots(response)["trust"] > 0
    store = SessionStore(db_url)
    trainee = [t for t in store.turns(store.latest_session(sender).id) if t.speaker == "trainee"]
    assert trainee[0].intent == "ask_situation"
    assert trainee[0].scores["questions"][0]["form"] == "open"


def test_end_session_sends_the_scorecard_and_closes_the_session(executor, db_url):
    sender = f"a-{uuid.uuid4().hex[:6]}"
    call(executor, "action_prospect_reply", sender, "Bonjour, comment allez-vous ?", "greet")
    response = call(executor, "action_end_session", sender, "/end_session", "end_session")
    assert texts(response)[-1].startswith("📋 Votre bilan")
    assert SessionStore(db_url).active_session(sender) is None


def test_session_start_restores_the_slots_of_a_roleplay_under_way(executor, db_url):
    sender = f"a-{uuid.uuid4().hex[:6]}"
    call(executor, "action_prospect_reply", sender, "Hello, how are things at the clinic?", "greet")
    response = call(executor, "action_session_start", sender, "", "session_start")
    events = [event["event"] for event in response["events"]]
    assert events[0] == "session_started" and events[-1] == "action"
    assert slots(response)["language"] == "en"
