"""One role-play conversation, from a channel's point of view: the coaching logic that the Rasa
actions (and any future channel) call. It ties the scorer, the simulated prospect and the session
store together; the trainee's words are saved before anything else can fail."""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field
from functools import lru_cache

from bot.config import database_url
from bot.personas.loader import UnknownPersona, default_persona_id, get_persona, load_personas
from bot.personas.schema import Persona
from bot.report import build_scorecard, render_markdown
from bot.scoring import get_scorer
from bot.scoring.lang import detect_language
from bot.simulation.engine import closing_line, new_state, opening_line, play_turn
from bot.simulation.settings import messages
from bot.store.repository import SessionRecord, SessionStore

log = logging.getLogger(__name__)

LANGS = ("fr", "en")
_COACHING_TOGGLE = re.compile(r"^\s*/?coaching\s+(on|off)\s*[.!]?\s*$", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# An unknown-language message this long is another language, not a terse "ok".
_FOREIGN_MIN_WORDS = 3
# NLU can mistake odd input (20,000 x's) for a goodbye: a real one is short and asks nothing.
_FAREWELL_MAX_CHARS = 200


def _sounds_final(text: str) -> bool:
    text = text.strip()
    if text.startswith("/"):
        return True
    return len(text) <= _FAREWELL_MAX_CHARS and bool(_LETTERS.search(text)) and "?" not in text


@dataclass
class Reply:
    """What the channel sends back, in order, plus what the actions keep in slots."""

    messages: list[str] = field(default_factory=list)
    session_id: str | None = None
    language: str | None = None
    trust: float | None = None


def _both(key: str, **values: str) -> str:
    """A notice in both languages, for when the session language is not known yet."""
    return "\n".join(messages(lang)[key].format(**values) for lang in LANGS)


class Roleplay:
    def __init__(self, store: SessionStore) -> None:
        self.store = store

    # -- sessions ----------------------------------------------------------------------------
    def _language_of(self, session: SessionRecord) -> str | None:
        return session.language if session.state.get("lang_set") else None

    def _say(self, lang: str | None, key: str, **values: str) -> str:
        return messages(lang)[key].format(**values) if lang else _both(key, **values)

    def _intro(self, persona: Persona, lang: str | None) -> str:
        def one(code: str) -> str:
            return messages(code)["intro"].format(
                name=persona.name,
                role=persona.role.get(code),
                company=persona.company.name,
                industry=persona.company.industry.get(code),
                scenario=persona.scenario.get(code),
            )

        return one(lang) if lang else "\n\n".join(one(code) for code in LANGS)

    def _create(
        self, conversation_id: str, channel: str, persona: Persona, coaching: bool, lang: str | None
    ) -> SessionRecord:
        session_lang = lang or "fr"
        state = new_state(persona, session_lang, seed=uuid.uuid4().hex)
        state["lang_set"] = lang is not None
        needs = [
            {"need_id": need.id, "kind": need.kind, "summary": need.summary.get(session_lang)}
            for need in persona.needs
        ]
        session_id = self.store.start_session(
            conversation_id=conversation_id,
            sender=conversation_id,
            persona_id=persona.id,
            language=session_lang,
            channel=channel,
            trust_start=float(persona.trust.start),
            coaching_enabled=coaching,
            needs=needs,
            state=state,
        )
        return self.store.get_session(session_id)

    def _default_session(self, conversation_id: str, channel: str) -> SessionRecord:
        """A session begun without /start_roleplay: the default prospect, language unknown."""
        return self._create(conversation_id, channel, get_persona(default_persona_id()), True, None)

    def _previous_language(self, conversation_id: str) -> str | None:
        previous = self.store.latest_session(conversation_id)
        return self._language_of(previous) if previous else None

    def start(
        self,
        conversation_id: str,
        *,
        channel: str,
        persona_id: str | None = None,
        coaching: bool = True,
    ) -> Reply:
        """`/start_roleplay{"persona": id}`: a new session, ending any one under way."""
        lang = self._previous_language(conversation_id)
        try:
            persona = get_persona(persona_id or default_persona_id())
        except UnknownPersona as error:
            valid = ", ".join(error.valid_ids)
            return Reply([self._say(lang, "unknown_persona", persona=str(persona_id), valid=valid)])
        current = self.store.active_session(conversation_id)
        if current is not None:
            self.store.end_session(current.id, "restarted")
        session = self._create(conversation_id, channel, persona, coaching, lang)
        out = [self._intro(persona, lang)]
        if lang:
            out.append(self._prospect_says(session, opening_line(persona, session.state)))
        return Reply(out, session.id, lang, session.trust)

    def _prospect_says(self, session: SessionRecord, text: str, trust: float | None = None) -> str:
        self.store.add_turn(session.id, speaker="prospect", text=text, trust_after=trust)
        return text

    def _system_says(self, session: SessionRecord, text: str) -> str:
        self.store.add_turn(session.id, speaker="system", text=text)
        return text

    # -- turns -------------------------------------------------------------------------------
    def handle(
        self,
        conversation_id: str,
        text: str | None,
        *,
        channel: str,
        intent: str | None = None,
        confidence: float = 0.0,
    ) -> Reply:
        """One trainee message: saved first, then scored and answered by the prospect."""
        text = text or ""
        session = self.store.active_session(conversation_id)
        implicit_start = session is None
        if session is None:
            finished = self.store.latest_session(conversation_id)
            if finished is not None:
                # The meeting is over (goodbye, walk-out): keep the words, say how to go on.
                self.store.add_turn(finished.id, speaker="trainee", text=text, intent=intent)
                lang = self._language_of(finished)
                return Reply(
                    [self._system_says(finished, self._say(lang, "ended"))], finished.id, lang
                )
            session = self._default_session(conversation_id, channel)
        position = self.store.add_turn(session.id, speaker="trainee", text=text, intent=intent)
        try:
            return self._answer(session, position, text, intent, confidence, implicit_start)
        except Exception:  # noqa: BLE001 - the trainee must get an answer, the log the details
            log.exception("turn failed in session %s", session.id)
            lang = self._language_of(session)
            return Reply([self._system_says(session, self._say(lang, "error"))], session.id, lang)

    def _answer(
        self,
        session: SessionRecord,
        position: int,
        text: str,
        intent: str | None,
        confidence: float,
        implicit_start: bool,
    ) -> Reply:
        state = session.state
        lang = self._language_of(session)
        reply = Reply(session_id=session.id, language=lang, trust=session.trust)
        toggle = _COACHING_TOGGLE.match(text)
        if toggle:
            enabled = toggle.group(1).lower() == "on"
            self.store.set_coaching(session.id, enabled)
            reply.messages.append(
                self._system_says(session, self._say(lang, f"coaching_{toggle.group(1).lower()}"))
            )
            return reply
        if not _LETTERS.search(text):
            reply.messages.append(self._system_says(session, self._say(lang, "empty")))
            return reply
        detected = detect_language(text)
        if detected not in LANGS and (lang is None or len(text.split()) >= _FOREIGN_MIN_WORDS):
            reply.messages.append(self._system_says(session, self._say(lang, "unknown_language")))
            return reply
        persona = get_persona(session.persona_id)
        if lang is None:
            lang = reply.language = state["lang"] = detected
            state["lang_set"] = True
            if implicit_start:
                reply.messages.append(self._system_says(session, self._intro(persona, lang)))
        score = get_scorer().score(text, lang=detected if detected in LANGS else lang)
        outcome = play_turn(persona, state, score, intent, confidence)
        self.store.update_turn(
            session.id,
            position,
            kind=score.kind,
            scores=score.to_dict(),
            trust_after=outcome.trust_after,
            coaching=outcome.coaching,
            premature=outcome.premature,
        )
        trainee_turn = state["turn"]
        for need in outcome.revealed:
            self.store.mark_need_uncovered(session.id, need.id, trainee_turn)
        if outcome.offer:
            self.store.record_offer(
                session.id, turn=trainee_turn, premature=outcome.premature, text=text
            )
        reply.messages.append(self._prospect_says(session, outcome.reply, outcome.trust_after))
        self.store.save_state(session.id, state=state, trust=outcome.trust_after, language=lang)
        reply.trust = outcome.trust_after
        if session.coaching_enabled:
            reply.messages.append(outcome.coaching)
        if outcome.ended:
            self.store.end_session(session.id, outcome.end_reason or "walked_out")
            reply.messages.append(self._scorecard(session.id))
        return reply

    def end(self, conversation_id: str, text: str | None, *, channel: str, reason: str) -> Reply:
        """A goodbye or /end_session: the prospect's last words and the scorecard."""
        if not _sounds_final(text or ""):
            return self.handle(conversation_id, text, channel=channel, intent=reason)
        session = self.store.active_session(conversation_id)
        if session is None:
            lang = self._previous_language(conversation_id)
            return Reply([self._say(lang, "ended")], language=lang)
        if text:
            self.store.add_turn(session.id, speaker="trainee", text=text, intent=reason)
        lang = self._language_of(session)
        out = []
        if lang is not None:
            persona = get_persona(session.persona_id)
            out.append(self._prospect_says(session, closing_line(persona, session.state)))
            self.store.save_state(session.id, state=session.state, trust=session.trust)
        self.store.end_session(session.id, reason)
        out.append(self._scorecard(session.id))
        return Reply(out, session.id, lang, session.trust)

    def _scorecard(self, session_id: str) -> str:
        card = build_scorecard(self.store, session_id, personas=load_personas())
        return f"{messages(card['language'])['scorecard_header']}\n\n{render_markdown(card)}"

    def record_undelivered(self, conversation_id: str, text: str | None, *, channel: str) -> str:
        """The assistant could not answer (action server down): keep the message, say so."""
        session = (
            self.store.active_session(conversation_id)
            or self.store.latest_session(conversation_id)
            or self._default_session(conversation_id, channel)
        )
        self.store.add_turn(session.id, speaker="trainee", text=text or "")
        detected = detect_language(text or "")
        lang = self._language_of(session) or (detected if detected in LANGS else None)
        return self._system_says(session, self._say(lang, "unavailable"))


@lru_cache(maxsize=4)
def _roleplay_for(url: str) -> Roleplay:
    return Roleplay(SessionStore(url))


def get_roleplay() -> Roleplay:
    """The process-wide service for the configured database."""
    return _roleplay_for(database_url())
