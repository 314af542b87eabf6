"""Open or closed (MITI): does the question invite the prospect to elaborate?"""

from __future__ import annotations

import re

from bot.scoring.label import Label
from bot.scoring.lexicon import Lexicon, get_settings, normalize
from bot.scoring.segment import HAS_LETTER, Sentence

# "what"/"quel" ask for a description unless a one-fact noun follows (see _narrow_what).
_WHAT_WORDS = frozenset({"what", "what's", "whats", "quel", "quelle", "quels", "quelles"})
# After a request frame ("can you tell me"), these make it a yes/no or one-fact question.
_CLOSED_AFTER_REQUEST = re.compile(r"\s*(?:if|whether|si|s'il|s'ils|s')\b")
_VERBS = frozenset({"VERB", "AUX"})
# A comma or a spoken dash ends a fronted topic: "So the patrols — how do you prove…?".
_CLAUSE_BREAK = re.compile(r",|\s[—–-]+\s")


def _conf(key: str) -> float:
    return get_settings()["confidence"]["form"][key]


def _closed(lexicon: Lexicon, key: str, match: str) -> Label:
    return Label("closed", _conf(key), [lexicon.cue(f"form.{key}", match)], key)


def _open(lexicon: Lexicon, key: str, match: str) -> Label:
    return Label("open", _conf(key), [lexicon.cue(f"form.{key}", match)], key)


def _tag(sentence: Sentence, lexicon: Lexicon) -> str | None:
    if "," not in sentence.norm:
        return None
    tail = sentence.norm.rsplit(",", 1)[1].strip(" ?!.…")
    found = lexicon.patterns["form.tag"].fullmatch(tail)
    return found.group(0) if found else None


def _either_or(text: str, lexicon: Lexicon, need_comma: bool) -> str | None:
    found = lexicon.patterns["form.either_or"].search(text)
    if not found or (need_comma and not re.search(r"[,:]", text[: found.start()])):
        return None
    return found.group(0)


def _narrow_what(lead: str, lexicon: Lexicon) -> str | None:
    """ "What CRM…", "what's the cost of…", « quel est votre budget »: what + a one-fact noun
    (after articles and the verb "be", and at most one adjective)."""
    words = lead.split()
    if not words or words[0] not in _WHAT_WORDS:
        return None
    fillers = lexicon.words["what_fillers"]
    rest = words[1:]
    while rest and rest[0] in fillers:
        rest = rest[1:]
    for skip in (0, 1):
        noun = lexicon.at_start("form.narrow", " ".join(rest[skip:]))
        if noun:
            return f"{words[0]} … {noun}"
    return None


def subordinate(clause: str, lexicon: Lexicon) -> bool:
    """ "when orders are late" (not "when did it start"): a time or condition clause, not a
    question, when no auxiliary or inverted verb follows the opening word."""
    opener = lexicon.at_start("form.subordinate", clause)
    if not opener:
        return False
    rest = clause[len(opener) :].strip()
    return not (lexicon.at_start("form.yes_no", rest) or "-" in rest.split(" ", 1)[0])


def clauses(sentence: Sentence, lexicon: Lexicon) -> list[str]:
    """Where a question may start: the lead, then after each comma or dash ("When orders are
    late, what…", « Et les relances — qui s'en occupe ? »); a leading time or condition clause
    is skipped."""
    parts = [part.strip() for part in _CLAUSE_BREAK.split(sentence.lead)]
    found = [sentence.lead] + [part for part in parts[1:] if part]
    return found[1:] if len(found) > 1 and subordinate(parts[0], lexicon) else found


# Rules that find a question in its words (not in intonation or a tag): with a "?", the
# sentence asks, whatever precedes it ("So the audits are a burden. What's the hardest part?").
ASKED_BY_WORDS = frozenset(
    {
        "wh_open",
        "wh_closed",
        "what_narrow",
        "insitu_open",
        "insitu_closed",
        "yes_no",
        "inversion",
        "open_request",
        "request_narrow",
    }
)


def _embedded(lead: str, opening: str, lexicon: Lexicon) -> bool:
    """ "What we do is simple.": a question word followed by a subject, without "?"."""
    rest = lead[len(opening) :].split()
    return bool(rest) and rest[0] in lexicon.words.get("embedded_subjects", frozenset())


def _request(sentence: Sentence, lexicon: Lexicon) -> Label | None:
    found = lexicon.patterns["form.open_request"].search(sentence.lead)
    if not found:
        return None
    after = sentence.lead[found.end() :]
    narrow = lexicon.at_start("form.wh_closed", after.lstrip(" ,:")) or (
        _CLOSED_AFTER_REQUEST.match(after) and after.split()[0]
    )
    if narrow:
        return _closed(lexicon, "request_narrow", narrow)
    return _open(lexicon, "open_request", found.group(0))


def _question_word(sentence: Sentence, lexicon: Lexicon) -> Label | None:
    for lead in clauses(sentence, lexicon):
        found = _question_word_at_start(lead, lexicon, sentence.question_mark)
        if found:
            return found
    return None


