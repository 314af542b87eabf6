"""The French tagger runs only for the docs whose rules read a tag, and changes nothing."""

from __future__ import annotations

import dataclasses

import pytest

import bot.scoring.scorer as scorer_module
from bot.scoring.corpus import load_split
from bot.scoring.nlp import TagsPending, get_pipeline, tokenize
from bot.scoring.scorer import Scorer
from bot.scoring.segment import DocWords


def test_reading_a_tag_before_tagging_asks_for_the_tagger():
    doc = tokenize("fr", "Avez-vous un CRM ?")
    (avez, *_) = DocWords(doc).all
    assert avez.lower == "avez"  # the words are there
    with pytest.raises(TagsPending):
        avez.pos  # noqa: B018


def test_english_has_no_tagger_to_wait_for():
    (do, *_) = DocWords(tokenize("en", "Do you use a CRM?")).all
    assert do.pos == ""


@pytest.fixture
def tagged_texts(monkeypatch):
    """The texts of the docs the scorer sends to the tagger."""
    texts: list[str] = []
    real_tag = scorer_module.tag

    def spy(lang, docs):
        texts.extend(doc.text for doc in docs)
        return real_tag(lang, docs)

    monkeypatch.setattr(scorer_module, "tag", spy)
    return texts


def test_only_questions_whose_rules_read_a_tag_are_tagged(tagged_texts):
    scores = Scorer().read_with_rules(
        [
            "Quels sont vos objectifs pour cette année ?",
            "Comment gérez-vous les retours aujourd'hui ?",
            "Utilisez-vous un CRM ?",
            # Is « termine » a verb? Only the tagger says: « quand » then asks in situ.
            "Le contrat se termine quand ?",
        ],
        "fr",
    )
    assert tagged_texts == ["Le contrat se termine quand ?"]
    inverted, in_situ = (score.questions[0] for score, _ in scores[2:])
    assert inverted.form == "closed" and "Utilisez-vous" in inverted.cues[0]
    assert in_situ.form == "closed" and "quand" in in_situ.cues[0]


def test_reading_from_words_first_gives_what_tagging_everything_gives(monkeypatch):
    texts = [message.text for message in load_split("fr", "train")[::25]]
    lazily = Scorer(use_model=False).read_with_rules(texts, "fr")
    monkeypatch.setattr(scorer_module, "tokenize", lambda lang, text: get_pipeline(lang)(text))
    eagerly = Scorer(use_model=False).read_with_rules(texts, "fr")
    assert len(texts) > 500
    assert [dataclasses.asdict(score) for score, _ in lazily] == [
        dataclasses.asdict(score) for score, _ in eagerly
    ]
