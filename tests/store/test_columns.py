import pytest

from bot.store.columns import escape_text, unescape_text

AWKWARD = [
    "",
    "plain text stays as typed",
    "« Accentué » — 😀👩‍💻 中文 עברית",
    "".join(chr(c) for c in range(32)) + "\x7f",
    "NUL in the \x00 middle",
    "the escape char itself \ue000 and \ue0000041 lookalike",
    "a lone surrogate \ud800 and \udfff",
    "x" * 20_000,
]


@pytest.mark.parametrize("value", AWKWARD)
def test_escape_round_trips(value):
    assert unescape_text(escape_text(value)) == value


@pytest.mark.parametrize("value", AWKWARD)
def test_escaped_text_is_storable_in_postgres(value):
    stored = escape_text(value)
    assert "\x00" not in stored
    assert all(not 0xD800 <= ord(c) <= 0xDFFF for c in stored)


def test_ordinary_text_is_stored_unchanged():
    text = "Comment gérez-vous vos relances aujourd'hui ? 😀\n\tFin."
    assert escape_text(text) == text
