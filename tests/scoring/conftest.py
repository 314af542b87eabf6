import pytest

from bot.scoring import Scorer, get_scorer


@pytest.fixture(scope="session")
def scorer() -> Scorer:
    """The process-wide scorer, with spaCy loaded once for the whole test session."""
    return get_scorer()


@pytest.fixture(scope="session")
def only_question(scorer):
    """Score `text` and return its single question (fails if there is not exactly one)."""

    def score(text: str, lang: str):
        result = scorer.score(text, lang)
        assert len(result.questions) == 1, (text, [q.text for q in result.questions])
        return result.questions[0]

    return score
