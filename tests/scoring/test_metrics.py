import pytest

from bot.scoring.metrics import EXTRA, MISSED, LabelReport, align, overlap


def test_overlap_is_the_share_of_gold_words_found():
    assert overlap("How big is the team?", "So, how big is the team?") == 1.0
    assert overlap("How big is the team?", "Who decides?") == 0.0


def test_align_matches_by_text_and_leaves_misses_and_extras():
    gold = ["How big is the team?", "Who decides?"]
    predicted = ["And who decides?", "Nice weather?"]
    assert align(gold, predicted) == [(0, None), (1, 0), (None, 1)]


def test_precision_recall_f1_and_confusion():
    report = LabelReport(("open", "closed"))
    for gold, predicted in [("open", "open"), ("open", "closed"), ("closed", "closed")]:
        report.add(gold, predicted)
    report.add("closed", MISSED)
    report.add(EXTRA, "open")
    per_label = report.per_label()
    assert per_label["open"] == pytest.approx((0.5, 0.5, 0.5, 2))
    assert per_label["closed"][:2] == pytest.approx((0.5, 0.5))
    rows, cols, counts = report.confusion()
    assert rows == ["open", "closed", EXTRA] and cols == ["open", "closed", MISSED]
    assert counts[("closed", MISSED)] == 1
