import yaml

from bot.config import data_dir
from bot.report.texts import LANGS, coaching_texts, report_language


def key_paths(node: dict, prefix: str = "") -> set[str]:
    paths = set()
    for key, value in node.items():
        paths.add(prefix + key)
        if isinstance(value, dict):
            paths |= key_paths(value, f"{prefix}{key}.")
    return paths


def test_both_languages_have_the_same_wording_keys():
    fr, en = (key_paths(coaching_texts(lang)) for lang in LANGS)
    assert fr == en


def test_every_tip_weight_names_a_tip_or_a_family():
    settings = yaml.safe_load((data_dir() / "coaching" / "scorecard.yml").read_text("utf-8"))
    tips = set(coaching_texts("en")["tips"])
    for name in settings["tip_weight"]:
        assert name in tips or name == "question_count", name


def test_unknown_languages_fall_back_to_english():
    assert report_language("de") == "en" and report_language(None) == "en"
    assert report_language("fr") == "fr"
