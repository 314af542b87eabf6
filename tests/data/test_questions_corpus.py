"""Checks the hand-labelled question corpus (data/questions/) against its documented format."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot.scoring.types import FOCUSES, FORMS, KINDS, SPINS

CORPUS_DIR = Path(__file__).resolve().parents[2] / "data" / "questions"
LANGS = ("fr", "en")
SPLITS = ("train", "test")
HEADER = ["text", "kind", "questions"]
QUESTION_KEYS = ["q", "form", "focus", "spin"]
MIN_MESSAGES_PER_LANG = 450
MIN_TEST_SHARE = 0.25
# Rackham: depth (implication, need-payoff) is what coaching rewards, so both must be well covered.
MIN_DEEP_SPIN_QUESTIONS = 40


def corpus_files(lang: str) -> list[Path]:
    """The original random split (train, test), every extra training batch (train-*.tsv) and
    the second held-out split (fresh.tsv)."""
    lang_dir = CORPUS_DIR / lang
    extra_batches = sorted(lang_dir.glob("train-*.tsv"))
    return (
        [lang_dir / f"{split}.tsv" for split in SPLITS] + extra_batches + [lang_dir / "fresh.tsv"]
    )


ALL_FILES = [path for lang in LANGS for path in corpus_files(lang)]
FILE_IDS = [f"{path.parent.name}/{path.name}" for path in ALL_FILES]


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, columns) for every data line of one file; the header is checked separately."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(number, line.split("\t")) for number, line in enumerate(lines[1:], start=2)]


@pytest.mark.parametrize("path", ALL_FILES, ids=FILE_IDS)
def test_header_is_exact(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.split("\t") == HEADER


@pytest.mark.parametrize("path", ALL_FILES, ids=FILE_IDS)
def test_every_row_is_well_formed_and_consistent(path: Path) -> None:
    errors = []
    for number, columns in read_rows(path):
        where = f"{path.parent.name}/{path.name}:{number}"
        if len(columns) != 3:
            errors.append(f"{where}: {len(columns)} columns")
            continue
        text, kind, raw_questions = columns
        if not text.strip() or text != text.strip():
            errors.append(f"{where}: empty text or surrounding spaces")
        if kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind!r}")
        try:
            questions = json.loads(raw_questions)
        except json.JSONDecodeError as error:
            errors.append(f"{where}: questions is not JSON ({error})")
            continue
        if not isinstance(questions, list):
            errors.append(f"{where}: questions is not a list")
            continue
        if (kind == "question") != bool(questions):
            errors.append(f"{where}: kind {kind!r} with {len(questions)} questions")
        errors += [f"{where}: {problem}" for problem in question_problems(text, questions)]
    assert not errors, "\n".join(errors)


def question_problems(text: str, questions: list) -> list[str]:
    """What is wrong with the labelled questions of one message (empty when all is well)."""
    problems = []
    for question in questions:
        if not isinstance(question, dict) or list(question) != QUESTION_KEYS:
            problems.append(f"question must have exactly the keys {QUESTION_KEYS}: {question}")
            continue
        if not question["q"] or question["q"].lower() not in text.lower():
            problems.append(f"q {question['q']!r} does not occur in the text")
        if question["form"] not in FORMS:
            problems.append(f"unknown form {question['form']!r}")
        if question["focus"] not in FOCUSES:
            problems.append(f"unknown focus {question['focus']!r}")
        if question["spin"] not in SPINS:
            problems.append(f"unknown spin {question['spin']!r}")
        if (question["spin"] == "none") != (question["focus"] == "opportunistic"):
            problems.append(f"spin {question['spin']!r} with focus {question['focus']!r}")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_sizes_and_held_out_share(lang: str) -> None:
    # Measured on the original random split only: extra training batches came later.
    train, test = (len(read_rows(CORPUS_DIR / lang / f"{split}.tsv")) for split in SPLITS)
    assert train + test >= MIN_MESSAGES_PER_LANG
    assert test / (train + test) >= MIN_TEST_SHARE


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_is_repeated_within_or_across_splits(lang: str) -> None:
    seen: dict[str, str] = {}
    repeats = []
    for path in corpus_files(lang):
        for number, columns in read_rows(path):
            key = columns[0].strip().lower()
            if key in seen:
                repeats.append(f"{path.name}:{number} repeats {seen[key]}: {columns[0]!r}")
            seen.setdefault(key, f"{path.name}:{number}")
    assert not repeats, "\n".join(repeats)


@pytest.mark.parametrize("lang", LANGS)
def test_implication_and_need_payoff_are_well_covered(lang: str) -> None:
    spins = Counter(
        question["spin"]
        for path in corpus_files(lang)
        for _, columns in read_rows(path)
        for question in json.loads(columns[2])
    )
    assert spins["implication"] >= MIN_DEEP_SPIN_QUESTIONS
    assert spins["need_payoff"] >= MIN_DEEP_SPIN_QUESTIONS
