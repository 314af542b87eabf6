"""Precision, recall, F1 and confusion matrices of predicted labels against gold labels."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# Gold questions the scorer did not find, and questions it found that are not in the gold.
MISSED = "(missed)"
EXTRA = "(none)"
# A predicted question is the gold one when it holds at least this share of the gold's words.
MIN_OVERLAP = 0.5
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def overlap(gold: str, predicted: str) -> float:
    gold_words = Counter(_words(gold))
    if not gold_words:
        return 0.0
    common = gold_words & Counter(_words(predicted))
    return sum(common.values()) / sum(gold_words.values())


def align(gold: list[str], predicted: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs (gold index, predicted index), best text overlap first; None where unmatched."""
    candidates = sorted(
        ((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int | None, int | None]] = []
    for score, gi, pi in candidates:
        if score >= MIN_OVERLAP and gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    pairs += [(gi, None) for gi in range(len(gold)) if gi not in used_gold]
    pairs += [(None, pi) for pi in range(len(predicted)) if pi not in used_pred]
    return sorted(pairs, key=lambda p: (p[0] is None, p[0] or 0, p[1] or 0))


@dataclass
class LabelReport:
    """Scores of one label family (form, focus, spin or kind) over (gold, predicted) pairs."""

    labels: tuple[str, ...]
    pairs: list[tuple[str, str]] = field(default_factory=list)

    def add(self, gold: str, predicted: str) -> None:
        self.pairs.append((gold, predicted))

    def per_label(self) -> dict[str, tuple[float, float, float, int]]:
        """label → (precision, recall, F1, support)."""
        out = {}
        for label in self.labels:
            tp = sum(g == label and p == label for g, p in self.pairs)
            predicted = sum(p == label for _, p in self.pairs)
            support = sum(g == label for g, _ in self.pairs)
            precision = tp / predicted if predicted else 0.0
            recall = tp / support if support else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out[label] = (precision, recall, f1, support)
        return out

    def macro_f1(self) -> float:
        scores = [f1 for _, _, f1, support in self.per_label().values() if support]
        return sum(scores) / len(scores) if scores else 0.0

    def confusion(self) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
        """Row labels (gold), column labels (predicted) and the counts."""
        counts = Counter(self.pairs)
        rows = [*self.labels, *([EXTRA] if any(g == EXTRA for g, _ in self.pairs) else [])]
        cols = [*self.labels, *([MISSED] if any(p == MISSED for _, p in self.pairs) else [])]
        return rows, cols, dict(counts)
