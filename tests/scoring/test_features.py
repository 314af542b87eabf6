import numpy as np
import pytest

from bot.scoring.features import CharTfidf, TextAndRules
from bot.scoring.model import model_settings

TEXTS = [
    "comment gérez-vous les relances aujourd'hui ?",
    "how do you handle follow-ups today?",
    "l'été,  c'est   calme ?",
    "",
    "a",
    "zzzqqq xyzzy",
]


@pytest.fixture(scope="module")
def extractor() -> TextAndRules:
    rows = [(text, {"kind=question": 1.0}) for text in TEXTS[:3] * 2]
    return TextAndRules({**model_settings()["features"], "char_min_df": 1}).fit(rows)


def test_cached_char_ngrams_give_exactly_what_sklearn_gives(extractor):
    fast = extractor.char_tfidf.transform(TEXTS)
    slow = extractor.chars.transform(TEXTS)
    assert fast.shape == slow.shape
    assert np.abs((fast - slow).toarray()).max() < 1e-12
    # Unknown words and empty texts give empty rows, not errors.
    assert fast[3].nnz == 0 and fast[5].nnz == 0


def test_word_ngrams_give_what_sklearn_gives(extractor):
    fast = extractor.word_tfidf.transform(TEXTS)
    slow = extractor.words.transform(TEXTS)
    assert fast.shape == slow.shape
    # sklearn sums each row's squares in another order: the last bit may differ.
    assert np.abs((fast - slow).toarray()).max() < 1e-12
    assert fast[0].nnz > 0 and fast[3].nnz == 0 and fast[5].nnz == 0


def test_the_word_cache_is_bounded(extractor, monkeypatch):
    monkeypatch.setattr(CharTfidf, "MAX_CACHED_WORDS", 3)
    cache = CharTfidf(extractor.chars)
    cache.transform(["un deux trois quatre cinq six sept"])
    assert len(cache.cache) <= 3


def test_the_readers_are_not_pickled(extractor):
    extractor.char_tfidf.transform(TEXTS)
    extractor.word_tfidf.transform(TEXTS)
    assert {"char_tfidf", "word_tfidf"}.isdisjoint(extractor.__getstate__())


def test_spin_words_have_their_own_weight():
    settings = {**model_settings()["features"], "rule_weight": 0.05, "spin_word_weight": 0.2}
    rows = [
        ("where does it go wrong?", {"form=open": 1.0, "spin_word=problem": 2}),
        ("how many staff?", {"form=closed": 1.0}),
    ]
    extractor = TextAndRules(settings).fit(rows)
    rules = extractor.transform(rows).matrix[:, -len(extractor.rule_scale) :].toarray()
    names = list(extractor.rules.get_feature_names_out())
    assert rules[0, names.index("spin_word=problem")] == pytest.approx(0.4)
    assert rules[0, names.index("form=open")] == pytest.approx(0.05)
