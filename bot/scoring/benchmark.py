"""`curieux benchmark`: scorer throughput on one core, against spaCy's bare pipeline.

The texts are the train split's messages, repeated to a few thousand per language. "Bare" is
the same spaCy pipeline the scorer runs (fr_core_news_sm with the same components, or the
blank English tokenizer) over the same texts, without any rule. The numbers are printed and
written to the `## Scorer` section of docs/benchmarks.md (other sections are kept).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.scoring import get_scorer
from bot.scoring.corpus import load_split
from bot.scoring.lexicon import LANGS, get_settings
from bot.scoring.nlp import get_pipeline

TEXTS_PER_LANGUAGE = 4000
BENCHMARKS_FILE = PROJECT_ROOT / "docs" / "benchmarks.md"
SECTION = "## Scorer"


@dataclass
class Measure:
    lang: str
    messages: int
    questions: int
    scorer_seconds: float
    bare_seconds: float

    @property
    def questions_per_second(self) -> float:
        return self.questions / self.scorer_seconds

    @property
    def messages_per_second(self) -> float:
        return self.messages / self.scorer_seconds

    @property
    def ratio(self) -> float:
        return self.scorer_seconds / self.bare_seconds


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


def measure(lang: str, repeat: int, count: int = TEXTS_PER_LANGUAGE) -> Measure:
    base = [m.text for m in load_split(lang, "train")]
    texts = (base * (count // len(base) + 1))[:count]
    scorer, pipeline = get_scorer(), get_pipeline(lang)
    batch_size = get_settings()["limits"]["batch_size"]
    list(scorer.score_many(texts[:batch_size], lang=lang))  # warm-up: load models and caches
    questions = sum(len(s.questions) for s in scorer.score_many(texts, lang=lang))
    # Alternate the two runs so that a busy machine slows both alike; keep the best of each.
    runs = [
        (
            _seconds(lambda: list(scorer.score_many(texts, lang=lang))),
            _seconds(lambda: list(pipeline.pipe(texts, batch_size=batch_size))),
        )
        for _ in range(repeat)
    ]
    scorer_seconds, bare_seconds = min(r[0] for r in runs), min(r[1] for r in runs)
    return Measure(lang, len(texts), questions, scorer_seconds, bare_seconds)


def _load() -> str:
    if hasattr(os, "getloadavg"):
        return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    return "load average unknown"


def render(measures: list[Measure], pinning: str, repeat: int, load: str = "") -> str:
    total_questions = sum(m.questions for m in measures)
    scorer_seconds = sum(m.scorer_seconds for m in measures)
    bare_seconds = sum(m.bare_seconds for m in measures)
    rows = [
        f"| {m.lang} | {m.messages} | {m.questions} | {m.messages_per_second:,.0f} | "
        f"{m.questions_per_second:,.0f} | {m.ratio:.2f}× |"
        for m in measures
    ]
    rows.append(
        f"| both | {sum(m.messages for m in measures)} | {total_questions} | "
        f"{sum(m.messages for m in measures) / scorer_seconds:,.0f} | "
        f"{total_questions / scorer_seconds:,.0f} | {scorer_seconds / bare_seconds:.2f}× |"
    )
    return "\n".join(
        [
            SECTION,
            "",
            "Command: `curieux benchmark` (batch scoring of the train messages repeated to "
            f"{TEXTS_PER_LANGUAGE} per language, best of {repeat} alternated runs, {pinning}; "
            f"Python {platform.python_version()}, {platform.machine()}{load}).",
            "Cost = scorer time / time of spaCy's bare pipeline over the same texts "
            "(fr_core_news_sm with the scorer's components; blank English tokenizer). "
            "Goals: ≥ 1,000 questions/s, cost ≤ 1.3×.",
            "",
            "| language | messages | questions | messages/s | questions/s | cost vs bare spaCy |",
            "|---|---|---|---|---|---|",
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
    measures = [measure(lang, args.repeat) for lang in LANGS]
    section = render(measures, pinning, args.repeat, f"; {load} before the run")
    print(section)
    write_section(section)
    print(f"written to {BENCHMARKS_FILE}")
    return 0
