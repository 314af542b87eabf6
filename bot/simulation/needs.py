"""Which of the persona's needs a trainee message brings out, given the trust reached."""

from __future__ import annotations

from dataclasses import dataclass

from bot.personas.schema import Need, Persona
from bot.scoring.types import MessageScore, QuestionScore
from bot.simulation.settings import simulation_settings
from bot.simulation.text import mentions

_DEPTH = {"need_payoff": 4, "implication": 3, "problem": 2, "situation": 1, "none": 0}
_DEEP = ("implication", "need_payoff")


@dataclass
class NeedOutcome:
    revealed: list[Need]
    hinted: Need | None  # on topic, but trust is still too low: the prospect hints there is more


def _reveals(need: Need, question: QuestionScore, trust: float, lang: str, known: bool) -> bool:
    """Real buyers talk about what they know hurts once asked about it, and only discover a
    latent need when a deep question makes them think it through."""
    if trust < need.min_trust:
        return False
    on_topic = mentions(question.text, need.topics.get(lang))
    right_depth = question.spin in need.spin
    if need.kind == "conscious":
        asks_for_pains = question.form == "open" and question.spin == "problem"
        return (on_topic and (right_depth or question.form == "open")) or asks_for_pains
    margin = simulation_settings()["needs"]["deep_question_margin"]
    follows_up = known and question.spin in _DEEP and trust >= need.min_trust + margin
    return right_depth and (on_topic or follows_up)


def needs_brought_out(
    persona: Persona, score: MessageScore, state: dict, trust: float
) -> NeedOutcome:
    settings = simulation_settings()["needs"]
    lang = state["lang"]
    uncovered = set(state.get("uncovered", []))
    hidden = sorted(
        (need for need in persona.needs if need.id not in uncovered),
        key=lambda need: (need.kind != "conscious", need.min_trust),
    )
    curious = sorted(
        (q for q in score.questions if q.focus == "curious"),
        key=lambda q: _DEPTH.get(q.spin, 0),
        reverse=True,
    )
    revealed: list[Need] = []
    hinted: Need | None = None
    for question in curious:
        for need in hidden:
            if need in revealed:
                continue
            if _reveals(need, question, trust, lang, known=bool(uncovered or revealed)):
                revealed.append(need)
                break
            if hinted is None and need.hint and mentions(question.text, need.topics.get(lang)):
                hinted = need
        if len(revealed) >= settings["per_turn"]:
            break
    if not revealed and hinted is None and curious and curious[0].spin in _DEEP:
        # A deep question that finds nothing yet still touches something: the buyer hesitates.
        hinted = next((n for n in hidden if n.kind == "latent" and n.hint), None)
    reflected = score.reflection or score.kind == "reflection"
    if not revealed and reflected and settings["reflection_reveals"]:
        for need in hidden:
            if trust >= need.min_trust and mentions(score.text, need.topics.get(lang)):
                revealed.append(need)
                break
    return NeedOutcome(
        revealed=revealed[: settings["per_turn"]], hinted=None if revealed else hinted
    )
