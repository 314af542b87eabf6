import pytest

from bot.personas.loader import load_personas
from bot.report import UnknownSession, build_scorecard
from tests.report.sessions import (
    BUDGET,
    BUDGET_EN,
    DEVIS,
    GOOD_DISCOVERY_EN,
    HURRIED_SELLER_FR,
    NEEDS_EN,
    NEEDS_FR,
    Step,
    play,
    question,
)

BUDGET_REWRITE_FR = (
    "Comment décidez-vous habituellement de ce type d'investissement, "
    "et qu'est-ce qui le rendrait évident pour vous ?"
)


def words(texts) -> int:
    return sum(len(text.split()) for text in texts)


def curious_steps(count: int, *, form: str = "open", spin: str = "situation") -> list[Step]:
    texts = [f"Question {n} about how your practice works?" for n in range(1, count + 1)]
    return [Step(t, "question", (question(t, form, "curious", spin),)) for t in texts]


def test_hurried_seller_scorecard(store):
    session_id = play(
        store, HURRIED_SELLER_FR, language="fr", needs=NEEDS_FR, conversation_id="conv-fr"
    )
    card = build_scorecard(store, "conv-fr")

    assert (card["session_id"], card["conversation_id"]) == (session_id, "conv-fr")
    assert (card["language"], card["channel"], card["end_reason"]) == ("fr", "rest", "goodbye")
    assert card["started_at"].endswith("+00:00") and card["ended_at"] >= card["started_at"]
    assert card["turns"] == 4
    questions = card["questions"]
    assert (questions["count"], questions["band"], questions["in_band"]) == (3, [11, 14], False)
    assert (questions["open_ratio"], questions["curious_ratio"]) == (0.0, 0.0)
    assert questions["spin"] == {"situation": 0, "problem": 0, "implication": 0, "need_payoff": 0}
    assert [q["premature"] for q in questions["items"]] == [False, True, True]
    assert card["reflections"] == {"count": 0, "ratio_to_questions": 0.0}
    assert card["trust"] == {"start": 40.0, "end": 13.0, "curve": [37.0, 28.0, 21.0, 13.0]}
    assert [(n["id"], n["uncovered"], n["turn"]) for n in card["needs"]] == [
        ("rappels", False, None),
        ("fuite", False, None),
    ]
    assert card["needs_summary"] == {
        "conscious": {"uncovered": 0, "available": 1},
        "latent": {"uncovered": 0, "available": 1},
    }
    assert card["offer"] == {"made": True, "premature": True, "turn": 4}
    assert (card["premature_offers"], card["premature_questions"]) == (1, 2)
    trainee = words(step.text for step in HURRIED_SELLER_FR)
    prospect = words(step.reply for step in HURRIED_SELLER_FR)
    assert card["talk_share"] == {
        "trainee_words": trainee,
        "prospect_words": prospect,
        "trainee_ratio": round(trainee / (trainee + prospect), 2),
    }
    assert card["outcome"].startswith("Simulation : ")
    assert "7 devis sur 10" in card["outcome"] and "corbeille" in card["outcome"]


def test_hurried_seller_tips_quote_the_trainee_with_better_questions(store):
    play(store, HURRIED_SELLER_FR, language="fr", needs=NEEDS_FR, conversation_id="conv-fr")
    tips = build_scorecard(store, "conv-fr")["tips"]

    assert [tip["id"] for tip in tips] == ["premature_offer", "premature_question", "closed"]
    offer, premature, closed = tips
    assert offer["quote"] == DEVIS and f"« {DEVIS} »" in offer["text"]
    assert "Au tour 4" in offer["text"]
    assert premature["quote"] == BUDGET
    assert premature["rewrite"] == BUDGET_REWRITE_FR
    assert f"« {BUDGET_REWRITE_FR} »" in premature["text"]
    # Each tip quotes a different question of the trainee.
    assert len({tip["quote"] for tip in tips}) == 3
    assert closed["quote"] in [step.text for step in HURRIED_SELLER_FR]
    assert "0 % de vos questions" in closed["text"]


