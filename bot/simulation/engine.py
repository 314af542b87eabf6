"""The simulated prospect: one trainee message in, the prospect's reply and a coaching note out.

Pure logic over a JSON-serialisable `state` dict (kept by the caller in the session store), so
any action-server replica can play any turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.personas.schema import Need, Persona
from bot.scoring.types import MessageScore, QuestionScore
from bot.simulation.coaching import coaching_note
from bot.simulation.needs import needs_brought_out
from bot.simulation.phrasing import pick, rng_for
from bot.simulation.settings import simulation_settings
from bot.simulation.text import mentions
from bot.simulation.trust import TrustChange, trust_change

# Rasa intents that say the trainee is chasing or proposing an offer, used when the scorer did
# not flag it (e.g. a terse "so, the proposal?").
CHASE_INTENTS = frozenset({"chase_quote"})
OFFER_INTENTS = frozenset({"propose_quote", "chase_quote"})
# Questions about what a difficulty causes or what solving it would be worth: a situation fact
# is no answer to them ("What happens when a patient can't get through?").
BEYOND_FACTS = frozenset({"implication", "need_payoff"})


@dataclass
class TurnOutcome:
    reply: str
    coaching: str
    trust_before: float
    trust_after: float
    premature: bool = False
    offer: bool = False
    revealed: list[Need] = field(default_factory=list)
    ended: bool = False
    end_reason: str | None = None


def new_state(persona: Persona, lang: str, seed: str) -> dict:
    return {
        "persona": persona.id,
        "lang": lang,
        "seed": seed,
        "trust": float(persona.trust.start),
        "turn": 0,
        "uncovered": [],
        "said": [],
        "pushes": 0,
        "last_prospect_question": -99,
    }


def opening_line(persona: Persona, state: dict) -> str:
    return pick(persona.replies.opening.get(state["lang"]), state, "opening")


def _rank(question: QuestionScore) -> tuple:
    depth = ("none", "situation", "problem", "implication", "need_payoff").index(question.spin)
    return (question.focus == "curious", question.form == "open", depth)


def _is_chase(score: MessageScore, intent: str | None, confidence: float) -> bool:
    if intent in CHASE_INTENTS and confidence >= simulation_settings()["intent_confidence"]:
        return True
    return score.offer and any(
        "quote" in q.topics and q.focus == "opportunistic" for q in score.questions
    )


def _answer_question(
    persona: Persona, question: QuestionScore, state: dict, hinted: Need | None, change: TrustChange
) -> str:
    lang = state["lang"]
    replies = persona.replies
    if question.focus == "opportunistic":
        if change.premature:
            return pick(replies.premature.get(lang), state, "premature")
        for objection in persona.objections:
            if mentions(question.text, objection.topics.get(lang)):
                return pick(objection.replies.get(lang), state, f"objection:{objection.id}")
        if {"product", "demo", "need_for_product"} & set(question.topics):
            return pick(replies.pitch.get(lang), state, "pitch")
        return pick(replies.closed_short.get(lang), state, "closed")
    deep = question.spin in BEYOND_FACTS
    for fact in () if deep else persona.facts:
        if mentions(question.text, fact.topics.get(lang)):
            return pick(fact.replies.get(lang), state, f"fact:{fact.id}")
    if hinted is not None and hinted.hint is not None:
        return pick(hinted.hint.get(lang), state, f"hint:{hinted.id}")
    if question.form == "closed":
        return pick(replies.closed_short.get(lang), state, "closed")
    if deep and replies.unexplored is not None:
        return pick(replies.unexplored.get(lang), state, "unexplored")
    return pick(replies.vague.get(lang), state, "vague")


def _reply(
    persona: Persona,
    score: MessageScore,
    state: dict,
    change: TrustChange,
    revealed: list[Need],
    hinted: Need | None,
    chase: bool,
    offer: bool,
) -> str:
    lang = state["lang"]
    replies = persona.replies
    if revealed:
        parts = []
        if score.reflection or score.kind == "reflection":
            parts.append(pick(replies.reflection.get(lang), state, "reflection"))
        parts.append(pick(revealed[0].reveal.get(lang), state, f"need:{revealed[0].id}"))
        return " ".join(parts)
    if chase:
        return pick(replies.quote_chase.get(lang), state, "chase")
    if offer:
        if change.premature:
            return pick(replies.premature.get(lang), state, "premature")
        if persona.objections:
            objection = persona.objections[state["turn"] % len(persona.objections)]
            return pick(objection.replies.get(lang), state, f"objection:{objection.id}")
        return pick(replies.vague.get(lang), state, "vague")
    if score.questions:
        best = max(score.questions, key=_rank)
        return _answer_question(persona, best, state, hinted, change)
    if score.reflection or score.kind == "reflection":
        return pick(replies.reflection.get(lang), state, "reflection")
    if score.pitch or score.kind == "pitch":
        key = "pitch" if state["uncovered"] else "premature"
        return pick(getattr(replies, key).get(lang), state, key)
    if score.kind == "greeting":
        key = "small_talk" if state["turn"] > 1 else "greeting"
        return pick(getattr(replies, key).get(lang), state, key)
    return pick(replies.vague.get(lang), state, "vague")


def _maybe_ask_back(persona: Persona, state: dict, trust: float) -> str | None:
    """Buyers who start to trust ask their own questions, now and then."""
    settings = simulation_settings()
    if trust < settings["prospect_question_trust"]:
        return None
    if state["turn"] - state["last_prospect_question"] < settings["prospect_question_gap"]:
        return None
    if rng_for(state, "ask_back").random() < 0.5:
        return None
    state["last_prospect_question"] = state["turn"]
    return pick(persona.replies.prospect_questions.get(state["lang"]), state, "ask_back")


def play_turn(
    persona: Persona,
    state: dict,
    score: MessageScore,
    intent: str | None = None,
    intent_confidence: float = 0.0,
) -> TurnOutcome:
    """Plays one trainee message against the prospect, updating `state` in place."""
    state["turn"] += 1
    trust_before = state["trust"]
    chase = _is_chase(score, intent, intent_confidence)
    offer = (
        chase
        or score.offer
        or (
            intent in OFFER_INTENTS
            and intent_confidence >= simulation_settings()["intent_confidence"]
        )
    )
    change = trust_change(
        score, state, chase=chase, offer=offer, sensitivity=persona.trust.sensitivity
    )
    trust_after = round(max(0.0, min(100.0, trust_before + change.delta)), 1)
    outcome = needs_brought_out(persona, score, state, trust_after)
    for need in outcome.revealed:
        state["uncovered"].append(need.id)
    state["trust"] = trust_after
    if change.pushy:
        state["pushes"] += 1
    patience = persona.trust.patience
    if patience is not None and state["pushes"] >= patience and not outcome.revealed:
        reply = pick(persona.replies.walk_out.get(state["lang"]), state, "walk_out")
        ended, reason = True, "walked_out"
    else:
        reply = _reply(
            persona, score, state, change, outcome.revealed, outcome.hinted, chase, offer
        )
        ask_back = _maybe_ask_back(persona, state, trust_after)
        if ask_back:
            reply = f"{reply} {ask_back}"
        ended, reason = False, None
    note = coaching_note(
        score,
        state["lang"],
        change,
        trust_after - trust_before,
        outcome.revealed,
        chase=chase,
        offer=offer,
        walked_out=ended,
    )
    return TurnOutcome(
        reply=reply,
        coaching=note,
        trust_before=trust_before,
        trust_after=trust_after,
        premature=change.premature,
        offer=offer,
        revealed=outcome.revealed,
        ended=ended,
        end_reason=reason,
    )


def closing_line(persona: Persona, state: dict) -> str:
    """How the prospect ends the meeting, given the trust reached and what came out."""
    settings = simulation_settings()["ending"]
    latent = {need.id for need in persona.needs_of("latent")}
    if state["trust"] >= settings["good_trust"] and latent & set(state["uncovered"]):
        key = "ending_good"
    elif state["trust"] < settings["bad_trust"]:
        key = "ending_bad"
    else:
        key = "ending_neutral"
    return pick(getattr(persona.replies, key).get(state["lang"]), state, key)