def _question_word_at_start(lead: str, lexicon: Lexicon, question_mark: bool) -> Label | None:
    closed = lexicon.at_start("form.wh_closed", lead)
    opening = closed or lexicon.at_start("form.wh_open", lead)
    if not opening:
        return None
    # Without "?": "What we do is simple." states, "How interesting." exclaims; "How long." asks.
    if not question_mark and (
        _embedded(lead, opening, lexicon)
        or (not closed and lexicon.at_start("form.exclamation", lead))
    ):
        return None
    if closed:
        return _closed(lexicon, "wh_closed", closed)
    choice = _either_or(lead, lexicon, need_comma=True)
    if choice:
        return _closed(lexicon, "either_or", choice)
    narrow = _narrow_what(lead, lexicon)
    if narrow:
        return _closed(lexicon, "what_narrow", narrow)
    return _open(lexicon, "wh_open", opening)


def _inversion(sentence: Sentence, lexicon: Lexicon) -> str | None:
    """« Avez-vous… », « Y a-t-il… »: a word followed by its hyphenated subject (French). Only a
    verb takes one, so the word is not checked against the tagger, which often reads a verb
    opening a sentence as a proper noun (« Utilisez-vous »)."""
    subjects = lexicon.words.get("inversion_subjects", frozenset())
    tokens = sentence.tokens
    for previous, token in zip(tokens, tokens[1:], strict=False):
        if token.lower in subjects and HAS_LETTER.search(previous.text):
            return previous.text + token.text
    return None


def _one_fact(tokens: list, i: int, lexicon: Lexicon) -> bool:
    """« à quelle fréquence », « quel logiciel »: « quel » asks for one fact, save « de quelle
    manière » (in what way)."""
    rest = normalize(" ".join(token.text for token in tokens[i + 1 :]))
    return not lexicon.at_start("form.insitu_which_open", rest)


def _in_situ(sentence: Sentence, lexicon: Lexicon) -> Label | None:
    """« Vous faites comment ? », « C'est quoi… », « Vous êtes combien ? », « Vous les relancez
    à quelle fréquence », « Vous faites l'inventaire quand » (French)."""
    words = lexicon.words
    which = words.get("insitu_which", frozenset())
    question_words = (
        words.get("insitu_open", frozenset()) | words.get("insitu_closed", frozenset()) | which
    )
    subjects = words.get("subject_pronouns", frozenset())
    objects = words.get("object_pronouns", frozenset())
    tokens = sentence.tokens
    last = max((i for i, token in enumerate(tokens) if HAS_LETTER.search(token.text)), default=0)
    for i, token in enumerate(tokens[1:], start=1):
        lower = token.lower
        if lower not in question_words:
            continue
        before = tokens[i - 1]
        if lower in which and before.lower in words.get("insitu_which_not_after", ()):
            continue
        said_by_subject = any(t.lower in subjects for t in tokens[:i])
        # The small model often tags « faites » as an adjective: after a subject pronoun (and
        # an object one: « vous les faites »), the word is the verb all the same. The words are
        # read before the tags, which are read only when they decide.
        after_verb = (
            (i > 1 and tokens[i - 2].lower in subjects)
            or (i > 2 and tokens[i - 2].lower in objects and tokens[i - 3].lower in subjects)
            # Last word of a sentence a subject opened: « vous faites l'inventaire quand ».
            or (i == last and lower not in which and said_by_subject)
            # « vous les relancez à quelle fréquence »: the tagger often misses the verb.
            or (lower in which and before.pos == "ADP" and said_by_subject)
            or before.pos in _VERBS
            or (before.pos == "ADP" and i > 1 and tokens[i - 2].pos in _VERBS)
        )
        if after_verb:
            closed = lower in words["insitu_closed"] or (
                lower in which and _one_fact(tokens, i, lexicon)
            )
            rule = "insitu_closed" if closed else "insitu_open"
            cue = lexicon.cue(f"form.{rule}", token.text)
            confidence = _conf("wh_closed" if closed else "wh_open")
            return Label("closed" if closed else "open", confidence, [cue], rule)
    return None


def label_form(sentence: Sentence, lexicon: Lexicon) -> Label | None:
    """Open or closed, or None when the sentence has no interrogative form and no "?"."""
    tag = _tag(sentence, lexicon) if sentence.question_mark else None
    if tag:
        return _closed(lexicon, "tag", tag)
    found = _request(sentence, lexicon) or _question_word(sentence, lexicon)
    if found:
        return found
    starts = (lexicon.at_start("form.yes_no", c) for c in clauses(sentence, lexicon))
    yes_no = next(filter(None, starts), None)
    inverted = yes_no or _inversion(sentence, lexicon)
    found = _in_situ(sentence, lexicon) if not inverted else None
    if found:
        return found
    if not inverted and not sentence.question_mark:
        return None
    choice = _either_or(sentence.lead, lexicon, need_comma=False)
    if choice:
        return _closed(lexicon, "either_or", choice)
    if yes_no:
        return _closed(lexicon, "yes_no", yes_no)
    if inverted:
        return _closed(lexicon, "inversion", inverted)
    return _closed(lexicon, "intonation", "")
