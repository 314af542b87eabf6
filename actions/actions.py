"""Thin Rasa SDK actions: everything they do is in bot.roleplay, which they call and relay."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.roleplay import Reply, get_roleplay
from bot.scoring import get_scorer

# Load the scorer's language models when the action server starts, not on a trainee's first turn.
get_scorer()


def _send(dispatcher: CollectingDispatcher, reply: Reply) -> list[EventType]:
    for text in reply.messages:
        dispatcher.utter_message(text=text)
    events: list[EventType] = []
    if reply.session_id:
        events.append(SlotSet("session_id", reply.session_id))
    if reply.language:
        events.append(SlotSet("language", reply.language))
    if reply.trust is not None:
        events.append(SlotSet("trust", reply.trust))
    return events


def _channel(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "rest"


class ActionSessionStart(Action):
    """Rasa's session start, plus the slots of a role-play already under way."""

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        session = get_roleplay().store.active_session(tracker.sender_id)
        events: list[EventType] = [SessionStarted()]
        if session is not None:
            events += [
                SlotSet("session_id", session.id),
                SlotSet("language", session.language),
                SlotSet("trust", session.trust),
                SlotSet("coaching", session.coaching_enabled),
            ]
        return [*events, ActionExecuted("action_listen")]


class ActionStartRoleplay(Action):
    def name(self) -> str:
        return "action_start_roleplay"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        roleplay = get_roleplay()
        if not text.startswith("/") and roleplay.store.active_session(tracker.sender_id):
            # NLU may read a trainee's question as "start a role-play": only the explicit
            # command restarts a session under way; free text is a turn of it.
            return await ActionProspectReply().run(dispatcher, tracker, domain)
        persona = next(tracker.get_latest_entity_values("persona"), None)
        coaching = tracker.latest_message.get("metadata", {}).get("coaching", True)
        reply = roleplay.start(
            tracker.sender_id, channel=_channel(tracker), persona_id=persona, coaching=coaching
        )
        return _send(dispatcher, reply)


class ActionProspectReply(Action):
    def name(self) -> str:
        return "action_prospect_reply"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = tracker.latest_message.get("intent") or {}
        reply = get_roleplay().handle(
            tracker.sender_id,
            tracker.latest_message.get("text"),
            channel=_channel(tracker),
            intent=intent.get("name"),
            confidence=float(intent.get("confidence") or 0.0),
        )
        return _send(dispatcher, reply)


class ActionEndSession(Action):
    def name(self) -> str:
        return "action_end_session"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or "end_session"
        reply = get_roleplay().end(
            tracker.sender_id,
            tracker.latest_message.get("text"),
            channel=_channel(tracker),
            reason=intent,
        )
        return _send(dispatcher, reply)
