import sys
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.scoring.corpus import GoldMessage, GoldQuestion
from bot.scoring.evaluate import compare, evaluate_split
from bot.scoring.types import MessageScore, QuestionScore


def test_evaluation_report_is_reproducible():
    """docs/evaluation.md must be exactly what `curieux evaluate` regenerates."""
    committed = (PROJECT_ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    assert evaluate_split("test") == committed


def test_training_and_development_code_never_open_the_test_split(capsys):
    """Everything that tunes or trains the scorer reads the train split only."""
    from bot.scoring import agreement, benchmark, dev, train

    opened: list[str] = []
    recording = [True]  # audit hooks cannot be removed: stop recording after the test

    def audit(event: str, args: tuple) -> None:
        if recording[0] and event == "open" and isinstance(args[0], (str, Path)):
            opened.append(str(args[0]))

    sys.addaudithook(audit)
    try:
        evaluate_split(dev.DEV_SPLIT)
        dev.print_errors()
        benchmark.measure("fr", repeat=1, count=50)
        messages, reading = train.read_training("en")
        train.build_examples(messages, reading)
        agreement.language_report("fr")
    finally:
        recording[0] = False
    capsys.readouterr()
    read = [path for path in opened if path.endswith(".tsv")]
    assert any(path.endswith("train.tsv") for path in read)
    assert any(path.endswith("train-2.tsv") for path in read)
    assert not any(path.endswith(("test.tsv", "fresh.tsv")) for path in read), read


def _message(text: str, spin: str) -> GoldMessage:
    focus = "opportunistic" if spin == "none" else "curious"
    return GoldMessage(text, "question", (GoldQuestion(text, "open", focus, spin),))


def _score(text: str, spin: str) -> MessageScore:
    focus = "opportunistic" if spin == "none" else "curious"
    return MessageScore(
        text, "en", "question", questions=[QuestionScore(text, "open", focus, spin)]
    )


def test_bootstrap_interval_brackets_the_figure_and_is_reproducible():
    gold = [_message(f"Question {i}?", ("problem", "situation")[i % 2]) for i in range(40)]
    # Every fourth situation question is read as a problem.
    found = [
        _score(m.text, "problem" if i % 8 == 1 else m.questions[0].spin) for i, m in enumerate(gold)
    ]
    report = compare(gold, found, "en")
    low, high = report.interval("spin")
    assert low < report.families["spin"].macro_f1() < high <= 1.0
    assert report.interval("spin") == (low, high)
    perfect = compare(gold, [_score(m.text, m.questions[0].spin) for m in gold], "en")
    assert perfect.interval("spin") == (1.0, 1.0)
