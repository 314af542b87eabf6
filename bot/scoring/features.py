"""What the learned model reads: the text's word and character n-grams, plus the rules'
labels, the ids of the rules that fired and the counts of SPIN words (the lexicons' knowledge,
as features)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from bot.scoring.trace import MessageTrace, QuestionTrace
from bot.scoring.types import MessageScore, QuestionScore

Row = tuple[str, dict[str, float]]
SPIN_WORD = "spin_word"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def model_text(text: str) -> str:
    """Lower case with accents kept (« été » is not « ete »), straight apostrophes."""
    return " ".join(text.lower().translate(_APOSTROPHES).split())


def question_row(question: QuestionScore, trace: QuestionTrace) -> Row:
    rules = {
        f"form={question.form}": 1.0,
        f"focus={question.focus}": 1.0,
        f"spin={question.spin}": 1.0,
        f"curious_spin={trace.curious_spin.value}": 1.0,
        f"rule.form={trace.form_rule}": 1.0,
        f"rule.focus={trace.focus_rule}": 1.0,
        f"rule.curious_spin={trace.curious_spin.rule}": 1.0,
        **{f"topic={topic}": 1.0 for topic in question.topics},
        # Capped: a long rant of problem words is not three times more of a problem question.
        **{f"{SPIN_WORD}={family}": min(n, 3) for family, n in trace.spin_words.items()},
    }
    if "?" not in question.text:
        rules["no_question_mark"] = 1.0
    return model_text(question.text), rules


def message_row(score: MessageScore, trace: MessageTrace) -> Row:
    rules = {
        f"kind={trace.rule_kind}": 1.0,
        f"questions={min(len(score.questions), 2)}": 1.0,
        **{f"move={move}": 1.0 for move in trace.moves},
    }
    for flag in ("offer", "reflection", "pitch"):
        if getattr(score, flag):
            rules[f"flag={flag}"] = 1.0
    if trace.question_mark:
        rules["question_mark"] = 1.0
    if trace.hidden_question:
        rules["hidden_question"] = 1.0
    return model_text(score.text), rules


def _word_char_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    """The character n-grams of one space-padded word, as sklearn's `char_wb` makes them."""
    padded = f" {word} "
    grams = []
    for n in range(low, high + 1):
        grams += [padded[i : i + n] for i in range(max(len(padded) - n + 1, 1))]
        if len(padded) <= n:  # a short word is counted once, as a whole
            break
    return tuple(grams)


class WordCharNgrams:
    """sklearn's `char_wb` analyzer, built from the n-grams of each word (see `CharTfidf`)."""

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def __call__(self, text: str) -> list[str]:
        return [g for word in text.split() for g in _word_char_ngrams(word, self.low, self.high)]


def _tfidf(vectorizer: TfidfVectorizer, ids: list[list[int]]) -> sparse.csr_matrix:
    """What `vectorizer.transform` gives, from each text's feature ids: sublinear tf × idf,
    rows of unit length."""
    indptr = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum([len(row) for row in ids], out=indptr[1:])
    indices = np.fromiter(chain.from_iterable(ids), dtype=np.int32, count=indptr[-1])
    shape = (len(ids), len(vectorizer.vocabulary_))
    counts = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=shape)
    counts.sum_duplicates()
    counts.data = (1.0 + np.log(counts.data)) * vectorizer.idf_[counts.indices]
    return normalize(counts)


class WordTfidf:
    """The TF-IDF word n-grams of a fitted vectorizer, read without sklearn's per-text
    overhead (which cost a third of the model's time)."""

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        self.vectorizer = vectorizer
        self.token = re.compile(vectorizer.token_pattern)
        self.low, self.high = vectorizer.ngram_range

    def _ids(self, text: str) -> list[int]:
        tokens, vocabulary = self.token.findall(text.lower()), self.vectorizer.vocabulary_
        grams = (
            " ".join(tokens[i : i + n])
            for n in range(self.low, self.high + 1)
            for i in range(len(tokens) - n + 1)
        )
        return [vocabulary[g] for g in grams if g in vocabulary]

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        return _tfidf(self.vectorizer, [self._ids(text) for text in texts])


class CharTfidf:
    """The TF-IDF character n-grams of a fitted vectorizer, with each word's feature ids
    cached: trainee messages reuse few words, so most of a message is read from the cache
    (sklearn's own `transform` counts every n-gram string again, half the scorer's time)."""

    MAX_CACHED_WORDS = 200_000  # `curieux score` streams a million lines in constant memory

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        self.vectorizer = vectorizer
        self.cache: dict[str, list[int]] = {}

    def _ids(self, word: str) -> list[int]:
        found = self.cache.get(word)
        if found is None:
            if len(self.cache) >= self.MAX_CACHED_WORDS:
                self.cache.clear()
            analyzer, vocabulary = self.vectorizer.analyzer, self.vectorizer.vocabulary_
            grams = _word_char_ngrams(word, analyzer.low, analyzer.high)
            found = self.cache[word] = [vocabulary[g] for g in grams if g in vocabulary]
        return found

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        ids = [[i for word in text.split() for i in self._ids(word)] for text in texts]
        return _tfidf(self.vectorizer, ids)


@dataclass(frozen=True)
class Features:
    matrix: sparse.csr_matrix  # every feature of every row
    words: sparse.csr_matrix  # the word n-gram block alone (cues name its n-grams)


class TextAndRules:
    """Sparse features of rows: TF-IDF word n-grams, TF-IDF char_wb n-grams, rule features
    (scaled by `rule_weight`, SPIN word counts by `spin_word_weight`). Word n-grams come
    first, so cues can name them."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.words = TfidfVectorizer(
            ngram_range=tuple(settings["word_ngrams"]), sublinear_tf=True, token_pattern=r"[\w']+"
        )
        self.chars = TfidfVectorizer(
            analyzer=WordCharNgrams(*settings["char_ngrams"]),
            min_df=settings["char_min_df"],
            sublinear_tf=True,
        )
        self.rules = DictVectorizer()
        self.weights = {"": float(settings["rule_weight"]), SPIN_WORD: settings["spin_word_weight"]}

    def fit(self, rows: list[Row]) -> TextAndRules:
        texts = [text for text, _ in rows]
        self.words.fit(texts)
        self.chars.fit(texts)
        self.rules.fit([rules for _, rules in rows])
        prefixes = [name.split("=")[0] for name in self.rules.get_feature_names_out()]
        self.rule_scale = np.array([self.weights.get(p, self.weights[""]) for p in prefixes])
        # The n-grams min_df left out are kept by sklearn for inspection only: not worth storing.
        del self.words.stop_words_, self.chars.stop_words_
        self.word_names = np.asarray(self.words.get_feature_names_out())
        return self

    # The readers are built on first use and not pickled: the word cache is per process.
    @cached_property
    def char_tfidf(self) -> CharTfidf:
        return CharTfidf(self.chars)

    @cached_property
    def word_tfidf(self) -> WordTfidf:
        return WordTfidf(self.words)

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("char_tfidf", "word_tfidf")}

    def transform(self, rows: list[Row]) -> Features:
        """Features of `rows`; the n-grams of a text repeated in `rows` are read once."""
        distinct = {text: i for i, text in enumerate(dict.fromkeys(text for text, _ in rows))}
        at = [distinct[text] for text, _ in rows]
        words = self.word_tfidf.transform(list(distinct))[at]
        chars = self.char_tfidf.transform(list(distinct))[at]
        rules = self.rules.transform([rules for _, rules in rows]).multiply(self.rule_scale).tocsr()
        return Features(sparse.hstack([words, chars, rules], format="csr"), words)
