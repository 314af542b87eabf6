"""The question scorer: `get_scorer().score(text, lang)` labels every question of a trainee
message (open/closed, curious/opportunistic, SPIN, sales topics) and the message's kind."""

from __future__ import annotations

from functools import lru_cache

from bot.scoring.lang import detect_language
from bot.scoring.scorer import Scorer
from bot.scoring.types import MessageScore, QuestionScore

__all__ = ["MessageScore", "QuestionScore", "Scorer", "detect_language", "get_scorer"]


@lru_cache(maxsize=1)
def get_scorer() -> Scorer:
    """The process-wide scorer (spaCy and the lexicons load on first use)."""
    return Scorer()
