"""Split a message into sentences, and tell which sentences are questions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span

from bot.scoring.lexicon import Lexicon, normalize

# A sentence ends after a run of . ! ? … (with closing quotes or brackets) or at a line break.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»)\]]*(?=\s|$)|\n")
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

    @cached_property
    def tokens(self) -> list[Word]:
        """The sentence's words, read once from spaCy (the French rules read them several times)."""
        return [
            Word(
                t.text,
                t.lower_,
                t.pos_,
                t.lower_.endswith(CONDITIONAL_ENDINGS) and "Cnd" in t.morph.get("Mood"),
            )
            for t in self.span
        ]


# Endings of the French conditional. Only words with one can be read as conditionals (spin.py),
# so the morphology, slow to read, is read for them alone.
CONDITIONAL_ENDINGS = ("rais", "rait", "rions", "riez", "raient")


@dataclass(frozen=True)
class Word:
    text: str
    lower: str
    pos: str
    conditional: bool  # French conditional mood per spaCy, read for conditional endings only


def _strip_discourse(norm: str, lexicon: Lexicon) -> str:
    lead = norm
    while True:
        found = lexicon.at_start("discourse", lead)
        rest = lead[len(found) :].lstrip(" ,;:-!.") if found else lead
        # A marker is only stripped when something follows it ("so you" keeps its "you").
        if not found or not rest or rest == lead:
            return lead
        lead = rest


def sentence_at(
    doc: Doc, offset: int, text: str, lexicon: Lexicon, question_mark: bool
) -> Sentence | None:
    """The sentence `text`, found at character `offset` of `doc` (None if no token aligns)."""
    span = doc.char_span(offset, offset + len(text), alignment_mode="expand")
    if span is None:
        return None
    norm = normalize(text)
    return Sentence(span, text, norm, _strip_discourse(norm, lexicon), question_mark)


def split_sentences(doc: Doc, lexicon: Lexicon) -> Iterator[Sentence]:
    """Sentences end at . ! ? … or a line break; a sentence needs at least one letter."""
    text = doc.text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    start = 0
    for end in [*ends, len(text)]:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped and _HAS_LETTER.search(stripped):
            offset = start + piece.index(stripped[0])
            sentence = sentence_at(doc, offset, stripped, lexicon, "?" in stripped)
            if sentence is not None:
                yield sentence
        start = end
