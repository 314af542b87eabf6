import gzip
import json
import re
import shutil

import numpy as np
import pytest
from scipy import sparse

from bot.config import PROJECT_ROOT
from bot.scoring import Scorer
from bot.scoring.features import message_row, question_row
from bot.scoring.lexicon import LANGS, get_lexicon
from bot.scoring.model import (
    Prediction,
    fit_language,
    get_models,
    input_hashes,
    manifest_path,
    model_path,
    settle_kind,
    top_words,
)
from bot.scoring.train import build_examples, read_training
from bot.scoring.types import FOCUSES, FORMS, KINDS, SPINS


@pytest.fixture(scope="module")
def training():
    return {lang: read_training(lang) for lang in LANGS}


def test_committed_model_matches_committed_training_data():
    manifest = json.loads(manifest_path().read_text(encoding="utf-8"))
    for lang in LANGS:
        assert manifest["languages"][lang]["inputs"] == input_hashes(lang), (
            f"{lang}: train files or lexicon changed: run `curieux train-scorer`"
        )
        assert get_models(lang) is not None


def _probabilities(models, family: str, rows) -> np.ndarray:
    extractor = models.message_features if family == "kind" else models.question_features
    return models.models[family].classifier.predict_proba(extractor.transform(rows).matrix)


@pytest.mark.parametrize("lang", LANGS)
def test_retraining_reproduces_the_committed_predictions(training, lang):
    """Up to the solver's tolerance: lbfgs stops within 1e-4 of the optimum, and where it stops
    depends on the processor's floating-point kernels (the committed model may come from
    another machine). So probabilities agree to 0.001, and a label or a quoted n-gram may
    differ only on a near-tie."""
    messages, read = training[lang]
    committed = get_models(lang)
    examples = build_examples(messages, read)
    fresh = fit_language(lang, {family: examples[family] for family in committed.models})
    sample = read[::7]
    message_rows = [message_row(score, trace) for score, trace in sample]
    question_rows = [
        question_row(question, trace)
        for score, message in sample
        for question, trace in zip(score.questions, message.questions, strict=True)
    ]
    for family in committed.models:
        rows = message_rows if family == "kind" else question_rows
        gap = np.abs(_probabilities(fresh, family, rows) - _probabilities(committed, family, rows))
        assert gap.max() < 1e-3, family
        pairs = list(zip(fresh.predict(family, rows), committed.predict(family, rows), strict=True))
        same_label = sum(a.label == b.label for a, b in pairs)
        same_quote = sum(a.evidence == b.evidence for a, b in pairs)
        assert same_label >= len(rows) - 2 and same_quote >= 0.99 * len(rows), family


def test_model_labels_stay_consistent_with_the_rubric(training):
    """spin is "none" exactly for opportunistic questions; kind "question" exactly when there
    are questions; a family the model decides carries a model cue."""
    scorer = Scorer()
    for lang, (messages, _) in training.items():
        used = get_models(lang).use
        for score in scorer.score_many([m.text for m in messages], lang):
            assert (score.kind == "question") == bool(score.questions), score.text
            for question in score.questions:
                assert (question.spin == "none") == (question.focus == "opportunistic")
                if "focus" in used:
                    assert any(cue.startswith(("model", "modèle")) for cue in question.cues)


def _named_labels(lang: str) -> dict[str, str]:
    """The label each cue can end on ("→ curieuse"), by its name in the language's cues."""
    lexicon = get_lexicon(lang)
    labels = (*KINDS, *FORMS, *FOCUSES, *SPINS[:-1])
    return {lexicon.cue(f"label.{label}"): label for label in labels}


def _concluded(cue: str, names: dict[str, str]) -> str | None:
    """The label a cue argues for: the words after its last arrow, without a confidence."""
    if "→" not in cue:
        return None
    return names.get(re.sub(r" \([\d.]+\)$", "", cue.rsplit("→ ", 1)[-1]))


def test_no_cue_argues_for_a_label_the_scorer_did_not_give(training):
    """When the model overrules a rule, the rule's cue goes: a trainee must never read
    "about the prospect's world → curious" beside an opportunistic label, nor a French cue
    ending in "→ problem"."""
    scorer = Scorer()
    overruled = 0
    for lang, (messages, read) in training.items():
        names = _named_labels(lang)
        texts = [m.text for m in messages[::4]]
        for score, (rule_score, _) in zip(scorer.score_many(texts, lang), read[::4], strict=True):
            assert {_concluded(c, names) for c in score.cues} <= {None, score.kind}, score.cues
            by_rules = {q.text: q for q in rule_score.questions}
            for question in score.questions:
                labels = {question.form, question.focus, question.spin}
                concluded = {_concluded(c, names) for c in question.cues} - {None}
                # The model's cues name their label in the trainee's language.
                model_cues = [c for c in question.cues if c.startswith(("model", "modèle"))]
                assert None not in {_concluded(c, names) for c in model_cues}, model_cues
                assert concluded <= labels, (question.text, labels, question.cues)
                rule = by_rules.get(question.text)
                overruled += bool(rule and rule.focus != question.focus)
    assert overruled > 100, "the sample must hold questions whose rule labels the model changed"


def test_without_families_the_model_leaves_the_rules_alone(training):
    messages, read = training["en"]
    rules = [score.to_dict() for score, _ in read[:60]]
    copies = Scorer(use_model=False).read_with_rules([m.text for m in messages[:60]], "en")
    get_models("en").apply(copies, {})
    assert [score.to_dict() for score, _ in copies] == rules


