"""The simulation's thresholds (data/simulation.yml) and Curieux's own wording
(data/messages.yml), loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from bot.config import data_dir


@lru_cache(maxsize=1)
def simulation_settings() -> dict[str, Any]:
    with open(data_dir() / "simulation.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=1)
def _messages() -> dict[str, Any]:
    with open(data_dir() / "messages.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def messages(lang: str) -> dict[str, Any]:
    """Curieux's wording in `lang` ("fr" or "en"; anything else falls back to English)."""
    table = _messages()
    return table.get(lang, table["en"])
