"""`curieux personas list|validate`: output and exit codes."""

from __future__ import annotations

import json

import pytest
import yaml

from bot import config
from bot.cli import main
from tests.personas.test_loader import persona_data, write


@pytest.fixture
def library(tmp_path, monkeypatch):
    """A small library with a friendly default and a second persona."""
    folder = tmp_path / "personas"
    write(folder, "anna.yml", persona_data("anna"))
    write(folder, "zoe.yml", persona_data("zoe", difficulty="busy"))
    settings = yaml.safe_load((config.personas_dir() / "_library.yml").read_text(encoding="utf-8"))
    write(folder, "_library.yml", {**settings, "default": "zoe"})
    monkeypatch.setenv("CURIEUX_PERSONAS_DIR", str(folder))
    return folder


def test_list_table(library, capsys):
    assert main(["personas", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "LANGUAGES", "DIFFICULTY", "SUMMARY"]
    assert lines[1].split()[:2] == ["anna", "Claire"]
    assert lines[2].startswith("zoe (default)")
    assert "busy" in lines[2] and "Warm practice manager" in lines[2]


def test_list_json_gives_both_languages(library, capsys):
    assert main(["personas", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(row["id"], row["default"]) for row in rows] == [("anna", False), ("zoe", True)]
    assert set(rows[0]["summary"]) == {"fr", "en"}
    assert rows[1]["languages"] == ["fr", "en"] and rows[1]["difficulty"] == "busy"


def test_list_warns_about_skipped_files_on_stderr(library, capsys):
    write(library, "broken.yml", "id: [\n")
    assert main(["personas", "list", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 2
    assert "1 problem(s) in persona files; run `curieux personas validate`" in err


def test_validate_the_library(library, capsys):
    assert main(["personas", "validate"]) == 0
    assert capsys.readouterr().out.splitlines() == ["2 personas OK"]


def test_validate_reports_every_error_and_exits_1(library, tmp_path, capsys):
    bad = persona_data("bad")
    bad["needs"][2]["min_trust"] = 101
    write(library, "bad.yml", bad)
    write(library, "empty.yml", "")
    assert main(["personas", "validate", str(library)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{library / 'bad.yml'}: needs.2.min_trust: ensure this value is less than or equal to 100",
        f"{library / 'empty.yml'}: the file is empty",
    ]


def test_validate_single_files_and_completeness_warnings(library, capsys):
    thin = persona_data("thin")
    thin["replies"]["pitch"]["fr"] = ["Ah bon."]
    path = write(library, "thin.yml", thin)
    assert main(["personas", "validate", str(path), str(library / "anna.yml")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"warning: {path}: replies.pitch.fr: 1 French phrasing(s); write at least 3",
        "2 personas OK",
    ]
