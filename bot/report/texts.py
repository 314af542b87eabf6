"""The scorecard's reference figures and wording (data/coaching/), loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from bot.config import data_dir

LANGS = ("fr", "en")


def report_language(lang: str | None) -> str:
    """The language a report is written in: the session's, English if it is not one we have."""
    return lang if lang in LANGS else "en"


@lru_cache(maxsize=1)
def scorecard_settings() -> dict[str, Any]:
    return _load("scorecard.yml")


@lru_cache(maxsize=len(LANGS))
def coaching_texts(lang: str) -> dict[str, Any]:
    """Labels, tips, rewrites and outcome lines in `lang` (see report_language)."""
    return _load(f"{report_language(lang)}.yml")


def _load(name: str) -> dict[str, Any]:
    with open(data_dir() / "coaching" / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)
