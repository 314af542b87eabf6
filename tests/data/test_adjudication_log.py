"""data/questions/adjudication.tsv lists every training label changed by blind adjudication: each
entry must point at a real question of a train file that now carries the adjudicated label, and
no held-out file may appear in it (the adjudication never read the held-out splits)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parents[2] / "data" / "questions"
LOG = CORPUS_DIR / "adjudication.tsv"
FAMILIES = {"form", "kind", "focus/spin"}


def log_entries() -> list[dict[str, str]]:
    with LOG.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def current_label(lang: str, where: str, family: str) -> str:
    """The label the corpus gives now at `file:line:question` (line numbers count the header)."""
    name, line, index = where.split(":")
    lines = (CORPUS_DIR / lang / name).read_text(encoding="utf-8").split("\n")
    _, kind, questions = lines[int(line) - 1].split("\t")
    if family == "kind":
        return kind
    question = json.loads(questions)[int(index)]
    return question["form"] if family == "form" else f"{question['focus']}/{question['spin']}"


def test_the_log_has_its_documented_columns_and_values() -> None:
    entries = log_entries()
    assert entries, "the adjudication log is empty"
    for entry in entries:
        assert list(entry) == ["lang", "id", "family", "before", "after", "reason"]
        assert entry["lang"] in ("fr", "en") and entry["family"] in FAMILIES, entry
        assert entry["before"] != entry["after"] and entry["reason"].strip(), entry


def test_each_change_points_at_a_train_file_only_once() -> None:
    places = [(e["lang"], e["id"], e["family"]) for e in log_entries()]
    assert len(places) == len(set(places))
    assert all(where.startswith("train") for _, where, _ in places)


def test_the_corpus_carries_every_adjudicated_label() -> None:
    wrong = [
        f"{e['lang']}/{e['id']} {e['family']}: {e['after']} expected"
        for e in log_entries()
        if current_label(e["lang"], e["id"], e["family"]) != e["after"]
    ]
    assert not wrong, wrong
