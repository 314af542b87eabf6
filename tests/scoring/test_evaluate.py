import sys
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.scoring.evaluate import evaluate_split


def test_evaluation_report_is_reproducible():
    """docs/evaluation.md must be exactly what `curieux evaluate` regenerates."""
    committed = (PROJECT_ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    assert evaluate_split("test") == committed


def test_training_and_development_code_never_open_the_test_split(capsys):
    """Everything that tunes or trains the scorer reads the train split only."""
    from bot.scoring import benchmark, dev, train

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
    finally:
        recording[0] = False
    capsys.readouterr()
    read = [path for path in opened if path.endswith(".tsv")]
    assert any(path.endswith("train.tsv") for path in read)
    assert any(path.endswith("train-2.tsv") for path in read)
    assert not any(path.endswith("test.tsv") for path in read), read
