"""Keyword matching on folded text: lower case, no accents, so « équipe » matches "equip"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def mentions(text: str, keywords: Iterable[str]) -> bool:
    """True when a word of `text` starts with a keyword (stems welcome), or a multi-word
    keyword appears as such."""
    folded = fold(text)
    words = _WORD.findall(folded)
    for keyword in keywords:
        key = fold(keyword).strip()
        if not key:
            continue
        if " " in key or "'" in key:
            if key in folded:
                return True
        elif any(word.startswith(key) for word in words):
            return True
    return False


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
