"""Split a message into sentences, and tell which sentences are questions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from bot.scoring.lexicon import Lexicon, normalize
from bot.scoring.nlp import TAGS_PENDING, TagsPending

# A sentence ends after a run of . ! ? … (with closing quotes or brackets) or at a line break.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»)\]]*(?=\s|$)|\n")
# What may come before the comma of a letter's salutation ("Dear Ms Okafor,").
_OPENING_CLAUSE = re.compile(r"\s*[^,.!?;:…\n]{1,60},(?=\s+\S)")
HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Sentence:
    """One sentence: its text, its normalised text, and `lead`, the normalised text without the
    discourse markers it opens with ("ok, so", « d'accord, et du coup »)."""

    span: Span
    text: str
    norm: str
    lead: str
    question_mark: bool
    words: DocWords  # the whole message's

    @cached_property
    def tokens(self) -> list[Word]:
        """The sentence's words (the French rules read them several times)."""
        return self.words.all[self.span.start : self.span.end]


class Word(NamedTuple):
    """A token's text as the rules read it (a tuple: a doc makes one per token, fast)."""

    text: str
    lower: str
    token: Token

    @property
    def pos(self) -> str:
        if self.token.doc.user_data.get(TAGS_PENDING):
            raise TagsPending
        return self.token.pos_


class DocWords:
    """A doc's words, made on first read and shared by its sentences, their parts and their
    copies (spaCy makes a new Token object at each read). Kept beside the doc, not in it: a
    doc holding its own tokens would only be freed by the garbage collector."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def all(self) -> list[Word]:
        return [Word(t.text, t.lower_, t) for t in self.doc]


def _strip_discourse(norm: str, lexicon: Lexicon) -> str:
    lead = norm
    while True:
        found = lexicon.at_start("discourse", lead)
        rest = lead[len(found) :].lstrip(" ,;:-—–!.") if found else lead
        # A marker is only stripped when something follows it ("so you" keeps its "you").
        if not found or not rest or rest == lead:
            return lead
        lead = rest


def sentence_at(
    words: DocWords, offset: int, text: str, lexicon: Lexicon, question_mark: bool
) -> Sentence | None:
    """The sentence `text`, found at character `offset` of the doc (None if no token aligns)."""
    span = words.doc.char_span(offset, offset + len(text), alignment_mode="expand")
    if span is None:
        return None
    norm = normalize(text)
    return Sentence(span, text, norm, _strip_discourse(norm, lexicon), question_mark, words)


def salutation_end(text: str, lexicon: Lexicon) -> int | None:
    """Where a letter's salutation ends ("Dear Ms Okafor, When the audit overran…", « Bonjour
    Madame Roux, qu'est-ce qui… »): the comma after it, or None. The clause after it is a
    sentence of its own: it may be the question, and must be read from its first word."""
    clause = _OPENING_CLAUSE.match(text)
    if clause and lexicon.at_start("salutation", normalize(clause.group(0))):
        return clause.end()
    return None


def split_sentences(doc: Doc, lexicon: Lexicon, text: str | None = None) -> Iterator[Sentence]:
    """Sentences end at . ! ? …, a line break or a salutation's comma; a sentence needs at least
    one letter. `text` is the doc's text when the caller has it (spaCy rebuilds `doc.text`
    token by token)."""
    text = doc.text if text is None else text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    salutation = salutation_end(text, lexicon)
    if salutation is not None:
        ends = sorted({salutation, *ends})
    words = DocWords(doc)
    start = 0
    for end in [*ends, len(text)]:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped and HAS_LETTER.search(stripped):
            offset = start + piece.index(stripped[0])
            sentence = sentence_at(words, offset, stripped, lexicon, "?" in stripped)
            if sentence is not None:
                yield sentence
        start = end
