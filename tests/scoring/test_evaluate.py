import re
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.scoring.corpus import GoldMessage, GoldQuestion
from bot.scoring.evaluate import compare, evaluate_split
from bot.scoring.types import MessageScore, QuestionScore


def test_evaluation_report_is_reproducible():
    """docs/evaluation.md must be exactly what `curieux evaluate` regenerates."""
    committed = (PROJECT_ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    assert evaluate_split("test") == committed


def _first_train_files_only(real_split_paths):
    """`split_paths` as it is, less the train files after train-2.tsv: the same code opens
    the same kinds of file, on a few percent of the text. Whatever else the real function
    returns (a held-out file, by mistake) is kept, for the audit to see."""
    later = re.compile(r"train-([3-9]|\d\d+)\.tsv")

    def split_paths(lang: str, split: str) -> list[Path]:
        return [path for path in real_split_paths(lang, split) if not later.fullmatch(path.name)]

    return split_paths


def test_training_and_development_code_never_open_the_test_split(capsys, monkeypatch):
    """Everything that tunes or trains the scorer reads the train split only."""
    from bot.scoring import agreement, benchmark, corpus, dev, model, train

    # Scoring every train message took a quarter of the suite: read two train files per
    # language. `model.input_hashes` keeps its own `split_paths`, so the committed model is
    # still current and is the one that scores.
    monkeypatch.setattr(corpus, "split_paths", _first_train_files_only(corpus.split_paths))
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
    assert all(model.get_models(lang) is not None for lang in ("fr", "en"))


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


def test_a_trainers_file_of_labelled_questions_is_evaluated(tmp_path, capsys):
    """`curieux evaluate --gold`: one labelled question a row, both languages detected, the
    labels scored against them, nothing written to docs/."""
    gold = tmp_path / "transcripts.tsv"
    gold.write_text(
        "text\tform\tfocus\tspin\n"
        "What happens to the schedule when a truck arrives late?\topen\tcurious\timplication\n"
        "Do you have a budget for this?\tclosed\topportunistic\tnone\n"
        "Qu'est-ce qui vous prend le plus de temps aujourd'hui ?\topen\tcurious\tproblem\n"
        "Vous avez combien de magasins ?\tclosed\tcurious\tSituation\n"
        "Hallo, wie geht es Ihnen heute?\tclosed\tcurious\tsituation\n",
        encoding="utf-8",
    )
    before = (PROJECT_ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold)]) == 0
    out = capsys.readouterr().out
    assert (
        "on `transcripts.tsv`, 5 labelled messages, 1 message in neither language left out "
        "(do not edit by hand)"
    ) in out
    assert "## fr\n\n2 messages, 2 gold questions" in out
    assert "## en\n\n2 messages, 2 gold questions" in out
    assert (PROJECT_ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8") == before


def test_a_file_in_the_corpus_format_is_evaluated_in_the_language_given(tmp_path, capsys):
    gold = tmp_path / "calls.tsv"
    question = '{"q":"Why?","form":"open","focus":"curious","spin":"problem"}'
    gold.write_text(f"text\tkind\tquestions\nWhy?\tquestion\t[{question}]\n", encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "## en\n\n1 message, 1 gold question," in out and "## fr" not in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the first line must name the columns"),
        (b"text\tform\tfocus\tspin\n", "no labelled message"),
        (b"text\tform\tfocus\tspin\nWhy?\topne\tcurious\tproblem\n", ":2: form 'opne' is not one"),
        (b"text\tform\tfocus\tspin\n\topen\tcurious\tproblem\n", ":2: the text is empty"),
        (b"text\tkind\tquestions\nWhy?\tquestion\t[{\n", ":2: malformed row"),
        (b"text\tkind\tquestions\n\xff\xfe\x00binary\n", "not UTF-8 text"),
    ],
)
def test_a_bad_gold_file_gets_a_clear_message(tmp_path, capsys, content, message):
    gold = tmp_path / "bad.tsv"
    gold.write_bytes(content)
    assert main(["evaluate", "--gold", str(gold)]) == 2
    out, err = capsys.readouterr()
    assert message in err and "Traceback" not in err and out == ""


def test_a_missing_gold_file_gets_a_clear_message(tmp_path, capsys):
    assert main(["evaluate", "--gold", str(tmp_path / "nope.tsv")]) == 2
    assert "No such file" in capsys.readouterr().err
