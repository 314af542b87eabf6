import pytest

from bot.scoring.corpus import load_split, split_paths

HEADER = "text\tkind\tquestions\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A data folder with two train files and the two held-out files for a language."""
    folder = tmp_path / "questions" / "xx"
    folder.mkdir(parents=True)
    rows = {
        "train.tsv": "Hello there.\tgreeting\t[]\n",
        "train-2.tsv": 'Why?\tquestion\t[{"q":"Why?","form":"open","focus":"curious",'
        '"spin":"problem"}]\n',
        "test.tsv": "Held out.\tstatement\t[]\n",
        "fresh.tsv": "New writer.\tstatement\t[]\n",
    }
    for name, row in rows.items():
        (folder / name).write_text(HEADER + row, encoding="utf-8")
    monkeypatch.setenv("CURIEUX_DATA_DIR", str(tmp_path))
    return folder


def test_train_split_is_every_train_file_and_never_the_test_file(corpus):
    assert [p.name for p in split_paths("xx", "train")] == ["train-2.tsv", "train.tsv"]
    messages = load_split("xx", "train")
    assert [(m.text, m.source) for m in messages] == [
        ("Why?", "train-2.tsv"),
        ("Hello there.", "train.tsv"),
    ]
    assert messages[0].questions[0].spin == "problem"


def test_each_held_out_split_is_its_file_only(corpus):
    assert [m.text for m in load_split("xx", "test")] == ["Held out."]
    assert [m.text for m in load_split("xx", "fresh")] == ["New writer."]


def test_a_malformed_row_names_its_file_and_line(corpus):
    (corpus / "train-2.tsv").write_text(HEADER + "Why?\tquestion\t[{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"train-2\.tsv:2: malformed row"):
        load_split("xx", "train")


def test_unknown_split_is_refused():
    with pytest.raises(ValueError, match="unknown split"):
        split_paths("fr", "dev")
