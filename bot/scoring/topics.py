"""Sales topics a sentence touches, and whether it proposes, promises or chases an offer."""

from __future__ import annotations

from bot.scoring.lexicon import Lexicon


def find_topics(norm: str, lexicon: Lexicon) -> dict[str, str]:
    """Topic → the words that point at it, in the lexicon's topic order."""
    found = {}
    for topic in lexicon.topics:
        match = lexicon.search(f"topics.{topic}", norm)
        if match:
            found[topic] = match
    return found


def find_offer(norm: str, lexicon: Lexicon) -> str | None:
    """The words that propose, promise or chase a quote, proposal, demo or offer, if any."""
    return lexicon.search("offer", norm)
