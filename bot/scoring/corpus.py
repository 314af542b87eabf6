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


def read_file(path: Path) -> list[GoldMessage]:
    """The messages of one file; a clear ValueError names the file and line of a bad row."""
    messages = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line, row in enumerate(rows, start=2):
            try:
                questions = tuple(GoldQuestion(**q) for q in json.loads(row["questions"]))
                messages.append(GoldMessage(row["text"], row["kind"], questions, path.name))
            except (TypeError, KeyError, json.JSONDecodeError) as error:
                raise ValueError(f"{path}:{line}: malformed row ({error})") from error
    return messages


def load_split(lang: str, split: str) -> list[GoldMessage]:
    """Every message of a split, file after file."""
    return [message for path in split_paths(lang, split) for message in read_file(path)]
