from argparse import Namespace

import pytest

from bot.config import PROJECT_ROOT
from bot.scoring import agreement
from bot.scoring.metrics import EXTRA, MISSED, LabelReport


def test_kappa_of_identical_labels_is_one_and_of_chance_level_labels_is_zero():
    same = LabelReport(("open", "closed"), [("open", "open"), ("closed", "closed")])
    assert agreement.kappa(same) == (1.0, 1.0, 2)
    # Each annotator says "open" half the time, independently: agreement is what chance gives.
    chance = LabelReport(
        ("open", "closed"),
        [("open", "open"), ("open", "closed"), ("closed", "open"), ("closed", "closed")],
    )
    assert agreement.kappa(chance) == (0.5, 0.0, 4)


def test_kappa_leaves_out_questions_only_one_annotator_marked():
    report = LabelReport(("open", "closed"), [("open", "open"), (EXTRA, "open"), ("open", MISSED)])
    assert agreement.kappa(report) == (1.0, 1.0, 1)


def test_second_annotator_messages_are_all_training_messages():
    for lang in ("fr", "en"):
        first, second = agreement.paired(lang)
        assert len(first) == len(second) == 150
        assert [m.text for m in first] == [m.text for m in second]


def test_a_message_missing_from_the_train_files_is_reported(tmp_path, monkeypatch, capsys):
    lang_dir = tmp_path / "questions" / "fr"
    (tmp_path / "questions" / "second-annotator").mkdir(parents=True)
    lang_dir.mkdir(parents=True)
    header = "text\tkind\tquestions\n"
    (lang_dir / "train.tsv").write_text(header + "Bonjour !\tgreeting\t[]\n", encoding="utf-8")
    (tmp_path / "questions" / "second-annotator" / "fr.tsv").write_text(
        header + "Merci.\tgreeting\t[]\n", encoding="utf-8"
    )
    monkeypatch.setenv("CURIEUX_DATA_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="not in the train files: 'Merci.'"):
        agreement.paired("fr")
    assert agreement.run_agreement(Namespace(output="-")) == 2
    assert "curieux agreement:" in capsys.readouterr().err


def test_annotation_report_is_reproducible():
    """docs/annotation.md must be exactly what `curieux agreement` regenerates."""
    committed = (PROJECT_ROOT / "docs" / "annotation.md").read_text(encoding="utf-8")
    regenerated = agreement.render([agreement.language_report(lang) for lang in ("fr", "en")])
    assert committed == regenerated
