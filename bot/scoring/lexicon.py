"""Lexicons and settings of the scorer, loaded once from data/lexicons/ and compiled to regexes.

Patterns are matched on normalised text (see `normalize`), so a lexicon entry written with
accents also matches a trainee who types without them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.config import data_dir

LANGS = ("fr", "en")
_APOSTROPHES = {"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "œ": "oe", "æ": "ae"}


def _unaccented(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# One translation table for apostrophes and Latin accents: much faster than NFKD per string.
_PLAIN = str.maketrans(
    {chr(code): _unaccented(chr(code)) for code in range(0xC0, 0x250)} | _APOSTROPHES
)
_GAP = r"(?:\s+\S+){0,4}?"


def normalize(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces."""
    text = text.lower().translate(_PLAIN)
    if not text.isascii():
        text = _unaccented(text)
    return " ".join(text.split())


def _entry_to_regex(entry: str) -> str:
    """One lexicon entry → regex (syntax documented at the top of data/lexicons/en.yml)."""
    out, previous = "", ""
    for word in normalize(str(entry)).split(" "):
        if word == "...":
            out, previous = out + _GAP, word
            continue
        if out:
            # An elided word (« d' », « (d'|de) ») runs into the next one: « d'investir ».
            out += r"\s*" if re.search(r"'(?:$|\||\))", previous) else r"\s+"
        previous = word
        word = re.sub(r"(?<=\w)-(?=\w)", r"[-\\s]?", word)
        out += re.sub(r"(?<=[\w)])\*", r"\\w*", word).replace("'", "'\\s?")
    return out


def compile_patterns(entries: list[str]) -> re.Pattern[str]:
    """All entries of a list as one regex that only matches whole words (an elided word
    may precede: « l'abonnement »; an entry ending in an elision may run into the next word)."""
    alternatives = sorted((_entry_to_regex(e) for e in entries), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?:(?<=')|(?![\w']))")


@dataclass(frozen=True)
class Lexicon:
    """One language's patterns (keyed like "form.tag", "topics.budget") and cue templates."""

    lang: str
    patterns: dict[str, re.Pattern[str]]
    words: dict[str, frozenset[str]]
    cue_templates: dict[str, str]
    topics: tuple[str, ...]
    # Words a model cue never quotes on their own (« les » → curious teaches a trainee nothing).
    never_quoted_alone: frozenset[str] = frozenset()

    def search(self, key: str, text: str) -> str | None:
        """The first match of pattern `key` in normalised `text`, or None."""
        found = self.patterns[key].search(text)
        return found.group(0) if found else None

    def count(self, key: str, text: str) -> int:
        """How many times pattern `key` matches in normalised `text`."""
        return sum(1 for _ in self.patterns[key].finditer(text))

    def at_start(self, key: str, text: str) -> str | None:
        found = self.patterns[key].match(text)
        return found.group(0) if found else None

    def cue(self, key: str, match: object = "") -> str:
        return self.cue_templates[key].format(m=match)


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, list[str]]:
    flat: dict[str, list[str]] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _read_yaml(name: str) -> dict[str, Any]:
    path = Path(data_dir()) / "lexicons" / name
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def get_lexicon(lang: str) -> Lexicon:
    raw = _read_yaml(f"{lang}.yml")
    words = {key: frozenset(str(w).lower() for w in values) for key, values in raw["words"].items()}
    cues = _read_yaml(f"cues/{lang}.yml")
    never_quoted = frozenset(str(w).lower() for w in cues.pop("never_quoted_alone", ()))
    patterns = {
        key: compile_patterns(entries)
        for key, entries in _flatten({k: v for k, v in raw.items() if k != "words"}).items()
    }
    return Lexicon(lang, patterns, words, cues, tuple(raw["topics"]), never_quoted)


@cache
def get_settings() -> dict[str, Any]:
    return _read_yaml("settings.yml")


@cache
def foreign_markers() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _read_yaml("foreign.yml")["markers"])
