"""Synthetic role-play sessions, written through the store API the way the actions write them:
the trainee's turn first, then its scores, trust and flags."""

from __future__ import annotations

from dataclasses import dataclass

from bot.scoring.types import MessageScore, QuestionScore
from bot.store import SessionStore


def question(text: str, form: str, focus: str, spin: str, *topics: str) -> QuestionScore:
    return QuestionScore(text=text, form=form, focus=focus, spin=spin, topics=list(topics))


@dataclass
class Step:
    text: str
    kind: str
    questions: tuple[QuestionScore, ...] = ()
    reply: str = "Hmm."
    trust_after: float = 40.0
    premature: bool = False
    offer: bool = False
    reflection: bool = False
    uncovers: tuple[str, ...] = ()


def play(
    store: SessionStore,
    steps: list[Step],
    *,
    language: str,
    needs: list[dict],
    conversation_id: str,
    end_reason: str | None = "goodbye",
    trust_start: float = 40.0,
) -> str:
    session_id = store.start_session(
        conversation_id=conversation_id,
        sender=conversation_id,
        persona_id="claire-dental",
        language=language,
        channel="rest",
        trust_start=trust_start,
        coaching_enabled=True,
        needs=needs,
        state={"turn": 0},
    )
    store.add_turn(session_id, speaker="system", text="Persona intro, not a turn.")
    trust = trust_start
    for number, step in enumerate(steps, 1):
        position = store.add_turn(session_id, speaker="trainee", text=step.text)
        score = MessageScore(
            text=step.text,
            lang=language,
            kind=step.kind,
            questions=list(step.questions),
            offer=step.offer,
            reflection=step.reflection,
        )
        store.update_turn(
            session_id,
            position,
            kind=step.kind,
            scores=score.to_dict(),
            trust_after=step.trust_after,
            premature=step.premature,
        )
        for need_id in step.uncovers:
            store.mark_need_uncovered(session_id, need_id, number)
        if step.offer:
            store.record_offer(session_id, turn=number, premature=step.premature, text=step.text)
        store.add_turn(
            session_id, speaker="prospect", text=step.reply, trust_after=step.trust_after
        )
        trust = step.trust_after
        store.save_state(session_id, state={"turn": number}, trust=trust)
    if end_reason:
        store.end_session(session_id, end_reason)
    return session_id


NEEDS_FR = [
    {
        "need_id": "rappels",
        "kind": "conscious",
        "summary": "Les rappels de rendez-vous prennent une heure par jour.",
    },
    {
        "need_id": "fuite",
        "kind": "latent",
        "summary": "Les patients perdus ne sont jamais relancés.",
    },
]
NEEDS_EN = [
    {
        "need_id": "reminders",
        "kind": "conscious",
        "summary": "Appointment reminders take an hour a day.",
    },
    {"need_id": "leak", "kind": "latent", "summary": "Lost patients are never followed up."},
]

BESOIN = "Bonjour, vous avez un besoin en logiciel de gestion ?"
BUDGET = "Vous avez un budget ?"
QUAND = "Vous décidez quand ?"
DEVIS = "Je vous envoie notre devis dès ce soir."

# The seed's hurried seller: three closed opportunistic questions, then a copy-pasted quote.
HURRIED_SELLER_FR = [
    Step(
        BESOIN,
        "question",
        (question(BESOIN, "closed", "opportunistic", "none", "need_for_product"),),
        reply="Pas vraiment, pourquoi ?",
        trust_after=37,
    ),
    Step(
        BUDGET,
        "question",
        (question(BUDGET, "closed", "opportunistic", "none", "budget"),),
        reply="On n'en est pas là.",
        trust_after=28,
        premature=True,
    ),
    Step(
        QUAND,
        "question",
        (question(QUAND, "closed", "opportunistic", "none", "timing"),),
        reply="Je ne sais pas.",
        trust_after=21,
        premature=True,
    ),
    Step(DEVIS, "pitch", reply="Si vous voulez.", trust_after=13, premature=True, offer=True),
]


def _open(text: str, spin: str, trust_after: float) -> Step:
    question_score = question(text, "open", "curious", spin)
    return Step(text, "question", (question_score,), reply="Well, " * 9, trust_after=trust_after)


HOW_TODAY = "How do you handle appointment reminders today?"
HARDEST = "What is the hardest part of that for your team?"
COST = "When a patient misses an appointment, what does that cost the practice?"
CHANGE = "If no patient slipped through, what would it change for you?"
BUDGET_EN = "What budget have you set aside for this?"
TEAM_SIZE = "Is the front desk just you two?"
REFLECTION = "So the reminders eat an hour of your day, every day."

# A good discovery: open curious questions spread over the call, depth, reflections, needs.
GOOD_DISCOVERY_EN = [
    Step("Thanks for making the time today.", "greeting", trust_after=42),
    _open(HOW_TODAY, "situation", 45),
    Step(
        TEAM_SIZE,
        "question",
        (question(TEAM_SIZE, "closed", "curious", "situation"),),
        trust_after=46,
    ),
    _open(HARDEST, "problem", 49),
    Step(REFLECTION, "reflection", reflection=True, trust_after=50, uncovers=("reminders",)),
    _open("Walk me through a typical Monday morning?", "situation", 55),
    _open(COST, "implication", 58),
    _open("How does that affect the dentists' schedules?", "implication", 61),
    _open("What happens to patients who cancel and never rebook?", "problem", 62),
    Step(
        "So patients who cancel just disappear. How many do you think that is each month?",
        "question",
        (question("How many do you think that is each month?", "closed", "curious", "problem"),),
        reflection=True,
        trust_after=63,
        uncovers=("leak",),
    ),
    _open(CHANGE, "need_payoff", 66),
    _open("How would the team feel if Mondays were calm?", "need_payoff", 68),
    Step(
        BUDGET_EN,
        "question",
        (question(BUDGET_EN, "open", "opportunistic", "none", "budget"),),
        trust_after=68,
    ),
    _open("Who else should we involve in the next conversation?", "situation", 71),
    Step("Thank you, this was really helpful.", "greeting", trust_after=72),
]
