import json

from bot.cli import main
from tests.report.sessions import HURRIED_SELLER_FR, NEEDS_FR, play


def test_report_json_and_markdown(store, database_url, monkeypatch, capsys):
    session_id = play(store, HURRIED_SELLER_FR, language="fr", needs=NEEDS_FR, conversation_id="c")
    monkeypatch.setenv("CURIEUX_DATABASE_URL", database_url)

    assert main(["report", "c", "--format", "json"]) == 0
    out = capsys.readouterr().out
    card = json.loads(out)
    assert card["session_id"] == session_id and card["questions"]["count"] == 3
    assert "« Vous avez un budget ? »" in out  # UTF-8, not \u escapes

    assert main(["report", session_id, "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# Bilan de la séance")


def test_unknown_id_exits_2_with_a_clear_message(database_url, monkeypatch, capsys):
    monkeypatch.setenv("CURIEUX_DATABASE_URL", database_url)
    assert main(["report", "ghost"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no session or conversation with id 'ghost'" in captured.err


def test_unreachable_database_is_reported(monkeypatch, capsys):
    monkeypatch.setenv("CURIEUX_DATABASE_URL", "postgresql://u:pw@127.0.0.1:1/none")
    assert main(["report", "c"]) == 1
    err = capsys.readouterr().err
    assert "cannot read postgresql://u:***@127.0.0.1:1/none" in err and "pw@" not in err
