"""SPIN type (Rackham) of a curious question: situation, problem, implication or need-payoff."""

from __future__ import annotations

from functools import cache

from bot.scoring.label import Label
from bot.scoring.lexicon import Lexicon, get_lexicon, get_settings
from bot.scoring.segment import Sentence


@cache
def _conditionals(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The conditional endings, and the words with one that do not count (polite conditionals,
    « frais »…), read once. The words decide, not spaCy's morphology: the small model misses
    many conditionals (« seriez », « feriez »)."""
    words = get_lexicon(lang).words
    excluded = words.get("polite_conditionals", frozenset()) | words.get("not_conditionals", set())
    return tuple(words.get("conditional_endings", ())), frozenset(excluded)


def _hypothetical(sentence: Sentence, lexicon: Lexicon) -> str | None:
    """A question set in a solved future ("how would it feel…", « ça vous libérerait… »): in
    French, a conditional; polite ones (« pourriez-vous ») do not count."""
    found = lexicon.search("spin.hypothetical", sentence.norm)
    if found:
        return found
    endings, excluded = _conditionals(lexicon.lang)
    for token in sentence.tokens:
        if endings and token.lower.endswith(endings) and token.lower not in excluded:
            return token.text
    return None


def _consequence_of_a_problem(sentence: Sentence, lexicon: Lexicon) -> str | None:
    """ "What happens when the trucks arrive late?" asks for consequences of a problem;
    "What happens after an order?" only for facts."""
    frame = lexicon.search("spin.consequence_frames", sentence.norm)
    problem = frame and lexicon.search("spin.problem", sentence.norm)
    return f"{frame} … {problem}" if problem else None


SPIN_WORD_FAMILIES = ("problem", "implication", "need_payoff")


def count_spin_words(sentence: Sentence, lexicon: Lexicon) -> dict[str, int]:
    """Per SPIN family, how many of its words (lexicon `spin_words`) the sentence holds: a
    learned feature, not a rule (one "delay" does not make a problem question)."""
    found = {f: lexicon.count(f"spin_words.{f}", sentence.norm) for f in SPIN_WORD_FAMILIES}
    return {family: n for family, n in found.items() if n}


def label_spin(sentence: Sentence, lexicon: Lexicon, focus: str) -> Label:
    """Deepest first: need-payoff, implication, then a hypothetical (need-payoff), problem."""
    conf = get_settings()["confidence"]["spin"]
    if focus == "opportunistic":
        return Label("none", conf["opportunistic"], [lexicon.cue("spin.opportunistic")])
    checks = (
        ("need_payoff", lambda: lexicon.search("spin.need_payoff", sentence.norm)),
        ("implication", lambda: lexicon.search("spin.implication", sentence.norm)),
        ("implication", lambda: _consequence_of_a_problem(sentence, lexicon)),
        ("need_payoff", lambda: _hypothetical(sentence, lexicon)),
        ("problem", lambda: lexicon.search("spin.problem", sentence.norm)),
    )
    for spin, check in checks:
        found = check()
        if found:
            return Label(spin, conf[spin], [lexicon.cue(f"spin.{spin}", found)], spin)
    return Label("situation", conf["situation"], [lexicon.cue("spin.situation")], "situation")
