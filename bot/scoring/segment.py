"""Split a message into sentences, and tell which sentences are questions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from bot.scoring.lexicon import Lexicon, normalize

_SENTENCE_END = re.compile(r"^[.!?…]+$|^\?")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Sentence:
    """One sentence: its text, its normalised text, and `lead`, the normalised text without the
    discourse markers it opens with ("ok, so", « d'accord, et du coup »)."""

    span: Span
    text: str
    norm: str
    lead: str
    question_mark: bool


def _strip_discourse(norm: str, lexicon: Lexicon) -> str:
    lead = norm
    while True:
        found = lexicon.at_start("discourse", lead)
        rest = lead[len(found) :].lstrip(" ,;:-!.") if found else lead
        # A marker is only stripped when something follows it ("so you" keeps its "you").
        if not found or not rest or rest == lead:
            return lead
        lead = rest


def split_sentences(doc: Doc, lexicon: Lexicon) -> Iterator[Sentence]:
    """Sentences end at . ! ? … or a line break; a sentence needs at least one letter."""
    start = 0
    for token in doc:
        is_end = bool(_SENTENCE_END.match(token.text)) or "\n" in token.whitespace_ + token.text
        if is_end or token.i == len(doc) - 1:
            span = doc[start : token.i + 1]
            start = token.i + 1
            text = span.text.strip()
            if _HAS_LETTER.search(text):
                norm = normalize(text)
                yield Sentence(span, text, norm, _strip_discourse(norm, lexicon), "?" in text)
