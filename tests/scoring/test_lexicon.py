import pytest

from bot.scoring.lexicon import compile_patterns, normalize


def test_normalize_drops_accents_case_and_curly_apostrophes():
    assert normalize("  Qu’est-ce   qui VOUS gêne ? ") == "qu'est-ce qui vous gene ?"


@pytest.mark.parametrize(
    ("entry", "text", "found"),
    [
        ("budget*", "the budgets we have", "budgets"),
        ("budget*", "nobudget", None),
        (
            "when ... decide",
            "when will the board finally decide",
            "when will the board finally decide",
        ),
        ("est-ce que", "est ce que vous", "est ce que"),
        ("(read|see) our quote", "did you see our quote", "see our quote"),
        ("décrire", "me decrire", "decrire"),
    ],
)
def test_pattern_syntax(entry, text, found):
    match = compile_patterns([entry]).search(normalize(text))
    assert (match.group(0) if match else None) == found
