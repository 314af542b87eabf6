"""The learned labels: per language, one logistic regression per label family over n-grams and
the rules' decisions (`bot/scoring/features.py`). Trained by `curieux train-scorer`
(`bot/scoring/train.py`), stored in data/scorer/<lang>.pkl.gz with data/scorer/manifest.json.

The model only takes over the families listed as used in the manifest (the ones where it beat
the rules in cross-validation). A missing, unreadable or stale model (its training files or
lexicon changed since) is ignored with a warning: the rules alone score.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
import yaml
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from bot.config import data_dir
from bot.scoring.corpus import split_paths
from bot.scoring.features import (
    Features,
    Row,
    TextAndRules,
    message_row,
    question_row,
)
from bot.scoring.form import ASKED_BY_WORDS
from bot.scoring.lexicon import Lexicon, get_lexicon
from bot.scoring.trace import MessageTrace, QuestionTrace
from bot.scoring.types import MessageScore, QuestionScore

log = logging.getLogger(__name__)
QUESTION_FAMILIES = ("form", "focus", "spin")
FAMILIES = ("kind", *QUESTION_FAMILIES)
Read = tuple[MessageScore, MessageTrace]


def scorer_dir() -> Path:
    return Path(data_dir()) / "scorer"


@cache
def model_settings() -> dict[str, Any]:
    with (scorer_dir() / "settings.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float
    evidence: str | None  # the word n-gram that pushed most towards `label`


class LabelModel:
    """One label family of one language: a logistic regression over the shared features."""

    def __init__(self, settings: dict[str, Any]) -> None:
        options = settings["classifier"]
        self.classifier = LogisticRegression(
            C=options["C"],
            class_weight=options["class_weight"],
            max_iter=options["max_iter"],
            random_state=settings["seed"],
        )

    def fit(self, features: Features, labels: list[str], weights: list[float]) -> LabelModel:
        self.classifier.fit(features.matrix, labels, weights)
        return self

    def predict(
        self, features: Features, word_names: np.ndarray, never_quoted: frozenset[str]
    ) -> list[Prediction]:
        if features.matrix.shape[0] == 0:
            return []
        probabilities = self.classifier.predict_proba(features.matrix)
        best = probabilities.argmax(axis=1)
        evidence = top_words(features.words, self._weights(), best, word_names, never_quoted)
        return [
            Prediction(str(self.classifier.classes_[k]), float(probabilities[i, k]), evidence[i])
            for i, k in enumerate(best)
        ]

    def _weights(self) -> np.ndarray:
        """Per class, how much each feature pushes towards it (against the other classes)."""
        coef = self.classifier.coef_
        if coef.shape[0] == 1:
            return np.vstack([-coef[0], coef[0]])
        return coef - coef.mean(axis=0)


# Pushes this close count as equal: a word and the bigram that always comes with it push alike,
# and which one wins should not come down to the last bits of a float.
_TIE = 1e-9


def top_words(
    words: sparse.csr_matrix,
    weights: np.ndarray,
    best: np.ndarray,
    names: np.ndarray,
    never_quoted: frozenset[str],
) -> list[str | None]:
    """Per row, the word n-gram whose weight pushed most towards the row's label, leaving out
    n-grams made only of `never_quoted` words; of equal pushes, the longest n-gram (it says
    more: « me raconter » rather than « raconter »)."""
    counts = np.diff(words.indptr)
    rows = np.repeat(np.arange(words.shape[0]), counts)
    pushes = words.data * weights[best[rows], words.indices]
    # Sorted by row, then by push (strongest first): each row's n-grams start at its indptr.
    order = np.lexsort((-pushes, rows))
    found: list[str | None] = [None] * words.shape[0]
    for row in np.flatnonzero(counts):
        chosen, floor = None, 0.0
        for k in order[words.indptr[row] : words.indptr[row + 1]]:
            if pushes[k] <= floor:
                break
            name = str(names[words.indices[k]])
            if not never_quoted.issuperset(name.split()) and (
                chosen is None or name.count(" ") > chosen.count(" ")
            ):
                chosen, floor = name, pushes[k] - _TIE * abs(pushes[k])
        found[row] = chosen
    return found


def _model_cue(lexicon: Lexicon, prediction: Prediction) -> str:
    words = lexicon.cue("model.quoted", prediction.evidence) if prediction.evidence else ""
    label = lexicon.cue(f"label.{prediction.label}")
    return lexicon.cue("model", f"{words} → {label} ({prediction.confidence:.2f})".lstrip())


# Family → the model's least probability for its label to replace the rules' label.
Use = dict[str, float]


@dataclass
class LanguageModels:
    """The trained label families of one language, and where they replace the rules. The kind
    of messages has its feature extractor; the question families share one."""

    lang: str
    message_features: TextAndRules | None = None
    question_features: TextAndRules | None = None
    models: dict[str, LabelModel] = field(default_factory=dict)
    use: Use = field(default_factory=dict)

    def predict(self, family: str, rows: list[Row]) -> list[Prediction]:
        extractor = self.message_features if family == "kind" else self.question_features
        never_quoted = get_lexicon(self.lang).never_quoted_alone
        return self.models[family].predict(
            extractor.transform(rows), extractor.word_names, never_quoted
        )

    def apply(self, read: Sequence[Read], use: Use | None = None) -> None:
        """Relabel the rules' scores in place where the model is used and sure enough (kind
        first: it decides which questions exist)."""
        use = self.use if use is None else use
        lexicon = get_lexicon(self.lang)
        if "kind" in use and read:
            rows = [message_row(score, trace) for score, trace in read]
            for (score, trace), kind in zip(read, self.predict("kind", rows), strict=True):
                if kind.confidence >= use["kind"]:
                    settle_kind(score, trace, kind, lexicon)
        pairs = [
            (question, trace)
            for score, message in read
            for question, trace in zip(score.questions, message.questions, strict=True)
        ]
        families = [family for family in QUESTION_FAMILIES if family in use]
        if not pairs or not families:
            return
        extractor = self.question_features
        features = extractor.transform([question_row(question, trace) for question, trace in pairs])
        predicted = {
            f: self.models[f].predict(features, extractor.word_names, lexicon.never_quoted_alone)
            for f in families
        }
        for i, (question, trace) in enumerate(pairs):
            sure = {f: p[i] for f, p in predicted.items() if p[i].confidence >= use[f]}
            _relabel(question, trace, sure, lexicon)


def _relabel(
    question: QuestionScore, trace: QuestionTrace, sure: dict[str, Prediction], lexicon: Lexicon
) -> None:
    """Take the model's labels where it is sure. A family the model overrules loses the rules'
    cues, so a trainee never reads "→ curious" beside an opportunistic label; where the model
    agrees, its cue goes after every family's leading cue (the coaching note shows the first)."""
    cues = {family: list(trace.rule_cues.get(family, [])) for family in QUESTION_FAMILIES}
    agreeing: list[str] = []

    def take(family: str, prediction: Prediction) -> None:
        cue = _model_cue(lexicon, prediction)
        if getattr(question, family) == prediction.label:
            agreeing.append(cue)
        else:
            cues[family] = [cue]
        setattr(question, family, prediction.label)
        setattr(question, f"{family}_confidence", prediction.confidence)

    for family in ("form", "focus"):
        if family in sure:
            take(family, sure[family])
    if question.focus == "opportunistic":
        if question.spin != "none":
            cues["spin"] = [lexicon.cue("spin.opportunistic")]
        question.spin, question.spin_confidence = "none", question.focus_confidence
    elif "spin" in sure:
        take("spin", sure["spin"])
    elif question.spin == "none":
        question.spin = trace.curious_spin.value
        question.spin_confidence = trace.curious_spin.confidence
        cues["spin"] = list(trace.curious_spin.cues)
    question.cues = [cue for family in QUESTION_FAMILIES for cue in cues[family]] + agreeing


