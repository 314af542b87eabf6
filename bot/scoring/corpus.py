"""The labelled trainee messages of data/questions/{fr,en}/{train,test}.tsv.

Only `curieux evaluate` reads the test split; training and development read train only.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from bot.config import data_dir

SPLITS = ("train", "test")


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


def split_path(lang: str, split: str) -> Path:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: expected one of {', '.join(SPLITS)}")
    return Path(data_dir()) / "questions" / lang / f"{split}.tsv"


def load_split(lang: str, split: str) -> list[GoldMessage]:
    """The messages of one split; a clear ValueError names the file and line of a bad row."""
    path = split_path(lang, split)
    messages = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line, row in enumerate(rows, start=2):
            try:
                questions = tuple(GoldQuestion(**q) for q in json.loads(row["questions"]))
                messages.append(GoldMessage(row["text"], row["kind"], questions))
            except (TypeError, KeyError, json.JSONDecodeError) as error:
                raise ValueError(f"{path}:{line}: malformed row ({error})") from error
    return messages
