"""The outcome line: what would likely happen next with a real prospect, grounded in the seed
article's figures and always presented as a simulation."""

from __future__ import annotations

from bot.report.facts import SessionFacts
from bot.report.texts import coaching_texts
from bot.simulation.settings import simulation_settings


def outcome_key(facts: SessionFacts) -> str:
    latent = facts.uncovered("latent")
    anything_heard = any(need.uncovered for need in facts.needs)
    if facts.turns == 0:
        return "empty"
    if facts.session.end_reason == "walked_out":
        return "walked_out"
    if any(offer.premature for offer in facts.offers) or (facts.offers and not anything_heard):
        return "quote_in_bin"
    # The same bar as the prospect's own good ending, so the two never disagree.
    if latent and facts.session.trust >= simulation_settings()["ending"]["good_trust"]:
        return "next_meeting"
    if latent:
        return "low_trust"
    return "conscious_only" if anything_heard else "nothing_uncovered"


def outcome_line(facts: SessionFacts, lang: str) -> str:
    template = coaching_texts(lang)["outcomes"][outcome_key(facts)]
    return template.format(
        latent=len(facts.uncovered("latent")),
        conscious=len(facts.uncovered("conscious")),
        trust=round(facts.session.trust),
    )
