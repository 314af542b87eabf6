"""The question scorer: a trainee message in, its kind and every question's labels out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from spacy.tokens import Doc

from bot.scoring.compound import split_compound
from bot.scoring.focus import label_focus
from bot.scoring.form import label_form
from bot.scoring.kind import (
    MOVES_BY_PRIORITY,
    restated,
    sentence_moves,
    small_talk,
    spoken_move,
)
from bot.scoring.lang import best_guess, detect_language, language_hits
from bot.scoring.lexicon import LANGS, Lexicon, get_lexicon, get_settings
from bot.scoring.model import get_models
from bot.scoring.nlp import TagsPending, tag, tokenize
from bot.scoring.segment import Sentence, split_sentences
from bot.scoring.spin import count_spin_words, label_spin
from bot.scoring.topics import find_offer, find_topics
from bot.scoring.trace import MessageTrace, QuestionTrace
from bot.scoring.types import MessageScore, QuestionScore

# Control characters (tabs and line breaks aside) and lone surrogates carry no meaning here.
_JUNK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SENTENCE_END = re.compile(r"[.!?…\n]")
# Without "?", these forms ask even when the sentence also reads as a reflection.
_FORMS_NEVER_SPOKEN_MOVES = frozenset({"open_request", "insitu_open", "insitu_closed"})
# Forms a question word opens: a greeting or restating phrase inside such a sentence does not
# make it small talk or a reflection ("have a good weekend" opens like a yes/no question, so
# those forms are not in here).
_WH_FORMS = frozenset({"wh_open", "wh_closed", "what_narrow"})


def _clean(text: str, max_chars: int) -> tuple[str, bool]:
    """Drop junk characters; cut long text at the last sentence end before `max_chars`."""
    text = _JUNK.sub(" ", text)
    if len(text) <= max_chars:
        return text, False
    head = text[:max_chars]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    return head[: ends[-1]] if ends else head, True


@dataclass(frozen=True)
class _Prepared:
    """A message ready for spaCy: cleaned text, and which rules and language label it gets."""

    text: str
    clean: str
    truncated: bool
    rules: str  # the lexicon used: "en" when the language is unknown
    shown_lang: str  # the language reported: the best guess when unknown
    unknown_language: bool


@dataclass
class _Reading:
    """What one sentence does: a question (with its trace) or other moves, and its flags."""

    question: QuestionScore | None = None
    trace: QuestionTrace | None = None
    moves: dict[str, str] = field(default_factory=dict)
    offer: bool = False
    pitch: bool = False


def _read_sentence(sentence: Sentence, lexicon: Lexicon) -> _Reading:
    offer = find_offer(sentence.norm, lexicon)
    form = label_form(sentence, lexicon)
    greeting = small_talk(sentence, lexicon) if form else None
    if greeting:
        return _Reading(moves={"greeting": greeting}, offer=bool(offer))
    spoken = spoken_move(sentence, lexicon, form.rule in _WH_FORMS) if form else {}
    if spoken and form.rule not in _FORMS_NEVER_SPOKEN_MOVES:
        return _Reading(moves=spoken, offer=bool(offer))
    if not form:
        return _Reading(moves=sentence_moves(sentence, lexicon, offer), offer=bool(offer))
    topics = find_topics(sentence.norm, lexicon)
    if form.rule == "intonation" and not topics and not offer:
        reflection = restated(sentence, lexicon)
        if reflection:
            return _Reading(moves={"reflection": reflection})
    if offer and "quote" not in topics and "demo" not in topics:
        topics["quote"] = offer
    focus = label_focus(sentence, lexicon, topics, offer)
    spin = label_spin(sentence, lexicon, focus.value)
    question = QuestionScore(
        text=sentence.text,
        form=form.value,
        focus=focus.value,
        spin=spin.value,
        form_confidence=form.confidence,
        focus_confidence=focus.confidence,
        spin_confidence=spin.confidence,
        topics=list(topics),
        cues=form.cues + focus.cues + spin.cues,
    )
    curious_spin = spin if focus.value == "curious" else label_spin(sentence, lexicon, "curious")
    trace = QuestionTrace(
        form.rule,
        focus.rule,
        spin.rule or "none",
        curious_spin,
        count_spin_words(sentence, lexicon),
        {"form": form.cues, "focus": focus.cues, "spin": spin.cues},
    )
    pitch = focus.rule == "leading" and "product" in topics
    return _Reading(question, trace, offer=bool(offer), pitch=pitch)


class Scorer:
    """Scores trainee messages: lexicon rules, then the learned model (data/scorer/) for the
    labels where it beat the rules in cross-validation. One instance per process (`get_scorer`).
    """

    def __init__(self, use_model: bool = True) -> None:
        self.settings = get_settings()
        self.use_model = use_model

    def score(self, text: str, lang: str = "auto") -> MessageScore:
        return next(self.score_many([text], lang))

    def score_many(
        self, texts: Iterable[str], lang: str = "auto", batch_size: int | None = None
    ) -> Iterator[MessageScore]:
        """Score in order, piping each batch through spaCy per language (constant memory)."""
        if lang not in ("auto", "fr", "en"):
            raise ValueError(f"lang must be 'auto', 'fr' or 'en', not {lang!r}")
        size = batch_size or self.settings["limits"]["batch_size"]
        iterator = iter(texts)
        while batch := list(islice(iterator, size)):
            yield from self._score_batch(batch, lang)

    def read_with_rules(
        self, texts: list[str], lang: str
    ) -> list[tuple[MessageScore, MessageTrace]]:
        """The rules' scores and what they saw (the learned model's input), in order. Each doc
        is read from its tokens first; those whose rules asked for a tag are tagged together
        and read again."""
        messages = [self._prepare(text, lang) for text in texts]
        read: dict[int, tuple[MessageScore, MessageTrace]] = {}
        for rules in LANGS:
            untagged: dict[int, Doc] = {}
            for i, message in enumerate(messages):
                if message.rules != rules:
                    continue
                doc = tokenize(rules, message.clean)
                try:
                    read[i] = self._score_doc(doc, message)
                except TagsPending:
                    untagged[i] = doc
            for i, doc in zip(untagged, tag(rules, list(untagged.values())), strict=True):
                read[i] = self._score_doc(doc, messages[i])
        return [read[i] for i in range(len(messages))]

    def _score_batch(self, texts: list[str], lang: str) -> list[MessageScore]:
        read = self.read_with_rules(texts, lang)
        if self.use_model:
            for rules in LANGS:
                models = get_models(rules)
                if models:
                    models.apply([pair for pair in read if pair[1].lang == rules])
        return [score for score, _ in read]

    def _prepare(self, text: str, lang: str) -> _Prepared:
        if not isinstance(text, str):
            raise TypeError(f"the scorer takes str messages, not {type(text).__name__}")
        clean, truncated = _clean(text, self.settings["limits"]["max_chars"])
        detected = detect_language(clean) if lang == "auto" else lang
        if detected == "unknown":
            return _Prepared(text, clean, truncated, "en", best_guess(language_hits(clean)), True)
        return _Prepared(text, clean, truncated, detected, detected, False)

    def _score_doc(self, doc: Doc, message: _Prepared) -> tuple[MessageScore, MessageTrace]:
        lexicon = get_lexicon(message.rules)
        score = MessageScore(text=message.text, lang=message.shown_lang, kind="statement")
        if message.truncated:
            score.cues.append(lexicon.cue("truncated", len(message.clean)))
        if message.unknown_language:
            # German or Spanish with a "?" is not an English question: nothing to score.
            score.cues += [lexicon.cue("unknown_language"), lexicon.cue("kind.statement")]
            score.kind_confidence = self.settings["confidence"]["kind"]["statement"]
            return score, MessageTrace(None, "statement", (), "?" in message.clean)
        moves: dict[str, str] = {}
        traces: list[QuestionTrace] = []
        sentences = [
            part
            for sentence in split_sentences(doc, lexicon, message.clean)
            for part in split_compound(sentence, lexicon)
        ]
        # The last sentence that is not a greeting or a sign-off ("Best regards, Tom") may
        # hide a question without its "?".
        last_said: Sentence | None = None
        for sentence in sentences:
            reading = _read_sentence(sentence, lexicon)
            if "greeting" not in reading.moves:
                last_said = sentence
            score.offer = score.offer or reading.offer
            score.pitch = score.pitch or reading.pitch
            if reading.question:
                score.questions.append(reading.question)
                traces.append(reading.trace)
            for move, words in reading.moves.items():
                moves.setdefault(move, words)
        score.reflection = "reflection" in moves
        score.pitch = score.pitch or "pitch" in moves
        kind_cue = self._decide_kind(score, moves, lexicon)
        score.cues.append(kind_cue)
        trace = MessageTrace(
            message.rules, score.kind, tuple(moves), "?" in message.clean, traces, kind_cue
        )
        if not score.questions and last_said is not None:
            hidden = _read_sentence(replace(last_said, question_mark=True), lexicon)
            if hidden.question:
                trace.hidden_question = (hidden.question, hidden.trace)
        return score, trace

    def _decide_kind(self, score: MessageScore, moves: dict[str, str], lexicon: Lexicon) -> str:
        """Set the rules' kind; return the cue that decided it."""
        if score.questions:
            score.kind = "question"
            cue = lexicon.cue("kind.question", len(score.questions))
        else:
            score.kind = next((m for m in MOVES_BY_PRIORITY if m in moves), "statement")
            cue = lexicon.cue(f"kind.{score.kind}", moves.get(score.kind, ""))
        score.kind_confidence = self.settings["confidence"]["kind"][score.kind]
        return cue