def settle_kind(
    score: MessageScore, trace: MessageTrace, kind: Prediction, lexicon: Lexicon
) -> None:
    """Take the model's kind. It can turn a rule question into another move (its questions are
    dropped), or reveal a question the rules missed; it cannot invent one. A reflection,
    statement or pitch followed by a question is a question: the model cannot call it one of
    those when a "?" sentence asks by its words, however long the talk around it (cross-
    validation prefers this to the model's own reading). Only a greeting may drop such a
    question: "How are you?" asks by its words too."""
    if kind.label == score.kind:
        score.kind_confidence = kind.confidence
        return
    if kind.label != "greeting" and any(
        rule.form_rule in ASKED_BY_WORDS and "?" in question.text
        for question, rule in zip(score.questions, trace.questions, strict=True)
    ):
        return
    if kind.label == "question":
        if not trace.hidden_question:
            return
        question, question_trace = trace.hidden_question
        score.questions, trace.questions = [question], [question_trace]
    else:
        score.questions, trace.questions = [], []
        score.reflection = kind.label == "reflection"
        score.pitch = kind.label == "pitch"
    score.kind, score.kind_confidence = kind.label, kind.confidence
    score.cues = [cue for cue in score.cues if cue != trace.kind_cue] + [_model_cue(lexicon, kind)]


