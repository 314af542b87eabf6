"""`build_scorecard`: a session's numbers, tips and outcome as a JSON-ready dict."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from bot.personas.schema import Persona
from bot.report.facts import SessionFacts, gather_facts
from bot.report.outcome import outcome_line
from bot.report.texts import report_language, scorecard_settings
from bot.report.tips import choose_tips
from bot.store import NeedRecord, SessionStore, UnknownSession

SPIN_TYPES = ("situation", "problem", "implication", "need_payoff")
NEED_KINDS = ("conscious", "latent")


def build_scorecard(
    store: SessionStore, ref: str, personas: Mapping[str, Persona] | None = None
) -> dict:
    """The scorecard of session `ref`, or of the latest session of conversation `ref`.

    `personas` (id -> Persona) adds the prospect's name and words each need in the session
    language (the stored summary is in the language known when the session began). Raises
    UnknownSession.
    """
    session = store.latest_session(ref)
    if session is None:
        raise UnknownSession(ref)
    facts = gather_facts(store, session)
    lang = report_language(session.language)
    questions = _questions(facts)
    first_offer = facts.offers[0] if facts.offers else None
    persona = (personas or {}).get(session.persona_id)
    return {
        "conversation_id": session.conversation_id,
        "session_id": session.id,
        "persona": {
            "id": session.persona_id,
            "name": persona.name if persona else session.persona_id,
        },
        "language": lang,
        "channel": session.channel,
        "started_at": _iso(session.started_at),
        "ended_at": _iso(session.ended_at),
        "end_reason": session.end_reason,
        "turns": facts.turns,
        "questions": questions,
        "reflections": {
            "count": len(facts.reflections),
            "ratio_to_questions": _ratio(len(facts.reflections), questions["count"]),
        },
        "trust": {"start": session.trust_start, "end": session.trust, "curve": facts.trust_curve},
        "needs": [
            {
                "id": need.need_id,
                "kind": need.kind,
                "summary": _need_summary(need, persona, lang),
                "uncovered": need.uncovered,
                "turn": need.uncovered_turn,
            }
            for need in facts.needs
        ],
        "needs_summary": {
            kind: {
                "uncovered": len(facts.uncovered(kind)),
                "available": sum(need.kind == kind for need in facts.needs),
            }
            for kind in NEED_KINDS
        },
        "offer": {
            "made": first_offer is not None,
            "premature": bool(first_offer and first_offer.premature),
            "turn": first_offer.turn if first_offer else None,
        },
        "premature_offers": sum(offer.premature for offer in facts.offers),
        "premature_questions": len({q.turn for q in facts.questions if q.premature}),
        "talk_share": {
            "trainee_words": facts.trainee_words,
            "prospect_words": facts.prospect_words,
            "trainee_ratio": _ratio(
                facts.trainee_words, facts.trainee_words + facts.prospect_words
            ),
        },
        "tips": choose_tips(facts, questions, lang),
        "outcome": outcome_line(facts, lang),
    }


def _questions(facts: SessionFacts) -> dict:
    asked = facts.questions
    count = len(asked)
    low, high = scorecard_settings()["question_band"]
    early = sum(q.turn <= facts.first_third_end for q in asked)
    return {
        "count": count,
        "band": [low, high],
        "in_band": low <= count <= high,
        "open_ratio": _ratio(sum(q.form == "open" for q in asked), count),
        "curious_ratio": _ratio(sum(q.focus == "curious" for q in asked), count),
        "spin": {spin: sum(q.spin == spin for q in asked) for spin in SPIN_TYPES},
        "first_third_share": _ratio(early, count),
        "items": [q.to_dict() for q in asked],
    }


def _need_summary(need: NeedRecord, persona: Persona | None, lang: str) -> str:
    described = next((n for n in persona.needs if n.id == need.need_id), None) if persona else None
    return described.summary.get(lang) if described else need.summary


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 2) if whole else 0.0


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
