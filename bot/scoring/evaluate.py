"""`curieux evaluate`: the scorer against the held-out test split, per language, or against a
labelled file from outside the corpus (`--gold`, e.g. a trainer's real transcripts).

Predicted questions are matched to gold questions by text overlap; a gold question with no
match counts as a miss ("(missed)"), a predicted one with no gold as a false alarm ("(none)").
The Markdown report is deterministic, so regenerating it must give the same file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.scoring import get_scorer
from bot.scoring.corpus import GoldMessage, load_split, read_file, split_paths
from bot.scoring.lang import detect_language
from bot.scoring.lexicon import LANGS
from bot.scoring.metrics import EXTRA, MISSED, LabelReport, align
from bot.scoring.model import get_models, model_settings, read_manifest
from bot.scoring.scorer import Scorer
from bot.scoring.types import FOCUSES, FORMS, KINDS, SPINS, MessageScore

FAMILIES = {"form": FORMS, "focus": FOCUSES, "spin": SPINS, "kind": KINDS}
TARGETS = {"form": 0.95, "focus": 0.95, "spin": 0.90, "kind": 0.90}
# A test split of ~170 messages per language: one question moves a small label's F1 a lot.
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 13


@dataclass
class LanguageReport:
    lang: str
    messages: int = 0
    gold_questions: int = 0
    found_questions: int = 0
    matched: int = 0
    families: dict[str, LabelReport] = field(
        default_factory=lambda: {name: LabelReport(labels) for name, labels in FAMILIES.items()}
    )
    # The same (gold, predicted) pairs grouped by message, for the bootstrap interval.
    by_message: list[dict[str, list[tuple[str, str]]]] = field(default_factory=list)

    def add(self, family: str, gold: str, predicted: str) -> None:
        self.families[family].add(gold, predicted)
        self.by_message[-1].setdefault(family, []).append((gold, predicted))

    def interval(self, family: str) -> tuple[float, float]:
        """95% bootstrap interval of the macro-F1: messages resampled with replacement."""
        labels = self.families[family].labels
        # Per message and label: true positives, predictions, gold occurrences.
        counts = np.zeros((len(self.by_message), len(labels), 3))
        for row, pairs in enumerate(self.by_message):
            for gold, predicted in pairs.get(family, ()):
                for k, label in enumerate(labels):
                    counts[row, k] += (
                        gold == label == predicted,
                        predicted == label,
                        gold == label,
                    )
        size = len(self.by_message)
        draws = np.random.default_rng(BOOTSTRAP_SEED).multinomial(
            size, np.full(size, 1 / size), BOOTSTRAP_RESAMPLES
        )
        tp, predicted, support = np.moveaxis(np.tensordot(draws, counts, axes=(1, 0)), 2, 0)
        precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
        recall = np.divide(tp, support, out=np.zeros_like(tp), where=support > 0)
        both = precision + recall
        f1 = np.divide(2 * precision * recall, both, out=np.zeros_like(tp), where=both > 0)
        present = support > 0  # as `macro_f1`: labels absent from a sample are not averaged
        macro = (f1 * present).sum(axis=1) / np.maximum(present.sum(axis=1), 1)
        low, high = np.percentile(macro, [2.5, 97.5])
        return float(low), float(high)


def evaluate_messages(
    messages: list[GoldMessage], lang: str, scorer: Scorer | None = None
) -> LanguageReport:
    scores = (scorer or get_scorer()).score_many((m.text for m in messages), lang=lang)
    return compare(messages, scores, lang)


def compare(
    messages: list[GoldMessage], scores: Iterable[MessageScore], lang: str
) -> LanguageReport:
    """Gold against predicted labels, message by message (in the same order)."""
    report = LanguageReport(lang, messages=len(messages))
    for message, score in zip(messages, scores, strict=True):
        report.by_message.append({})
        report.add("kind", message.kind, score.kind)
        gold, found = list(message.questions), score.questions
        report.gold_questions += len(gold)
        report.found_questions += len(found)
        for gi, pi in align([g.q for g in gold], [q.text for q in found]):
            report.matched += gi is not None and pi is not None
            for name in ("form", "focus", "spin"):
                expected = getattr(gold[gi], name) if gi is not None else EXTRA
                predicted = getattr(found[pi], name) if pi is not None else MISSED
                report.add(name, expected, predicted)
    return report


def _table(rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return lines + ["| " + " | ".join(row) + " |" for row in rows[1:]]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def render_language(report: LanguageReport) -> list[str]:
    lines = [
        f"## {report.lang}",
        "",
        f"{_count(report.messages, 'message')}, {_count(report.gold_questions, 'gold question')}, "
        f"{report.found_questions} found, {report.matched} matched.",
        "",
    ]
    for name, family in report.families.items():
        target = TARGETS[name]
        macro = family.macro_f1()
        verdict = "reached" if macro >= target else "not reached"
        lines += [f"### {name}: macro-F1 {macro:.3f} (target {target:.2f}, {verdict})", ""]
        rows = [["label", "precision", "recall", "F1", "support"]]
        for label, (p, r, f1, support) in family.per_label().items():
            rows.append([label, f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", str(support)])
        lines += _table(rows) + [""]
        gold_labels, predicted_labels, counts = family.confusion()
        rows = [["gold \\ predicted", *predicted_labels]]
        for gold in gold_labels:
            rows.append([gold, *(str(counts.get((gold, p), 0)) for p in predicted_labels)])
        lines += _table(rows) + [""]
    return lines


def _scorer_summary() -> list[str]:
    """Which labels the learned model decides, and its cross-validated scores (manifest)."""
    lines = [
        "## Scorer",
        "",
        "Rules over `data/lexicons/` split each message into its questions (sentences, and "
        "questions chained in one sentence) and label them; then, for the labels below, a "
        "logistic regression over word and character n-grams, counts of SPIN words and the "
        "rules' decisions (`curieux train-scorer`, `data/scorer/`). Training labels were "
        "adjudicated blind where the cross-validated model disagreed "
        "(`data/questions/README.md`). Everything was chosen on the train files only, by "
        f"{model_settings()['folds']}-fold cross-validation whose folds hold out whole files "
        "(each file is one author's batch, so CV scores a writer the model never read), scored "
        "on the train files the lexicons were not written on; the held-out split below only "
        "reports (nothing was tuned on it), with the rules alone shown beside the shipped "
        "scorer.",
        "",
        "| language | labels by the model | CV scored on | CV rules (kind/form/focus/spin) "
        "| CV shipped (kind/form/focus/spin) |",
        "|---|---|---|---|---|",
    ]
    manifest = read_manifest()
    for lang in LANGS:
        models, entry = get_models(lang), manifest.get("languages", {}).get(lang, {})
        used = ", ".join(models.use) if models and models.use else "none (rules only)"
        cv = entry.get("cv_macro_f1", {})
        lines.append(
            f"| {lang} | {used} | {', '.join(entry.get('cv_scored_on', [])) or '-'} "
            f"| {_scores(cv.get('rules'))} | {_scores(cv.get('chosen'))} |"
        )
    return lines + [""]


def _scores(scores: dict[str, float] | None) -> str:
    if not scores:
        return "-"
    return " / ".join(f"{scores[family]:.3f}" for family in ("kind", "form", "focus", "spin"))


@dataclass
class SplitReports:
    """One split scored by the shipped scorer and by its rules alone, per language."""

    shipped: list[LanguageReport]
    rules_alone: list[LanguageReport]


def _summary_table(reports: SplitReports) -> list[str]:
    """Macro-F1 per family: shipped (with its bootstrap interval), then the rules alone."""
    summary = [["scorer", *FAMILIES]]
    for report in reports.shipped:
        scores = []
        for name, family in report.families.items():
            low, high = report.interval(name)
            scores.append(f"{family.macro_f1():.3f} ({low:.2f}–{high:.2f})")
        summary.append([f"{report.lang}, shipped", *scores])
    for report in reports.rules_alone:
        scores = [f"{family.macro_f1():.3f}" for family in report.families.values()]
        summary.append([f"{report.lang}, rules alone", *scores])
    return _table(summary)


def _fresh_section(reports: SplitReports) -> list[str]:
    sizes = ", ".join(
        f"{r.lang} {r.messages} messages / {r.gold_questions} questions" for r in reports.shipped
    )
    return [
        "## Second held-out split: new writers",
        "",
        "`data/questions/<lang>/fresh.tsv` is a realistic mix of practice-session messages "
        "(about 60% questions, hurried to expert sellers, every writing style), written by "
        "authors who wrote no training batch, after the scorer was trained, and labelled with "
        f"the same guidelines ({sizes}). Like the test split, it only reports; the per-label "
        "tables below are the test split's.",
        "",
        *_summary_table(reports),
        "",
    ]


def render_markdown(source: str, reports: SplitReports, fresh: SplitReports | None = None) -> str:
    lines = [
        "# Scorer evaluation",
        "",
        f"Generated by `curieux evaluate` on {source} "
        "(do not edit by hand). Questions are matched to gold questions by text overlap; "
        f"`{MISSED}` is a gold question the scorer did not find, `{EXTRA}` a question it "
        "found that the gold does not have. Targets: macro-F1 ≥ 0.95 for form and focus, "
        "≥ 0.90 for SPIN and kind.",
        "",
        *_scorer_summary(),
        "## Macro-F1",
        "",
        "The shipped scorer, with the 95% bootstrap interval of each figure in brackets "
        f"({BOOTSTRAP_RESAMPLES:,} resamples of the messages, seed {BOOTSTRAP_SEED}: the split "
        "is small, so one question moves a rare label's F1 a lot), and its lexicon rules alone "
        "(`Scorer(use_model=False)`) for comparison. The per-label tables below are the "
        "shipped scorer's.",
        "",
        *_summary_table(reports),
        "",
        *(_fresh_section(fresh) if fresh else []),
    ]
    for report in reports.shipped:
        lines += render_language(report)
    return "\n".join(lines).rstrip() + "\n"


def _score_split(split: str, rules: Scorer) -> SplitReports:
    messages = {lang: load_split(lang, split) for lang in LANGS}
    return SplitReports(
        [evaluate_messages(messages[lang], lang) for lang in LANGS],
        [evaluate_messages(messages[lang], lang, rules) for lang in LANGS],
    )


def evaluate_split(split: str) -> str:
    """The report of `split`; the test split's also reports the fresh split, when it exists."""
    rules = Scorer(use_model=False)
    fresh = None
    if split == "test" and all(split_paths(lang, "fresh")[0].exists() for lang in LANGS):
        fresh = _score_split("fresh", rules)
    source = f"the `{split}` split of `data/questions/`"
    return render_markdown(source, _score_split(split, rules), fresh)


