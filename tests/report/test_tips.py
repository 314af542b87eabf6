import pytest

from bot.report import build_scorecard
from bot.report.texts import coaching_texts
from bot.store import SessionStore
from tests.report.sessions import (
    GOOD_DISCOVERY_EN,
    HURRIED_SELLER_FR,
    NEEDS_EN,
    NEEDS_FR,
    Step,
    play,
    question,
)


@pytest.fixture
def sqlite_store(tmp_path) -> SessionStore:
    return SessionStore(f"sqlite:///{tmp_path / 'tips.db'}")


def ask(text: str, form: str = "open", focus: str = "curious", spin: str = "situation") -> Step:
    return Step(text, "question", (question(text, form, focus, spin),))


def tips_of(store: SessionStore, steps: list[Step], lang: str = "en") -> dict[str, dict]:
    needs = NEEDS_EN if lang == "en" else NEEDS_FR
    session_id = play(store, steps, language=lang, needs=needs, conversation_id="t")
    tips = build_scorecard(store, session_id)["tips"]
    assert len(tips) == 3 and len({tip["id"] for tip in tips}) == 3
    return {tip["id"]: tip for tip in tips}


def test_closed_curious_question_gets_an_open_rewrite(sqlite_store):
    rewrites = coaching_texts("en")["rewrites"]["open"]
    steps = [ask(f"Is part {n} of your process manual?", form="closed") for n in range(12)]
    tip = tips_of(sqlite_store, steps)["closed"]
    assert tip["quote"] == "Is part 0 of your process manual?"
    assert tip["rewrite"] == rewrites["situation"]
    assert '"Is part 0 of your process manual?"' in tip["text"] and "0% of your" in tip["text"]


def test_no_depth_follows_up_on_a_problem_they_heard(sqlite_store):
    steps = [
        ask("How is the front desk organised?"),
        ask("What frustrates you most?", spin="problem"),
    ]
    steps += [ask(f"How does step {n} work?") for n in range(10)]
    tip = tips_of(sqlite_store, steps)["no_depth"]
    assert tip["quote"] == "What frustrates you most?"
    assert tip["rewrite"] == coaching_texts("en")["rewrites"]["implication"]


def test_no_reflection_quotes_where_a_need_came_out(sqlite_store):
    steps = [ask(f"How does step {n} work?", spin="problem") for n in range(12)]
    steps[4].uncovers = ("reminders",)
    steps[5].text = "How do reminders work?"  # a question after the need, not the one that found it
    tip = tips_of(sqlite_store, steps)["no_reflections"]
    assert tip["quote"] == "How does step 4 work?"
    assert "Appointment reminders take an hour a day. Is that it?" in tip["rewrite"]


def test_too_many_questions_suggests_dropping_fact_finding_ones(sqlite_store):
    steps = [ask(f"What is hard about task {n}?", spin="problem") for n in range(17)]
    steps[3] = ask("How many chairs do you have?", form="closed", spin="situation")
    tip = tips_of(sqlite_store, steps)["too_many_questions"]
    assert tip["quote"] == "How many chairs do you have?"
    assert "17 questions" in tip["text"]


def test_front_loaded_questions(sqlite_store):
    four = tuple(question(f"How about {n}?", "open", "curious", "problem") for n in range(4))
    burst = [Step("Four questions at once.", "question", four) for _ in range(3)]
    quiet = [Step("I see, thanks.", "statement") for _ in range(6)]
    tip = tips_of(sqlite_store, burst + quiet)["front_loading"]
    assert tip["quote"] == "How about 3?" and "100% of your questions" in tip["text"]


def test_tips_are_in_the_session_language(sqlite_store):
    french = tips_of(sqlite_store, HURRIED_SELLER_FR, lang="fr")
    titles = {tip["title"] for tip in coaching_texts("fr")["tips"].values()}
    assert {tip["title"] for tip in french.values()} <= titles
    english = tips_of(sqlite_store, GOOD_DISCOVERY_EN)
    assert all("«" not in tip["text"] for tip in english.values())


def test_too_few_questions_follows_up_on_the_last_curious_one(sqlite_store):
    steps = [
        ask("How do you plan the week?"),
        ask("Can I send you a quote?", "closed", "opportunistic"),
    ]
    tip = tips_of(sqlite_store, steps)["too_few_questions"]
    assert tip["quote"] == "How do you plan the week?"
    assert tip["rewrite"] == coaching_texts("en")["rewrites"]["follow_up"]