def test_a_question_the_rules_missed_can_be_revealed_by_the_kind_model():
    text = "vous seriez prêt à changer de prestataire si le prix baissait"
    [(score, trace)] = Scorer(use_model=False).read_with_rules([text], "fr")
    assert score.questions == [] and trace.hidden_question
    settle_kind(score, trace, Prediction("question", 0.8, "seriez prêt"), get_lexicon("fr"))
    assert score.kind == "question"
    assert [(q.form, q.focus) for q in score.questions] == [("closed", "opportunistic")]
    # The rules' "→ affirmation" goes; the model's reason, in French, replaces it.
    assert score.cues == ["modèle : « seriez prêt » → question (0.80)"]


def test_a_question_the_kind_model_calls_a_reflection_is_dropped():
    [(score, trace)] = Scorer(use_model=False).read_with_rules(["So Mondays are lost?"], "en")
    settle_kind(score, trace, Prediction("reflection", 0.7, None), get_lexicon("en"))
    assert (score.kind, score.questions, score.reflection) == ("reflection", [], True)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("So the audits are a real burden. What's the hardest part?", "en"),
        ("Donc les audits vous pèsent. Est-ce que ça vous a déjà coûté un client ?", "fr"),
    ],
)
@pytest.mark.parametrize("model_kind", ["reflection", "statement", "pitch"])
def test_a_move_followed_by_a_worded_question_stays_a_question(text, lang, model_kind):
    [(score, trace)] = Scorer(use_model=False).read_with_rules([text], lang)
    settle_kind(score, trace, Prediction(model_kind, 0.9, None), get_lexicon(lang))
    assert score.kind == "question" and len(score.questions) == 1


def test_a_long_preamble_does_not_hide_the_question():
    text = (
        "okay I'm just going to ask the question my manager will ask me when I hang up. "
        "When do you expect to make a decision?"
    )
    [(score, trace)] = Scorer(use_model=False).read_with_rules([text], "en")
    settle_kind(score, trace, Prediction("statement", 0.9, None), get_lexicon("en"))
    assert [q.text for q in score.questions] == ["When do you expect to make a decision?"]


def test_the_kind_model_may_still_read_a_worded_question_as_a_greeting():
    text = "How did the match go on Saturday?"  # a question to the rules; small talk to the model
    [(score, trace)] = Scorer(use_model=False).read_with_rules([text], "en")
    assert score.kind == "question"
    settle_kind(score, trace, Prediction("greeting", 0.9, None), get_lexicon("en"))
    assert (score.kind, score.questions) == ("greeting", [])


NAMES = np.array(["the", "raconter", "me raconter", "budget", "of the"])


def _cue_words(row_values: list[list[float]], weights: list[float]) -> list[str | None]:
    """The n-gram a cue quotes for rows of NAMES' tf-idf values, pushed by `weights` (one
    class, so every row's label is class 0)."""
    words = sparse.csr_matrix(np.array(row_values))
    best = np.zeros(words.shape[0], dtype=int)
    return top_words(words, np.array([weights]), best, NAMES, frozenset({"the", "of"}))


def test_a_model_cue_quotes_the_strongest_n_gram_that_is_not_only_function_words():
    # "the" and "of the" push hardest, but "'the' → curious" would teach nothing.
    assert _cue_words([[0.9, 0.1, 0, 0.2, 0.8]], [2.0, 1.0, 1.0, 1.5, 2.0]) == ["budget"]


def test_of_n_grams_that_push_alike_a_model_cue_quotes_the_longest():
    # A word and the bigram that always comes with it: equal pushes, up to a float's last bits.
    tied = [0.5, 0.5 * (1 + 1e-12), 0.5, 0, 0]
    assert _cue_words([tied], [0.0, 1.0, 1.0, 0.0, 0.0]) == ["me raconter"]
    # A clearly stronger word still wins over a longer n-gram.
    assert _cue_words([[0, 0.6, 0.5, 0, 0]], [0.0, 1.0, 1.0, 0.0, 0.0]) == ["raconter"]


def test_a_model_cue_quotes_nothing_when_no_quotable_n_gram_pushes_towards_the_label():
    rows = [[0.7, 0, 0, 0, 0.7], [0, 0.5, 0, 0.5, 0], [0, 0, 0, 0, 0]]
    assert _cue_words(rows, [3.0, -1.0, 0.0, -2.0, 1.0]) == [None, None, None]


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of the data folder the scorer reads, with a fresh model cache."""
    for folder in ("questions", "lexicons", "scorer"):
        shutil.copytree(PROJECT_ROOT / "data" / folder, tmp_path / folder)
    monkeypatch.setenv("CURIEUX_DATA_DIR", str(tmp_path))
    get_models.cache_clear()
    yield tmp_path
    get_models.cache_clear()


def test_a_model_older_than_its_training_data_is_not_used(data_copy, caplog):
    train = data_copy / "questions" / "fr" / "train.tsv"
    train.write_text(train.read_text(encoding="utf-8") + "Je vois.\tstatement\t[]\n")
    assert get_models("fr") is None
    assert "changed since" in caplog.text
    question = Scorer().score("Pourquoi ?", "fr").questions[0]
    assert not any(cue.startswith("modèle") for cue in question.cues)


def test_a_missing_or_broken_model_is_not_used(data_copy, caplog):
    model_path("en").unlink()
    assert get_models("en") is None
    with gzip.open(model_path("fr"), "wb") as handle:
        handle.write(b"not a pickle")
    assert get_models("fr") is None
    assert caplog.text.count("rules only") == 2
    assert Scorer().score("Why?", "en").kind == "question"
