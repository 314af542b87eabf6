"""Development report on the train split only (`python -m bot.scoring.dev [--errors]`).

Lexicons are tuned against this, never against the held-out test split. The learned model
was fitted on these messages too, so these numbers flatter it: `curieux train-scorer` prints
the cross-validated ones.
"""

from __future__ import annotations

import argparse

from bot.scoring import get_scorer
from bot.scoring.corpus import load_split
from bot.scoring.evaluate import evaluate_split
from bot.scoring.lexicon import LANGS
from bot.scoring.metrics import align

DEV_SPLIT = "train"


def print_errors() -> None:
    """Every message of the train split where a label differs from the gold one."""
    scorer = get_scorer()
    for lang in LANGS:
        for message in load_split(lang, DEV_SPLIT):
            score = scorer.score(message.text, lang)
            problems = [f"kind {message.kind}→{score.kind}"] if score.kind != message.kind else []
            gold, found = list(message.questions), score.questions
            for gi, pi in align([g.q for g in gold], [q.text for q in found]):
                if gi is None or pi is None:
                    problems.append("extra question" if gi is None else "missed question")
                    continue
                for name in ("form", "focus", "spin"):
                    expected, got = getattr(gold[gi], name), getattr(found[pi], name)
                    if expected != got:
                        problems.append(f"{name} {expected}→{got} {found[pi].cues}")
            if problems:
                print(f"[{lang}] {message.text}\n    " + "\n    ".join(problems))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the mislabelled messages")
    if parser.parse_args().errors:
        print_errors()
    else:
        print(evaluate_split(DEV_SPLIT))


if __name__ == "__main__":
    main()
