"""Loading persona files: each kind of broken file gets a precise message, and the library
keeps serving the valid ones."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
import yaml

from bot import config
from bot.personas.loader import (
    UnknownPersona,
    default_persona_id,
    get_persona,
    load_errors,
    load_personas,
    validate_paths,
)

BASE = yaml.safe_load((config.personas_dir() / "claire-dental.yml").read_text(encoding="utf-8"))


def persona_data(persona_id: str = "sample", **changes) -> dict:
    data = copy.deepcopy(BASE)
    data["id"] = persona_id
    data.update(changes)
    return data


def write(folder: Path, name: str, data) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def errors_for(tmp_path: Path, data, name: str = "sample.yml") -> list[str]:
    return [str(error) for error in validate_paths([write(tmp_path, name, data)])]


def test_a_valid_file_has_no_error(tmp_path):
    assert errors_for(tmp_path, persona_data()) == []


def test_out_of_range_value_names_the_dotted_field(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = persona_data("x")
    data["needs"][2]["min_trust"] = 150
    write(tmp_path / "data" / "personas", "x.yml", data)
    errors = validate_paths([Path("data/personas/x.yml")])
    assert [str(e) for e in errors] == [
        "data/personas/x.yml: needs.2.min_trust: ensure this value is less than or equal to 100"
    ]
    assert (errors[0].field, errors[0].file.name) == ("needs.2.min_trust", "x.yml")


def test_yaml_syntax_error_gives_line_and_column(tmp_path):
    [error] = errors_for(tmp_path, "id: sample\nname: Claire\n  role: oops\n")
    assert "invalid YAML at line 3, column 7: mapping values are not allowed here" in error


def test_a_key_written_twice_is_an_error(tmp_path):
    [error] = errors_for(tmp_path, "id: sample\nname: A\nname: B\n")
    assert "invalid YAML at line 3, column 1: the key 'name' appears twice" in error


def test_file_that_is_not_a_mapping(tmp_path):
    [error] = errors_for(tmp_path, "- claire\n- marc\n")
    assert error.endswith("sample.yml: expected a mapping of persona fields, got a list")


def test_missing_field(tmp_path):
    data = persona_data()
    del data["mood"]
    assert errors_for(tmp_path, data) == [
        f"{tmp_path / 'sample.yml'}: mood: missing required field"
    ]


def test_wrong_type_shows_the_value_given(tmp_path):
    data = persona_data()
    data["needs"][0]["min_trust"] = "high"
    [error] = errors_for(tmp_path, data)
    assert error.endswith("needs.0.min_trust: value is not a valid integer (got 'high')")


def test_unknown_field_suggests_the_right_name(tmp_path):
    data = persona_data()
    data["replies"]["pitchh"] = data["replies"].pop("pitch")
    errors = errors_for(tmp_path, data)
    assert any(
        e.endswith("replies.pitchh: unknown field 'pitchh' (did you mean 'pitch'?)") for e in errors
    )
    assert any(e.endswith("replies.pitch: missing required field") for e in errors)


def test_unknown_field_without_a_close_match_lists_the_allowed_ones(tmp_path):
    data = persona_data()
    data["trust"]["colour"] = "blue"
    [error] = errors_for(tmp_path, data)
    assert error.endswith(
        "trust.colour: unknown field 'colour' (allowed: start, sensitivity, patience)"
    )


def test_missing_language_in_a_phrasing(tmp_path):
    data = persona_data()
    del data["needs"][1]["reveal"]["en"]
    [error] = errors_for(tmp_path, data)
    assert error.endswith("needs.1.reveal.en: missing the English ('en') version")


def test_id_must_match_the_file_name(tmp_path):
    [error] = errors_for(tmp_path, persona_data("someone-else"))
    assert error.endswith(
        "sample.yml: id: id 'someone-else' does not match the file name 'sample.yml'"
        " (rename one of them)"
    )


def test_duplicate_id_across_files_names_both(tmp_path):
    first = write(tmp_path / "team-a", "sample.yml", persona_data())
    second = write(tmp_path / "team-b", "sample.yml", persona_data())
    [error] = [str(e) for e in validate_paths([first.parent, second.parent])]
    assert error == f"{second}: id: duplicate persona id 'sample', also in {first}"


def test_duplicate_id_in_one_folder(tmp_path):
    write(tmp_path, "sample.yml", persona_data())
    write(tmp_path, "sample.yaml", persona_data())
    [error] = [str(e) for e in validate_paths([tmp_path])]
    first, second = tmp_path / "sample.yaml", tmp_path / "sample.yml"
    assert error == f"{second}: id: duplicate persona id 'sample', also in {first}"


def test_empty_file(tmp_path):
    [error] = errors_for(tmp_path, "  \n\n")
    assert error.endswith("sample.yml: the file is empty")


def test_non_utf8_file(tmp_path):
    [error] = errors_for(tmp_path, "name: Hélène\n".encode("latin-1"))
    assert error.endswith("sample.yml: not UTF-8 text (byte 0xe9 at offset 7); save it as UTF-8")


def test_binary_file(tmp_path):
    [error] = errors_for(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert error.endswith("sample.yml: this is a binary file, not a YAML text file")


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    errors = [str(e) for e in validate_paths([tmp_path / "nope.yml", tmp_path / "empty"])]
    assert errors[0].endswith("nope.yml: cannot read the file: No such file or directory")
    assert errors[1].endswith("empty: no persona files (*.yml) in this folder")


def test_library_default_must_be_a_valid_persona(tmp_path):
    write(tmp_path, "sample.yml", persona_data())
    write(tmp_path, "_library.yml", "default: nobody\n")
    [error] = [str(e) for e in validate_paths([tmp_path])]
    assert error.endswith("_library.yml: default: unknown persona 'nobody'; valid ids: sample")


def test_bad_files_are_skipped_not_fatal(tmp_path):
    write(tmp_path, "good.yml", persona_data("good"))
    write(tmp_path, "broken.yml", "id: [unclosed\n")
    write(tmp_path, "_library.yml", "default: good\n")
    assert list(load_personas(tmp_path)) == ["good"]
    assert [e.file.name for e in load_errors(tmp_path)] == ["broken.yml"]
    assert default_persona_id(tmp_path) == "good"


def test_default_falls_back_to_a_valid_persona(tmp_path):
    write(tmp_path, "zoe.yml", persona_data("zoe"))
    write(tmp_path, "anna.yml", persona_data("anna"))
    write(tmp_path, "_library.yml", "default: broken-one\n")
    assert default_persona_id(tmp_path) == "anna"


def test_unknown_persona_lists_the_valid_ids(tmp_path):
    write(tmp_path, "zoe.yml", persona_data("zoe"))
    write(tmp_path, "anna.yml", persona_data("anna"))
    with pytest.raises(UnknownPersona) as caught:
        get_persona("bob", tmp_path)
    assert str(caught.value) == "unknown persona 'bob'; valid ids: anna, zoe"
    assert caught.value.valid_ids == ["anna", "zoe"]


def test_a_dropped_or_edited_file_is_picked_up_without_restart(tmp_path):
    write(tmp_path, "anna.yml", persona_data("anna"))
    assert list(load_personas(tmp_path)) == ["anna"]
    assert load_personas(tmp_path) is load_personas(tmp_path)  # cached while nothing changes

    write(tmp_path, "zoe.yml", persona_data("zoe"))
    assert sorted(load_personas(tmp_path)) == ["anna", "zoe"]

    edited = write(tmp_path, "anna.yml", persona_data("anna", name="Anna B"))
    stat = edited.stat()
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert get_persona("anna", tmp_path).name == "Anna B"

    (tmp_path / "zoe.yml").unlink()
    assert list(load_personas(tmp_path)) == ["anna"]
