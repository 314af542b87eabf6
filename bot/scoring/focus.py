"""Curious or opportunistic (the seed's axis): whom does the answer serve?"""

from __future__ import annotations

from bot.scoring.label import Label
from bot.scoring.lexicon import Lexicon, get_settings
from bot.scoring.segment import Sentence


def label_focus(
    sentence: Sentence, lexicon: Lexicon, topics: dict[str, str], offer: str | None
) -> Label:
    """Opportunistic when it chases an offer, leads to our product or asks about the sale."""
    conf = get_settings()["confidence"]["focus"]
    if offer:
        return Label("opportunistic", conf["offer"], [lexicon.cue("focus.offer", offer)], "offer")
    leading = lexicon.search("focus.leading", sentence.norm)
    if leading:
        return Label(
            "opportunistic", conf["leading"], [lexicon.cue("focus.leading", leading)], "leading"
        )
    if topics:
        cues = [
            lexicon.cue("focus.topic", f"{topic} ('{words}')") for topic, words in topics.items()
        ]
        return Label("opportunistic", conf["topic"], cues, "topic")
    return Label("curious", conf["default"], [lexicon.cue("focus.curious")], "curious")
