"""What a sentence that is not a question does: pitch, reflection, greeting (or nothing)."""

from __future__ import annotations

from bot.scoring.lexicon import Lexicon
from bot.scoring.segment import Sentence

# When a message holds several moves and no question, the first of these it holds is its kind.
MOVES_BY_PRIORITY = ("pitch", "reflection", "greeting")
# Moves that a sentence without "?" makes even when it opens like a question.
_SPOKEN_MOVES = ("greeting", "reflection")


def _search(key: str, sentence: Sentence, lexicon: Lexicon) -> str | None:
    """Patterns anchored with ^ may follow an opening "ok," / « d'accord, »: try both."""
    return lexicon.search(key, sentence.norm) or lexicon.search(key, sentence.lead)


def _at_start(key: str, sentence: Sentence, lexicon: Lexicon) -> str | None:
    return lexicon.at_start(key, sentence.norm) or lexicon.at_start(key, sentence.lead)


def sentence_moves(sentence: Sentence, lexicon: Lexicon, offer: str | None) -> dict[str, str]:
    """Move → the words that show it. An offer stated without a question is a pitch."""
    moves = {move: _search(f"kind.{move}", sentence, lexicon) for move in MOVES_BY_PRIORITY}
    if offer:
        moves["pitch"] = offer
    return {move: words for move, words in moves.items() if words}


def spoken_move(sentence: Sentence, lexicon: Lexicon, worded: bool) -> dict[str, str]:
    """A greeting or reflection without "?" ("So what matters most is…") is not a question
    even when it opens like one. When question words ask (`worded`), the move must open the
    sentence: "what would a good day look like for you" asks, "good day" inside it greets no one,
    and "how many volunteers do you have" restates nothing (« quel plaisir de vous rencontrer »
    exclaims, and greets)."""
    if sentence.question_mark:
        return {}
    opening_only = worded and not lexicon.at_start("form.exclamation", sentence.lead)
    find = _at_start if opening_only else _search
    moves = {move: find(f"kind.{move}", sentence, lexicon) for move in _SPOKEN_MOVES}
    return {move: words for move, words in moves.items() if words}


def small_talk(sentence: Sentence, lexicon: Lexicon) -> str | None:
    """ "How are you?", « Vous allez bien ? »: a greeting phrased as a question."""
    return lexicon.search("kind.small_talk", sentence.norm)


def restated(sentence: Sentence, lexicon: Lexicon) -> str | None:
    """ "So Mondays are lost chasing invoices?": a reflection said with a rising "?"."""
    return lexicon.at_start("kind.restating", sentence.norm)
