import pytest

from bot.scoring import Scorer, get_scorer


@pytest.fixture(scope="session")
def scorer() -> Scorer:
    """The process-wide scorer, with spaCy loaded once for the whole test session."""
    return get_scorer()


@pytest.fixture(scope="session")
def rules() -> Scorer:
    """The lexicon rules alone, without the learned model: what the cue tests check."""
    return Scorer(use_model=False)


@pytest.fixture(scope="session")
def only_question(rules):
    """The single question of `text` by the rules (fails if there is not exactly one)."""

    def score(text: str, lang: str):
        result = rules.score(text, lang)
        assert len(result.questions) == 1, (text, [q.text for q in result.questions])
        return result.questions[0]

    return score
