"""Tell French from English (and from anything else) with the word lists in data/lexicons."""

from __future__ import annotations

import re
from typing import Literal

from bot.scoring.lexicon import LANGS, foreign_markers, get_lexicon, get_settings

# French elisions (l', qu') are words of their own; English contractions stay whole (don't).
_WORDS = re.compile(r"(?:[cdjlmnst]|qu)'|[^\W\d_]+(?:'(?:t|s|m|re|ve|ll|d)\b)?")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower().replace("’", "'"))


def language_hits(text: str) -> dict[str, int]:
    """How many words of `text` are on each language's list ("foreign": unsupported ones)."""
    words = _words(text)
    hits = {lang: sum(w in get_lexicon(lang).words["markers"] for w in words) for lang in LANGS}
    hits["foreign"] = sum(w in foreign_markers() for w in words)
    hits["words"] = len(words)
    return hits


def best_guess(hits: dict[str, int]) -> Literal["fr", "en"]:
    """The more likely of the two supported languages (English on a tie)."""
    return "fr" if hits["fr"] > hits["en"] else "en"


def detect_language(text: str) -> Literal["fr", "en", "unknown"]:
    """ "fr" or "en" when the words say so clearly; "unknown" for short, foreign or junk text."""
    hits = language_hits(text)
    rules = get_settings()["language"]
    lang = best_guess(hits)
    best, other = hits[lang], hits["en" if lang == "fr" else "fr"]
    if best < rules["min_hits"] or best < rules["min_share"] * hits["words"]:
        return "unknown"
    if best == other or best <= hits["foreign"]:
        return "unknown"
    return lang