def test_good_discovery_scorecard(store):
    play(store, GOOD_DISCOVERY_EN, language="en", needs=NEEDS_EN, conversation_id="conv-en")
    card = build_scorecard(store, "conv-en")

    questions = card["questions"]
    assert (questions["count"], questions["in_band"]) == (12, True)
    assert (questions["open_ratio"], questions["curious_ratio"]) == (0.83, 0.92)
    assert questions["spin"] == {"situation": 4, "problem": 3, "implication": 2, "need_payoff": 2}
    assert card["reflections"] == {"count": 2, "ratio_to_questions": 0.17}
    assert card["trust"]["curve"] == [step.trust_after for step in GOOD_DISCOVERY_EN]
    assert [(n["kind"], n["turn"]) for n in card["needs"]] == [("conscious", 5), ("latent", 10)]
    assert card["needs_summary"]["latent"] == {"uncovered": 1, "available": 1}
    assert card["offer"] == {"made": False, "premature": False, "turn": None}
    assert card["premature_questions"] == 0
    assert card["outcome"].startswith("Simulation: ")
    assert "next meeting is likely" in card["outcome"] and "72/100" in card["outcome"]

    tips = card["tips"]
    assert tips[0]["id"] == "opportunistic" and tips[0]["quote"] == BUDGET_EN
    assert [tip["id"] for tip in tips[1:]] == ["keep_depth", "keep_open"]
    assert tips[1]["quote"] in {q["text"] for q in questions["items"] if q["spin"] == "implication"}


def test_great_session_gets_what_to_keep_doing_and_a_next_step(store):
    steps = [s for s in GOOD_DISCOVERY_EN if s.text != BUDGET_EN]
    play(store, steps, language="en", needs=NEEDS_EN, conversation_id="great")
    tips = build_scorecard(store, "great")["tips"]
    assert [tip["id"] for tip in tips] == ["keep_depth", "keep_open", "next_step"]
    assert "Lost patients are never followed up" in tips[2]["text"]


def test_session_id_or_conversation_id_and_unknown_refs(store):
    first = play(store, HURRIED_SELLER_FR, language="fr", needs=NEEDS_FR, conversation_id="c")
    second = play(store, GOOD_DISCOVERY_EN, language="en", needs=NEEDS_EN, conversation_id="c")
    assert build_scorecard(store, "c")["session_id"] == second
    assert build_scorecard(store, first)["session_id"] == first
    with pytest.raises(UnknownSession, match="'nobody'"):
        build_scorecard(store, "nobody")


def test_unscored_trainee_messages_are_not_turns(store):
    session_id = play(store, curious_steps(2), language="en", needs=NEEDS_EN, conversation_id="u")
    store.add_turn(session_id, speaker="trainee", text="coaching off")
    card = build_scorecard(store, session_id)
    assert card["turns"] == 2
    assert card["talk_share"]["trainee_words"] == words(s.text for s in curious_steps(2)) + 2


def test_persona_name_comes_from_the_library(store):
    play(store, curious_steps(1), language="en", needs=NEEDS_EN, conversation_id="p")
    personas = load_personas()
    card = build_scorecard(store, "p", personas=personas)
    assert card["persona"] == {"id": "claire-dental", "name": personas["claire-dental"].name}
    assert build_scorecard(store, "p")["persona"]["name"] == "claire-dental"


def test_empty_session(store):
    play(store, [], language="fr", needs=NEEDS_FR, conversation_id="empty", end_reason=None)
    card = build_scorecard(store, "empty")
    assert (card["turns"], card["questions"]["count"], card["ended_at"]) == (0, 0, None)
    assert (card["questions"]["open_ratio"], card["talk_share"]["trainee_ratio"]) == (0.0, 0.0)
    assert card["trust"] == {"start": 40.0, "end": 40.0, "curve": []}
    assert [tip["id"] for tip in card["tips"]] == [
        "too_few_questions",
        "next_step",
        "open_example",
    ]
    assert "aucun message" in card["outcome"]


@pytest.mark.parametrize(
    ("end_reason", "uncovers", "trust", "expected"),
    [
        ("walked_out", (), 20, "the prospect ended the meeting"),
        ("goodbye", (), 50, "no need uncovered"),
        ("goodbye", ("reminders",), 70, "already knew (1 conscious need(s))"),
        ("goodbye", ("leak",), 45, "trust is only 45/100"),
        ("goodbye", ("leak",), 60, "a next meeting is likely"),
    ],
)
def test_outcome_line(store, end_reason, uncovers, trust, expected):
    steps = curious_steps(3)
    steps[-1].uncovers = uncovers
    steps[-1].trust_after = trust
    play(store, steps, language="en", needs=NEEDS_EN, conversation_id="o", end_reason=end_reason)
    outcome = build_scorecard(store, "o")["outcome"]
    assert outcome.startswith("Simulation: ") and expected in outcome


def test_offer_after_discovery_is_not_a_quote_in_the_bin(store):
    steps = curious_steps(3)
    steps[0].uncovers = ("reminders",)
    steps.append(Step("Shall I send you a proposal?", "pitch", offer=True, trust_after=55))
    play(store, steps, language="en", needs=NEEDS_EN, conversation_id="offer")
    card = build_scorecard(store, "offer")
    assert card["offer"] == {"made": True, "premature": False, "turn": 4}
    assert card["premature_offers"] == 0
    assert "7 in 10" not in card["outcome"] and "already knew" in card["outcome"]
