"""SPIN type (Rackham) of a curious question: situation, problem, implication or need-payoff."""

from __future__ import annotations

from bot.scoring.label import Label
from bot.scoring.lexicon import Lexicon, get_settings
from bot.scoring.segment import Sentence

# Deepest first: a question about the consequences of a problem is an implication question.
_DEPTH_ORDER = ("need_payoff", "implication", "problem")


def label_spin(sentence: Sentence, lexicon: Lexicon, focus: str) -> Label:
    conf = get_settings()["confidence"]["spin"]
    if focus == "opportunistic":
        return Label("none", conf["opportunistic"], [lexicon.cue("spin.opportunistic")])
    for spin in _DEPTH_ORDER:
        found = lexicon.search(f"spin.{spin}", sentence.norm)
        if found:
            return Label(spin, conf[spin], [lexicon.cue(f"spin.{spin}", found)])
    return Label("situation", conf["situation"], [lexicon.cue("spin.situation")])
