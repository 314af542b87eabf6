from bot.report import build_scorecard, render_markdown
from bot.report.markdown import sparkline
from bot.scoring import get_scorer
from tests.report.sessions import (
    BUDGET,
    GOOD_DISCOVERY_EN,
    HURRIED_SELLER_FR,
    NEEDS_EN,
    NEEDS_FR,
    Step,
    play,
    question,
)


def test_french_session_renders_in_french(store):
    play(store, HURRIED_SELLER_FR, language="fr", needs=NEEDS_FR, conversation_id="fr")
    card = build_scorecard(store, "fr")
    text = render_markdown(card)
    for heading in (
        "# Bilan de la séance",
        "## Découverte",
        "## Confiance",
        "## Besoins",
        "## Vos questions",
        "## Trois conseils",
        "## Verdict",
    ):
        assert heading in text
    assert "| Questions | 3 ✗ | 11 à 14 |" in text
    assert "| Ouvertes | 0 % |" in text
    assert "| Offre | tour 4, prématurée |" in text
    assert f"« {BUDGET} » — fermée, opportuniste, sans type SPIN, ⚠ prématurée" in text
    assert "`▄▃▃▂▂` 40 → 13" in text
    assert f"> {card['outcome']}" in text
    for tip in card["tips"]:
        assert tip["text"] in text


def test_english_session_renders_in_english(store):
    play(store, GOOD_DISCOVERY_EN, language="en", needs=NEEDS_EN, conversation_id="en")
    text = render_markdown(build_scorecard(store, "en"))
    assert "# Scorecard" in text and "## Three tips" in text and "## Outcome" in text
    assert "| Questions | 12 ✓ | 11–14 |" in text
    assert "| Reflections | 2 (0.17 per question) |" in text
    assert "✅ **latent** — Lost patients are never followed up. (uncovered at turn 10)" in text
    assert "Bilan" not in text and "«" not in text


def test_trainee_text_is_quoted_verbatim(store):
    odd = "Comment *vraiment* gérez-vous ça 😀 {budget} | <b>?"
    steps = [Step(odd, "question", (question(odd, "open", "curious", "problem"),))]
    play(store, steps, language="fr", needs=NEEDS_FR, conversation_id="odd")
    assert f"« {odd} »" in render_markdown(build_scorecard(store, "odd"))


def test_sparkline_spans_the_trust_scale():
    assert sparkline([0, 50, 100]) == "▁▅█"
    assert sparkline([]) == ""


def test_each_question_shows_why_it_got_its_labels(store):
    """The cues the trainee saw live come back in the scorecard, one per label at most; a
    question stored without cues (an older session) gets no empty line."""
    scored = get_scorer().score("Vous avez un budget pour ça ?", "fr").questions[0]
    bare = question("Et vos clients ?", "closed", "curious", "situation")
    steps = [Step(scored.text, "question", (scored,)), Step(bare.text, "question", (bare,))]
    play(store, steps, language="fr", needs=NEEDS_FR, conversation_id="why")
    card = build_scorecard(store, "why")
    assert card["questions"]["items"][0]["cues"] == scored.cues
    text = render_markdown(card)
    assert len(scored.cues) >= 3
    assert f"\n   _Pourquoi : {' · '.join(scored.cues[:3])}_\n" in text
    assert text.count("_Pourquoi : ") == 1
