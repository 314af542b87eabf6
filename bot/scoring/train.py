"""`curieux train-scorer`: train the learned labels from the train files (never the test split).

Per language: the rules read every training message; their questions are matched to the gold
ones (as `curieux evaluate` does) to give one example per question, and every message gives a
kind example. k-fold cross-validation then picks, family by family, where the model beats the
rules; the final models are fitted on all the training messages and written to data/scorer/
with a manifest of what they were built from. Folds hold out whole train files: each file is
one author's batch, so the scores measure what the model does on a writer it never read
(random folds would let it recognise near-twins written by the same author).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import sklearn
from sklearn.model_selection import GroupKFold

from bot.scoring.corpus import GoldMessage, load_split
from bot.scoring.evaluate import compare
from bot.scoring.features import Row, message_row, question_row
from bot.scoring.lexicon import LANGS
from bot.scoring.metrics import align
from bot.scoring.model import (
    FAMILIES,
    Examples,
    LanguageModels,
    Read,
    Use,
    fit_language,
    input_hashes,
    manifest_path,
    model_settings,
    save,
)
from bot.scoring.scorer import Scorer


def read_training(lang: str) -> tuple[list[GoldMessage], list[Read]]:
    """The train messages of a language and what the rules make of them."""
    messages = load_split(lang, "train")
    return messages, Scorer(use_model=False).read_with_rules([m.text for m in messages], lang)


def build_examples(messages: list[GoldMessage], read: list[Read]) -> dict[str, Examples]:
    """Rows, gold labels and weights per family. A gold question the rules did not find teaches
    nothing (there is no rule reading of it), except through the question its message hides."""
    settings = model_settings()
    examples = {family: Examples() for family in FAMILIES}

    def add(family: str, row: Row, label: str, weight: float) -> None:
        examples[family].rows.append(row)
        examples[family].labels.append(label)
        examples[family].weights.append(weight)

    for message, (score, trace) in zip(messages, read, strict=True):
        tuned = message.source in settings["lexicons_tuned_on"]
        weight = settings["tuned_file_weight"] if tuned else 1.0
        add("kind", message_row(score, trace), message.kind, weight)
        found = list(zip(score.questions, trace.questions, strict=True))
        if not found and trace.hidden_question:
            found = [trace.hidden_question]
        pairs = align([g.q for g in message.questions], [q.text for q, _ in found])
        for gi, pi in pairs:
            if gi is None or pi is None:
                continue
            gold, row = message.questions[gi], question_row(*found[pi])
            add("form", row, gold.form, weight)
            add("focus", row, gold.focus, weight)
            if gold.focus == "curious":
                add("spin", row, gold.spin, weight)
    return examples


def _subset(items: list, indices) -> list:
    return [items[i] for i in indices]


def validation_indices(messages: list[GoldMessage]) -> list[int]:
    """The messages cross-validation scores on: those of files the lexicons were not written
    on, or all of them when there are none."""
    tuned = set(model_settings()["lexicons_tuned_on"])
    fresh = [i for i, message in enumerate(messages) if message.source not in tuned]
    return fresh or list(range(len(messages)))


def file_folds(messages: list[GoldMessage]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) message indices per fold; a file is never split between the two. With
    fewer files than folds, one file per fold (a single file cannot be cross-validated)."""
    sources = [message.source for message in messages]
    folds = GroupKFold(min(model_settings()["folds"], len(set(sources))))
    return list(folds.split(messages, groups=sources))


class CrossValidation:
    """Out-of-fold scores of any choice of model families (the models are fitted once per fold)."""

    def __init__(self, lang: str, messages: list[GoldMessage], read: list[Read]) -> None:
        self.lang, self.messages, self.read = lang, messages, read
        self.folds = [
            (
                test,
                fit_language(lang, build_examples(_subset(messages, train), _subset(read, train))),
            )
            for train, test in file_folds(messages)
        ]

    def macro_f1(self, use: Use) -> dict[str, float]:
        """Out-of-fold macro-F1 per family, on the messages the lexicons were not written on."""
        scores = [None] * len(self.messages)
        for test, models in self.folds:
            copies = copy.deepcopy(_subset(self.read, test))
            models.apply(copies, use)
            for i, (score, _) in zip(test, copies, strict=True):
                scores[i] = score
        kept = validation_indices(self.messages)
        report = compare(_subset(self.messages, kept), _subset(scores, kept), self.lang)
        return {family: round(report.families[family].macro_f1(), 4) for family in FAMILIES}


def choose_families(cv: CrossValidation) -> tuple[Use, dict[str, dict]]:
    """Greedy, in the settings' order: a family replaces the rules (from the least confidence
    that does best) when it raises the mean macro-F1 by more than `min_gain`."""
    settings = model_settings()
    use: Use = {}
    everything = {family: 0.0 for family in FAMILIES}
    scores = {"rules": cv.macro_f1(use), "model (all families)": cv.macro_f1(everything)}
    best = scores["rules"]
    for family in settings["families"]:
        for least in settings["min_confidence_grid"]:
            trial = cv.macro_f1({**use, family: least})
            if _mean(trial) > _mean(best) + settings["min_gain"]:
                use, best = {**use, family: least}, trial
    scores["chosen"] = best
    return use, scores


def _mean(scores: dict[str, float]) -> float:
    return sum(scores.values()) / len(scores)


def train_language(lang: str) -> tuple[LanguageModels, dict]:
    """Cross-validate, choose the families, fit on all the training messages."""
    messages, read = read_training(lang)
    use, scores = choose_families(CrossValidation(lang, messages, read))
    examples = build_examples(messages, read)
    # Only the families that replace the rules are stored.
    models = fit_language(lang, {family: examples[family] for family in sorted(use)})
    models.use = use
    validated_on = sorted({messages[i].source for i in validation_indices(messages)})
    entry = {
        "inputs": input_hashes(lang),
        "messages": len(messages),
        "cv_scored_on": validated_on,
        "examples": {family: len(found.labels) for family, found in examples.items()},
        "use_model": use,
        "cv_macro_f1": scores,
    }
    return models, entry


def run_train_scorer(args: argparse.Namespace) -> int:
    settings = model_settings()
    manifest = {
        "sklearn": sklearn.__version__,
        "seed": settings["seed"],
        "folds": settings["folds"],
        "languages": {},
    }
    # One process per language: fitting is single-threaded, so two cores halve the wait.
    with ProcessPoolExecutor(max_workers=min(len(LANGS), os.cpu_count() or 1)) as pool:
        trained = [pool.submit(train_language, lang) for lang in LANGS]
        try:
            results = [future.result() for future in trained]
        except ValueError as error:
            print(f"curieux train-scorer: {error}", file=sys.stderr)
            return 2
    for lang, (models, entry) in zip(LANGS, results, strict=True):
        save(models)
        manifest["languages"][lang] = entry
        used = ", ".join(f"{f} (p ≥ {p})" for f, p in entry["use_model"].items())
        print(f"{lang}: model used for {used or 'nothing'}")
        for name, scores in entry["cv_macro_f1"].items():
            print(f"  CV {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    manifest_path().write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"written to {manifest_path().parent}")
    return 0
