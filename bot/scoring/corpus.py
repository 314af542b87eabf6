"""The labelled trainee messages of data/questions/<lang>/: every `train*.tsv` file is training
data; `test.tsv` is the held-out split; `fresh.tsv` a second held-out split, by other writers.

Only `curieux evaluate` reads the held-out splits; training and development read the train files
only.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from bot.config import data_dir
from bot.scoring.types import FOCUSES, FORMS, KINDS, SPINS

SPLITS = ("train", "test", "fresh")
HELD_OUT_FILES = {"test": "test.tsv", "fresh": "fresh.tsv"}


@dataclass(frozen=True)
class GoldQuestion:
    q: str
    form: str
    focus: str
    spin: str


@dataclass(frozen=True)
class GoldMessage:
    text: str
    kind: str
    questions: tuple[GoldQuestion, ...]
    source: str = ""  # the file's name, e.g. "train-2.tsv"


def _language_dir(lang: str) -> Path:
    return Path(data_dir()) / "questions" / lang


def split_paths(lang: str, split: str) -> list[Path]:
    """The files of a split, sorted: `train` is every train*.tsv file, a held-out split its file."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: expected one of {', '.join(SPLITS)}")
    if split in HELD_OUT_FILES:
        return [_language_dir(lang) / HELD_OUT_FILES[split]]
    return sorted(_language_dir(lang).glob("train*.tsv"))


# The columns of a file with one labelled question a row (a trainer's spreadsheet, say).
QUESTION_COLUMNS = ("text", "form", "focus", "spin")
_ALLOWED = {"kind": KINDS, "form": FORMS, "focus": FOCUSES, "spin": SPINS}


def _checked(name: str, value: object, where: str) -> str:
    label = str(value).strip().lower().replace("-", "_")
    if label not in _ALLOWED[name]:
        allowed = ", ".join(_ALLOWED[name])
        raise ValueError(f"{where}: {name} {value!r} is not one of {allowed}")
    return label


def _labelled_row(row: dict[str, str], where: str, source: str, by_question: bool) -> GoldMessage:
    if not (row.get("text") or "").strip():
        raise ValueError(f"{where}: the text is empty")
    if by_question:
        labels = {name: _checked(name, row[name], where) for name in QUESTION_COLUMNS[1:]}
        question = GoldQuestion(row["text"], **labels)
        return GoldMessage(row["text"], "question", (question,), source)
    questions = []
    for question in json.loads(row["questions"]):
        labels = {name: _checked(name, question[name], where) for name in ("form", "focus", "spin")}
        questions.append(GoldQuestion(str(question["q"]), **labels))
    kind = _checked("kind", row["kind"], where)
    return GoldMessage(row["text"], kind, tuple(questions), source)


def read_file(path: Path) -> list[GoldMessage]:
    """The labelled messages of one file: the corpus format (text, kind, questions) or, for a
    file from outside (`curieux evaluate --gold`), one question a row (text, form, focus,
    spin). Labels are checked; a ValueError names the file and line of the first bad row."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            columns = set(rows.fieldnames or ())
            by_question = set(QUESTION_COLUMNS) <= columns
            if not by_question and not {"text", "kind", "questions"} <= columns:
                raise ValueError(
                    f"{path}: the first line must name the columns: text, kind, questions "
                    f"(the corpus format) or {', '.join(QUESTION_COLUMNS)} (a question a row), "
                    "separated by tabs"
                )
            messages = []
            for line, row in enumerate(rows, start=2):
                where = f"{path}:{line}"
                try:
                    messages.append(_labelled_row(row, where, path.name, by_question))
                except (TypeError, KeyError, AttributeError, json.JSONDecodeError) as error:
                    raise ValueError(f"{where}: malformed row ({error!r})") from error
    except UnicodeDecodeError as error:
        reason = f"{error.reason} at byte {error.start}"
        raise ValueError(f"{path}: not UTF-8 text ({reason})") from error
    except OSError as error:
        raise ValueError(f"{path}: {error.strerror}") from error
    if not messages:
        raise ValueError(f"{path}: no labelled message under the header line")
    return messages


def load_split(lang: str, split: str) -> list[GoldMessage]:
    """Every message of a split, file after file."""
    return [message for path in split_paths(lang, split) for message in read_file(path)]
