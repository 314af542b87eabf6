import pytest

from bot.simulation.engine import closing_line, play_turn
from tests.simulation.conftest import message, question


def tag(reply: str) -> str:
    return reply.split("]")[0].lstrip("[")


def test_open_curious_question_raises_trust_and_gets_a_fact(persona, state):
    outcome = play_turn(persona, state, message(question("How is your team organised?")))
    assert outcome.trust_after > outcome.trust_before
    assert tag(outcome.reply) == "fact:staff"
    assert state["turn"] == 1


def test_premature_budget_question_costs_trust_and_is_flagged(persona, state):
    ask = question("Do you have a budget?", "closed", "opportunistic", "none", ["budget"])
    outcome = play_turn(persona, state, message(ask))
    assert outcome.premature
    assert outcome.trust_after < outcome.trust_before - 5
    assert tag(outcome.reply) == "premature"


def test_budget_after_a_need_is_normal_qualification(persona, state):
    state["uncovered"] = ["schedule"]
    ask = question("What budget did you plan?", "open", "opportunistic", "none", ["budget"])
    outcome = play_turn(persona, state, message(ask))
    assert not outcome.premature


def test_conscious_need_comes_out_for_an_on_topic_problem_question(persona, state):
    ask = question("What is hard about the shift schedules?", spin="problem")
    outcome = play_turn(persona, state, message(ask))
    assert [need.id for need in outcome.revealed] == ["schedule"]
    assert state["uncovered"] == ["schedule"]
    assert "Staff scheduling" in outcome.coaching


def test_latent_need_needs_trust(persona, state):
    deep = question("How does being tired affect your family?", spin="implication")
    low = play_turn(persona, state, message(deep))
    assert low.revealed == []
    assert tag(low.reply) == "hint:burnout"
    state["trust"] = 70
    high = play_turn(
        persona, state, message(question("And your evenings with family?", spin="implication"))
    )
    assert [need.id for need in high.revealed] == ["burnout"]


def test_latent_need_follows_a_deep_question_once_a_need_is_known(persona, state):
    state["uncovered"] = ["schedule"]
    state["trust"] = 75
    deep = question("What would it change for you if that were solved?", spin="need_payoff")
    outcome = play_turn(persona, state, message(deep))
    assert [need.id for need in outcome.revealed] == ["burnout"]


def test_closed_question_gets_a_short_guarded_answer(persona, state):
    outcome = play_turn(persona, state, message(question("Is it going well?", "closed")))
    assert tag(outcome.reply) == "closed"


def test_reflection_earns_trust(persona, state):
    outcome = play_turn(persona, state, message(kind="reflection", text="So you're short of time."))
    assert outcome.trust_after > outcome.trust_before
    assert tag(outcome.reply) == "reflection"


def test_quote_before_discovery_is_a_premature_offer(persona, state):
    outcome = play_turn(
        persona,
        state,
        message(kind="statement", offer=True, text="I'll send you a quote tomorrow."),
    )
    assert outcome.offer and outcome.premature
    assert outcome.trust_after < outcome.trust_before
    assert "7" in outcome.coaching


def test_chasing_the_quote_by_intent(persona, state):
    outcome = play_turn(
        persona,
        state,
        message(kind="statement", text="So, the proposal?"),
        intent="chase_quote",
        intent_confidence=0.95,
    )
    assert tag(outcome.reply) == "chase"
    assert outcome.trust_after < outcome.trust_before


def test_replies_never_repeat_within_a_session(persona, state):
    replies = [
        play_turn(persona, state, message(question(f"Is {n} ok?", "closed"))).reply
        for n in range(12)
    ]
    assert len(set(replies)) == len(replies)


def test_patience_runs_out_for_a_busy_prospect(persona, state):
    persona.trust.patience = 2
    pushy = question("Do you want a demo?", "closed", "opportunistic", "none", ["demo"])
    first = play_turn(persona, state, message(pushy))
    second = play_turn(persona, state, message(pushy))
    assert not first.ended
    assert second.ended and second.end_reason == "walked_out"
    assert tag(second.reply) == "walk_out"


def test_sensitivity_scales_trust_moves(persona, state):
    persona.trust.sensitivity = 0.5
    outcome = play_turn(persona, state, message(question("How is your team organised?")))
    assert outcome.trust_after - outcome.trust_before == pytest.approx(2.5)


@pytest.mark.parametrize(
    "trust, uncovered, expected",
    [
        (80, ["burnout"], "ending_good"),
        (20, [], "ending_bad"),
        (50, [], "ending_neutral"),
    ],
)
def test_closing_line_reflects_the_meeting(persona, state, trust, uncovered, expected):
    state.update(trust=trust, uncovered=uncovered)
    assert tag(closing_line(persona, state)) == expected


def test_french_session_answers_in_french(persona):
    from bot.simulation.engine import new_state

    state = new_state(persona, "fr", seed="x")
    outcome = play_turn(persona, state, message(question("Comment est organisée votre équipe ?")))
    assert outcome.reply == "[fact:staff] Douze personnes." or outcome.reply.startswith(
        "[fact:staff]"
    )
    assert outcome.coaching.startswith("💡 Coach : ")


def test_a_deep_question_with_too_little_trust_gets_a_hesitation(persona, state):
    deep = question("What would it change for you if that were solved?", spin="need_payoff")
    outcome = play_turn(persona, state, message(deep))
    assert outcome.revealed == []
    assert tag(outcome.reply) == "hint:burnout"


def test_a_deep_question_that_finds_nothing_gets_no_situation_fact(persona, state):
    """ "What does a short-staffed Saturday do to your team?" touches the staff fact, but a head
    count is no answer to what a problem costs: the buyer has not thought about it yet."""
    state["uncovered"] = ["burnout"]  # no hidden need left to hint at
    deep = question("What does a short-staffed Saturday do to your team?", spin="implication")
    outcome = play_turn(persona, state, message(deep))
    assert outcome.revealed == []
    assert tag(outcome.reply) == "unexplored"
    # Without that reply in the persona file, the prospect stays vague.
    persona.replies = persona.replies.copy(update={"unexplored": None})
    again = question("And what would it be worth to your team to fix it?", spin="need_payoff")
    assert tag(play_turn(persona, state, message(again)).reply) == "vague"
    # A closed deep question still gets a short, guarded answer.
    closed = question("Does it cost your team its weekends?", "closed", spin="implication")
    assert tag(play_turn(persona, state, message(closed)).reply) == "closed"


def test_trust_is_kept_to_one_decimal(persona, state):
    persona.trust.sensitivity = 0.7
    for _ in range(3):
        outcome = play_turn(persona, state, message(question("How is your team organised?")))
    assert outcome.trust_after == round(outcome.trust_after, 1)
