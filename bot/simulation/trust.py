"""How one trainee message moves the prospect's trust (0-100). Values: data/simulation.yml."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.scoring.types import MessageScore, QuestionScore
from bot.simulation.settings import simulation_settings


@dataclass
class TrustChange:
    delta: float
    premature: bool = False  # a qualifying question or an offer before any need was uncovered
    pushy: bool = False  # the turn pushed the sale (counts against a busy prospect's patience)
    reasons: list[str] = field(default_factory=list)


def _past_allowance(state: dict, counter: str, allowance: int) -> bool:
    """Count one more in `state[counter]`; True once the count has passed `allowance`."""
    state[counter] = state.get(counter, 0) + 1
    return state[counter] > allowance


def _question_delta(question: QuestionScore, state: dict, needs_known: bool, change: TrustChange):
    rules = simulation_settings()["trust"]
    delta = rules["question"][f"{question.form}_{question.focus}"]
    if question.focus == "curious":
        delta += rules["depth"].get(question.spin, 0)
        if question.spin == "situation" and _past_allowance(
            state, "situation_questions", rules["situation_allowance"]
        ):
            delta += rules["situation_excess"]
            change.reasons.append("too_many_situation")
    else:
        change.pushy = True
    if question.form == "closed":
        if _past_allowance(state, "closed_streak", rules["closed_streak_allowance"]):
            delta += rules["closed_streak_excess"]
            change.reasons.append("closed_streak")
    else:
        state["closed_streak"] = 0
    if question.qualifying and not needs_known:
        delta += rules["premature_question"]
        change.premature = True
        change.reasons.append("premature")
    return delta


def trust_change(
    score: MessageScore, state: dict, *, chase: bool, offer: bool, sensitivity: float
) -> TrustChange:
    """The change `score` causes, updating the counters kept in `state` (streaks, allowances)."""
    rules = simulation_settings()["trust"]
    needs_known = bool(state.get("uncovered"))
    change = TrustChange(delta=0.0)
    delta = sum(_question_delta(q, state, needs_known, change) for q in score.questions)
    if score.reflection or score.kind == "reflection":
        delta += rules["reflection"]
    if score.pitch or score.kind == "pitch":
        delta += rules["pitch_after_discovery" if needs_known else "pitch_before_discovery"]
        change.pushy = change.pushy or not needs_known
    if chase:
        delta += rules["quote_chase"]
        change.pushy = True
    elif offer:
        delta += rules["offer_after_discovery" if needs_known else "offer_before_discovery"]
        if not needs_known:
            change.premature = change.pushy = True
    if score.kind == "greeting":
        if not state.get("greeted"):
            state["greeted"] = True
            delta += rules["greeting_first"]
        else:
            state["small_talk"] = state.get("small_talk", 0) + 1
            if state["small_talk"] <= rules["small_talk_allowance"]:
                delta += rules["small_talk"]
    elif score.kind == "statement":
        delta += rules["statement"]
    delta = max(rules["turn_min"], min(rules["turn_max"], delta))
    change.delta = round(delta * sensitivity, 1)
    return change