def evaluate_file(path: Path, lang: str) -> str:
    """The report of a labelled file from outside the corpus (`read_file`), per language:
    `lang`, or each message's detected language ("auto"; messages in neither are left out)."""
    messages = read_file(path)
    by_lang = {code: [] for code in LANGS}
    for message in messages:
        found = detect_language(message.text) if lang == "auto" else lang
        if found in by_lang:
            by_lang[found].append(message)
    scored = [code for code in LANGS if by_lang[code]]
    if not scored:
        raise ValueError(f"{path}: no message reads as French or English (try --lang)")
    rules = Scorer(use_model=False)
    reports = SplitReports(
        [evaluate_messages(by_lang[code], code) for code in scored],
        [evaluate_messages(by_lang[code], code, rules) for code in scored],
    )
    left_out = len(messages) - sum(len(found) for found in by_lang.values())
    note = f", {_count(left_out, 'message')} in neither language left out" if left_out else ""
    labelled = _count(len(messages), "labelled message")
    return render_markdown(f"`{path.name}`, {labelled}{note}", reports)


def publish(markdown: str, output: str) -> None:
    """Print a generated report and write it to `output` ("-": print only)."""
    sys.stdout.write(markdown)
    if output != "-":
        Path(output).write_text(markdown, encoding="utf-8")


def run_evaluate(args: argparse.Namespace) -> int:
    try:
        if args.gold:
            publish(evaluate_file(Path(args.gold), args.lang), args.output or "-")
            return 0
        missing = [str(split_paths(lang, "test")[0]) for lang in LANGS]
        missing = [path for path in missing if not Path(path).exists()]
        if missing:
            raise ValueError(f"missing test split: {', '.join(missing)}")
        publish(evaluate_split("test"), args.output or "docs/evaluation.md")
    except ValueError as error:
        print(f"curieux evaluate: {error}", file=sys.stderr)
        return 2
    return 0
