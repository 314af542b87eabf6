"""The shipped persona library: valid, complete in both languages, and varied."""

from __future__ import annotations

import pytest

from bot import config
from bot.personas.loader import (
    check_paths,
    completeness_warnings,
    default_persona_id,
    library_settings,
    load_errors,
    load_personas,
)
from bot.simulation.text import fold

SHIPPED, SHIPPED_ERRORS = check_paths([config.personas_dir()])
IDS = sorted(SHIPPED)


def test_every_shipped_file_is_valid():
    assert [str(error) for error in SHIPPED_ERRORS] == []
    assert load_errors() == []
    assert sorted(load_personas()) == IDS


def test_the_library_covers_every_difficulty():
    difficulties = {persona.difficulty for persona, _ in SHIPPED.values()}
    assert difficulties == {"friendly", "busy", "guarded", "sceptical", "technical"}


def test_the_default_persona_is_the_friendly_one():
    assert SHIPPED[default_persona_id()][0].difficulty == "friendly"


@pytest.mark.parametrize("persona_id", IDS)
def test_every_phrasing_list_is_long_enough_in_both_languages(persona_id):
    persona, file = SHIPPED[persona_id]
    minimums = library_settings()["min_phrasings"]
    assert persona.languages == ["fr", "en"]
    assert [str(w) for w in completeness_warnings(persona, file, minimums)] == []


@pytest.mark.parametrize("persona_id", IDS)
def test_needs_follow_the_discovery_model(persona_id):
    persona, _ = SHIPPED[persona_id]
    conscious, latent = persona.needs_of("conscious"), persona.needs_of("latent")
    assert len(conscious) >= 2 and len(latent) >= 2
    assert len(persona.facts) >= 5
    # Latent needs take more trust and deeper questions than conscious ones.
    assert min(n.min_trust for n in latent) > max(n.min_trust for n in conscious)
    assert all(set(n.spin) & {"implication", "need_payoff"} for n in latent)
    assert all(set(n.spin) & {"situation", "problem"} for n in conscious)
    assert all(n.min_trust > persona.trust.start for n in latent)


@pytest.mark.parametrize("persona_id", IDS)
def test_topic_keywords_are_lower_case_and_distinct(persona_id):
    persona, _ = SHIPPED[persona_id]
    groups = [f.topics for f in persona.facts] + [n.topics for n in persona.needs]
    groups += [o.topics for o in persona.objections]
    for topics in groups:
        for lang in ("fr", "en"):
            words = topics.get(lang)
            assert all(word == word.lower() for word in words), words
            assert len({fold(word) for word in words}) == len(words), words


@pytest.mark.parametrize("persona_id", IDS)
def test_no_phrasing_is_repeated_within_a_persona(persona_id):
    persona, _ = SHIPPED[persona_id]
    for lang in ("fr", "en"):
        texts = [
            text
            for field in persona.replies.__fields__
            for text in getattr(persona.replies, field).get(lang)
        ]
        assert len(texts) == len(set(texts))


def test_busy_walks_out_and_sceptical_moves_slowly():
    by_difficulty = {persona.difficulty: persona for persona, _ in SHIPPED.values()}
    assert by_difficulty["busy"].trust.patience is not None
    assert by_difficulty["sceptical"].trust.sensitivity < 1
    others = [p.trust.start for d, p in by_difficulty.items() if d != "friendly"]
    assert by_difficulty["friendly"].trust.start > max(others)