@dataclass
class Examples:
    """Training rows of one label family, their gold labels and sample weights."""

    rows: list[Row] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)


def fit_language(lang: str, examples: dict[str, Examples]) -> LanguageModels:
    """One model per family of `examples`; `use` is set by the caller."""
    settings = model_settings()
    models = LanguageModels(lang)
    if "kind" in examples:
        models.message_features = TextAndRules(settings["features"]).fit(examples["kind"].rows)
    questions = [examples[f].rows for f in QUESTION_FAMILIES if f in examples]
    if questions:
        # Every question family reads the same questions (spin: the curious ones among them).
        models.question_features = TextAndRules(settings["features"]).fit(max(questions, key=len))
    for family, found in examples.items():
        extractor = models.message_features if family == "kind" else models.question_features
        features = extractor.transform(found.rows)
        models.models[family] = LabelModel(settings).fit(features, found.labels, found.weights)
    return models


# --- storage -------------------------------------------------------------------------------


def model_path(lang: str) -> Path:
    return scorer_dir() / f"{lang}.pkl.gz"


def manifest_path() -> Path:
    return scorer_dir() / "manifest.json"


def input_hashes(lang: str) -> dict[str, str]:
    """sha256 of what a language's model was trained from: its train files and its lexicon."""
    root = Path(data_dir())
    paths = [*split_paths(lang, "train"), root / "lexicons" / f"{lang}.yml"]
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in paths
    }


def save(models: LanguageModels) -> None:
    # mtime=0: the same models give the same bytes.
    with gzip.GzipFile(model_path(models.lang), "wb", mtime=0) as handle:
        pickle.dump(models, handle, protocol=pickle.HIGHEST_PROTOCOL)


def _stale_reason(lang: str, manifest: dict[str, Any]) -> str | None:
    entry = manifest.get("languages", {}).get(lang)
    if entry is None:
        return "the manifest has no entry for it"
    if manifest.get("sklearn") != sklearn.__version__:
        return f"trained with scikit-learn {manifest.get('sklearn')}, not {sklearn.__version__}"
    if entry.get("inputs") != input_hashes(lang):
        return "its training files or lexicon changed since (run `curieux train-scorer`)"
    return None


def read_manifest() -> dict[str, Any]:
    """What the committed models were trained from, and their CV scores ({} if none)."""
    try:
        return json.loads(manifest_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@cache
def get_models(lang: str) -> LanguageModels | None:
    """The language's models, or None (with a warning) when they cannot be trusted."""
    try:
        manifest = read_manifest()
        reason = _stale_reason(lang, manifest)
        if reason is None:
            with gzip.open(model_path(lang), "rb") as handle:
                models = pickle.load(handle)
            rules_only = set(model_settings()["rules_only"].get(lang) or ())
            used = manifest["languages"][lang]["use_model"]
            models.use = {f: sure for f, sure in used.items() if f not in rules_only}
            return models
    except (OSError, ValueError, pickle.UnpicklingError, AttributeError, KeyError) as error:
        reason = f"it cannot be read ({error})"
    log.warning("scorer model for %r not used, rules only: %s", lang, reason)
    return None
