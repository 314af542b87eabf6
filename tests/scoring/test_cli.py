import io
import json
import subprocess
import sys

from bot.cli import COMMANDS, build_parser, main
from bot.scoring.cli import read_messages


def test_score_file_streams_one_json_line_per_valid_line(tmp_path, capsys):
    source = tmp_path / "messages.txt"
    source.write_bytes(
        b"How do you handle that?\nVous avez un budget ?\n"
        + b"\xff\xfe broken\n"
        + b"nul\x00byte\n"
        + b"Thanks!\n"
    )
    assert main(["score", str(source)]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["text"] for line in lines] == [
        "How do you handle that?",
        "Vous avez un budget ?",
        "Thanks!",
    ]
    assert [line["lang"] for line in lines] == ["en", "fr", "en"]
    assert "line 3: not valid UTF-8" in err
    assert "line 4: NUL byte" in err


def test_forced_language(tmp_path, capsys):
    source = tmp_path / "one.txt"
    source.write_text("ok?\n", encoding="utf-8")
    assert main(["score", "--lang", "fr", str(source)]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "fr"


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["score", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_read_messages_is_lazy_and_numbers_lines():
    errors = io.StringIO()

    def lines():
        yield b"first\r\n"
        yield b"\xc3\n"
        raise AssertionError("read past what was asked")

    messages = read_messages(lines(), errors)
    assert next(messages) == "first"
    assert errors.getvalue() == ""


def test_stdin_pipe_in_a_subprocess():
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "score", "-"],
        input=b"Why?\nPourquoi ?\n",
        capture_output=True,
        check=True,
        timeout=120,
    )
    outputs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["lang"] for o in outputs] == ["en", "fr"]
    assert result.stderr == b"", "no progress bar when stdout is not a terminal"


def test_train_scorer_is_a_command():
    assert build_parser().parse_args(["train-scorer"]).command == "train-scorer"
    assert COMMANDS["train-scorer"] == "bot.scoring.train:run_train_scorer"
