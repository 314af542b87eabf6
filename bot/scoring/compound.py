"""Two questions in one sentence: "Who does the planning, and since when?", « Comment vous gérez
les réservations, c'est un logiciel ou le cahier ? ». Each is its own question with its own form:
an open question closed by a yes/no follow-up is the hurried seller's habit."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from bot.scoring.form import label_form, subordinate
from bot.scoring.lexicon import Lexicon, normalize
from bot.scoring.segment import HAS_LETTER, Sentence, sentence_at

# The first question must ask by its words alone: "?" and intonation belong to the last one.
_IMPLICIT_FORMS = frozenset({"intonation", "tag"})
# "Tell me what you sell and who buys it" is one request: a bare "and" only chains questions.
_REQUESTS = frozenset({"open_request", "request_narrow"})
_MIN_WORDS = 2
# A second question has words of its own: "and what doesn't?", "which markets?" only finish
# the first one; a two-word question phrase ("and since when?", « et depuis quand ? ») asks.
_MIN_SECOND_WORDS = 3


@cache
def _boundaries(connectors: frozenset[str]) -> re.Pattern[str]:
    """Where a second question may start: after a comma, or before a chaining word ("and")."""
    words = "|".join(sorted(connectors))
    return re.compile(rf",|\s(?=(?:{words})\s)" if words else ",", re.IGNORECASE)


def _part(sentence: Sentence, start: int, end: int, lexicon: Lexicon) -> Sentence | None:
    """The sub-sentence of `sentence.text[start:end]`, or None when it is too short."""
    piece = sentence.text[start:end]
    stripped = piece.strip(" ,")
    if len(stripped.split()) < _MIN_WORDS:
        return None
    offset = sentence.span.start_char + start + piece.index(stripped[0])
    return sentence_at(sentence.words, offset, stripped, lexicon, sentence.question_mark)


def _asks_by_itself(part: Sentence, lexicon: Lexicon, after_comma: bool) -> bool:
    """A question by its words alone, more than a request frame ("Can you tell me, what…"),
    and neither a time or condition clause ("When orders are late, who…", "Should the figures
    be right, what would…") nor a topic ("What about the people side, is that…")."""
    if subordinate(part.lead, lexicon) or part.lead.startswith(
        tuple(f"{frame} " for frame in lexicon.words.get("not_first_questions", ()))
    ):
        return False
    frame = lexicon.patterns["form.open_request"].search(part.lead)
    if frame and len(part.lead[frame.end() :].split()) < _MIN_WORDS:
        return False
    found = label_form(replace(part, question_mark=True), lexicon)
    implicit = _IMPLICIT_FORMS if after_comma else _IMPLICIT_FORMS | _REQUESTS
    return found is not None and found.rule not in implicit


def _intonation_start(part: Sentence, lexicon: Lexicon) -> bool:
    """« …, vous êtes ouverts à autre chose ? »: a subject, then its verb. Read from the words
    (no tagger): after a subject pronoun and its object pronouns (« vous les faites », « on en
    parle »), French puts the verb, bar a few words (« vous aussi ? »)."""
    words = lexicon.words
    first = part.lead.split(" ", 1)[0]
    if not part.question_mark or first not in words.get("compound_subjects", ()):
        return False
    tokens = part.tokens
    at = next((i for i, t in enumerate(tokens) if first.startswith(normalize(t.lower))), None)
    objects = words.get("object_pronouns", frozenset())
    after = tokens[at + 1 :] if at is not None else []
    verb = next((t for t in after if t.lower not in objects), None)
    return (
        verb is not None
        and HAS_LETTER.search(verb.text) is not None
        and normalize(verb.lower) not in words.get("not_verbs_after_subject", ())
    )


def _opens_question(part: Sentence, lexicon: Lexicon, after_comma: bool) -> bool:
    """Does `part` start a question of its own, not a tag ("…, right?"), the rest of an
    alternative (« …, ou pas ? »), a relative clause (« …, que je compare ? ») or a time clause?"""
    lead, words = part.lead, lexicon.words
    bare = lead.strip(" ?!.…")
    first = part.text.lower().split(" ", 1)[0]
    count = len(bare.split())
    phrase = count == 2 and lexicon.patterns["form.wh_closed"].fullmatch(bare)
    if (
        (count < _MIN_SECOND_WORDS and not phrase)
        or first in words.get("alternatives", ())
        or bare in words.get("asides", ())
        or lexicon.patterns["form.tag"].fullmatch(bare)
    ):
        return False
    asking = lexicon.at_start("form.wh_closed", lead) or lexicon.at_start("form.wh_open", lead)
    # "…, and what they expect" goes on with the first question (a question word, then a
    # subject); "when's their contract up" asks ('s is its verb).
    subject = lead[len(asking) :].split()[:1] if asking and not asking.endswith("'s") else []
    relative = asking in words.get("relative_openers", ()) or (
        subject and subject[0] in words.get("embedded_subjects", ())
    )
    in_clause = subordinate(lead, lexicon)
    # "since when?" asks; "when orders are late" does not.
    clause = lexicon.at_start("form.subordinate", lead) or ""
    if asking and not relative and (not in_clause or len(asking) > len(clause)):
        return True
    if relative or in_clause:
        return False
    inverted = lead.split(" ", 1)[0].endswith(tuple(words.get("inversion_subjects", ())))
    if lexicon.at_start("form.yes_no", lead) or inverted:
        return True
    return after_comma and _intonation_start(part, lexicon)


def split_compound(sentence: Sentence, lexicon: Lexicon) -> list[Sentence]:
    """`sentence`, or the questions it chains; each part before the last must ask by its words
    alone ("How do you plan, is it Excel?"), so "When orders are late, who…" stays whole."""
    connectors = lexicon.words.get("compound_connectors", frozenset())
    boundaries = list(_boundaries(connectors).finditer(sentence.text))
    parts: list[Sentence] = []
    start = 0
    asks: bool | None = None  # whether the whole sentence asks, read once if it matters
    for boundary in boundaries:
        after_comma = boundary.group(0) == ","
        right = _part(sentence, boundary.end(), len(sentence.text), lexicon)
        if right is None or not _opens_question(right, lexicon, after_comma):
            continue
        if asks is None:
            asks = sentence.question_mark or label_form(sentence, lexicon) is not None
        if not asks:
            break
        left = _part(sentence, start, boundary.start(), lexicon)
        if left is not None and _asks_by_itself(left, lexicon, after_comma):
            parts.append(replace(left, question_mark=True))
            start = boundary.end()
    last = _part(sentence, start, len(sentence.text), lexicon) if parts else None
    return [*parts, last] if last else [sentence]
