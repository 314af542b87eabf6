"""`curieux benchmark`: scorer throughput on one core, against spaCy's bare pipeline.

Two inputs per language, each repeated to a few thousand texts: the gold question texts of the
train files (questions/s: one question per text) and the train messages (messages/s). "Bare" is
spaCy alone over the same texts: the full `fr_core_news_sm` pipeline as shipped (all its
components) for French, `spacy.blank("en")` (the tokenizer) for English. The French scorer tags
only the texts whose rules read a part of speech (bot/scoring/nlp.py). The numbers are printed
and written to the `## Scorer` section of docs/benchmarks.md (other sections are kept).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from threadpoolctl import threadpool_limits

from bot.config import PROJECT_ROOT
from bot.scoring import get_scorer
from bot.scoring.corpus import load_split
from bot.scoring.lexicon import LANGS, get_settings
from bot.scoring.nlp import FRENCH_MODEL

TEXTS_PER_LANGUAGE = 4000
BENCHMARKS_FILE = PROJECT_ROOT / "docs" / "benchmarks.md"
SECTION = "## Scorer"


@dataclass
class Run:
    """The scorer and bare spaCy over the same texts."""

    texts: int
    scorer_seconds: float
    bare_seconds: float

    @property
    def per_second(self) -> float:
        return self.texts / self.scorer_seconds

    @property
    def ratio(self) -> float:
        return self.scorer_seconds / self.bare_seconds


@dataclass
class Measure:
    lang: str
    questions: Run
    messages: Run


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity on this system)"


@cache
def bare_pipeline(lang: str) -> Language:
    """spaCy with nothing of ours: fr_core_news_sm as shipped, or the blank English pipeline."""
    return spacy.load(FRENCH_MODEL) if lang == "fr" else spacy.blank("en")


def _repeated(texts: list[str], count: int) -> list[str]:
    return (texts * (count // max(len(texts), 1) + 1))[:count]


def time_run(lang: str, texts: list[str], repeat: int) -> Run:
    """Best of `repeat` alternated runs (a busy machine slows both alike)."""
    scorer, bare = get_scorer(), bare_pipeline(lang)
    batch_size = get_settings()["limits"]["batch_size"]
    list(scorer.score_many(texts[:batch_size], lang=lang))  # warm-up: load models and caches
    list(bare.pipe(texts[:batch_size], batch_size=batch_size))
    runs = [
        (
            _seconds(lambda: list(scorer.score_many(texts, lang=lang))),
            _seconds(lambda: list(bare.pipe(texts, batch_size=batch_size))),
        )
        for _ in range(repeat)
    ]
    return Run(len(texts), min(r[0] for r in runs), min(r[1] for r in runs))


def measure(lang: str, repeat: int, count: int = TEXTS_PER_LANGUAGE) -> Measure:
    messages = load_split(lang, "train")
    questions = [q.q for m in messages for q in m.questions]
    return Measure(
        lang,
        time_run(lang, _repeated(questions, count), repeat),
        time_run(lang, _repeated([m.text for m in messages], count), repeat),
    )


def _load() -> str:
    if hasattr(os, "getloadavg"):
        return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    return "load average unknown"


def render(measures: list[Measure], pinning: str, repeat: int, load: str = "") -> str:
    rows = [
        f"| {m.lang} | {m.questions.texts} | {m.questions.per_second:,.0f} | "
        f"{m.questions.ratio:.2f}× | {m.messages.texts} | {m.messages.per_second:,.0f} | "
        f"{m.messages.ratio:.2f}× |"
        for m in measures
    ]
    return "\n".join(
        [
            SECTION,
            "",
            "Command: `curieux benchmark` (batch scoring, best of "
            f"{repeat} alternated runs, {pinning}, BLAS/OpenMP threads limited to 1; "
            f"Python {platform.python_version()}, {platform.machine()}{load}).",
            "Questions: the gold question texts of the train files repeated to "
            f"{TEXTS_PER_LANGUAGE} per language; messages: the train messages, likewise. "
            "Cost = scorer time / time of spaCy's bare pipeline over the same texts, where bare is "
            "the full `fr_core_news_sm` pipeline as shipped (all components) for French and "
            '`spacy.blank("en")` (tokenizer only) for English; the scorer itself runs '
            "spaCy's tokenizer, the rules and the model, and fr_core_news_sm's tagger "
            "(tok2vec and morphologizer) only over the texts whose rules read a part of speech. "
            "Goals: ≥ 1,000 questions/s, cost ≤ 1.3×. The English bare pipeline only "
            "tokenizes, so the cost goal is only meaningful for French.",
            "",
            "| language | questions | questions/s | cost vs bare | messages | messages/s | "
            "cost vs bare |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )


def write_section(section: str, path: Path = BENCHMARKS_FILE) -> None:
    """Replace the `## Scorer` section of `path` (or add it), keeping every other section."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def run_benchmark(args: argparse.Namespace) -> int:
    if args.repeat < 1:
        print("curieux benchmark: --repeat must be at least 1")
        return 2
    pinning, load = _pin_to_one_core(), _load()
    with threadpool_limits(limits=1):
        measures = [measure(lang, args.repeat) for lang in LANGS]
    section = render(measures, pinning, args.repeat, f"; {load} before the run")
    print(section)
    write_section(section)
    print(f"written to {BENCHMARKS_FILE}")
    return 0
