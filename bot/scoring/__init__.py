"""The question scorer: `get_scorer().score(text, lang)` labels every question of a trainee
message (open/closed, curious/opportunistic, SPIN, sales topics) and the message's kind."""

from __future__ import annotations

import gc
from functools import lru_cache

from bot.scoring.lang import detect_language
from bot.scoring.scorer import Scorer
from bot.scoring.types import MessageScore, QuestionScore

__all__ = ["MessageScore", "QuestionScore", "Scorer", "detect_language", "get_scorer"]


_WARM_UP = ("Comment ça se passe ?", "How is it going?")


@lru_cache(maxsize=1)
def get_scorer() -> Scorer:
    """The process-wide scorer, with spaCy, the lexicons and the models of both languages
    loaded (a trainee's first message does not wait for them)."""
    scorer = Scorer()
    for text in _WARM_UP:
        scorer.score(text)
    # What is loaded lives as long as the process. Frozen, it is no longer walked by every full
    # garbage collection, which took a tenth to a fifth of the scoring time.
    gc.freeze()
    return scorer
