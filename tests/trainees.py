"""Scripted trainees (data/trainees.yml), used by the service-level and end-to-end tests.
Nothing in bot/ knows these sentences: what the tests check comes from the scorer and personas."""

import yaml

from bot.config import data_dir

_SCRIPTS = yaml.safe_load((data_dir() / "trainees.yml").read_text(encoding="utf-8"))
HURRIED: dict[str, list[str]] = _SCRIPTS["hurried"]
CURIOUS: dict[str, list[str]] = _SCRIPTS["curious"]
