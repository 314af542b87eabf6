from concurrent.futures import ThreadPoolExecutor
from datetime import timezone

import pytest

from bot.scoring.types import MessageScore, QuestionScore
from bot.store import (
    InvalidRecord,
    SessionStore,
    UnknownNeed,
    UnknownSession,
    UnknownTurn,
)
from tests.store.test_columns import AWKWARD

NEEDS = [
    {"need_id": "slow_replies", "kind": "conscious", "summary": "Les clients attendent trop."},
    {"need_id": "churn", "kind": "latent", "summary": "Des clients partent sans prévenir."},
]


def start(store: SessionStore, conversation_id: str = "conv-1", **overrides) -> str:
    fields = dict(
        conversation_id=conversation_id,
        sender="alice",
        persona_id="claire",
        language="fr",
        channel="rest",
        trust_start=40.0,
        coaching_enabled=False,
        needs=NEEDS,
        state={"phase": "opening", "revealed": []},
    )
    fields.update(overrides)
    return store.start_session(**fields)


def closed_budget_score() -> dict:
    question = QuestionScore(
        text="Vous avez un budget ?",
        form="closed",
        focus="opportunistic",
        spin="none",
        topics=["budget"],
        cues=["intonation question → closed"],
    )
    return MessageScore(
        text=question.text, lang="fr", kind="question", questions=[question]
    ).to_dict()


def test_session_round_trip(store):
    session_id = start(store)
    session = store.get_session(session_id)
    assert session.id == session_id
    assert (session.conversation_id, session.sender, session.persona_id) == (
        "conv-1",
        "alice",
        "claire",
    )
    assert (session.language, session.channel, session.coaching_enabled) == ("fr", "rest", False)
    assert session.trust_start == session.trust == 40.0
    assert session.state == {"phase": "opening", "revealed": []}
    assert session.started_at.tzinfo is not None
    assert session.started_at.utcoffset() == timezone.utc.utcoffset(None)
    assert session.ended_at is None and not session.ended
    assert [(n.need_id, n.kind, n.uncovered) for n in store.needs(session_id)] == [
        ("slow_replies", "conscious", False),
        ("churn", "latent", False),
    ]


@pytest.mark.parametrize("text", AWKWARD, ids=range(len(AWKWARD)))
def test_any_text_is_stored_losslessly(store, text):
    session_id = start(
        store,
        conversation_id=f"conv {text[:50]}",
        needs=[{"need_id": "n", "kind": "latent", "summary": text}],
        state={"last": text},
    )
    position = store.add_turn(session_id, speaker="trainee", text=text, coaching=text)
    store.record_offer(session_id, turn=1, premature=True, text=text)
    store.end_session(session_id, reason=text)

    turn = store.turns(session_id)[position]
    assert (turn.text, turn.coaching) == (text, text)
    assert store.needs(session_id)[0].summary == text
    assert store.offers(session_id)[0].text == text
    session = store.latest_session(f"conv {text[:50]}")
    assert session.id == session_id
    assert (session.state, session.end_reason) == ({"last": text}, text)


def test_turns_get_consecutive_positions_and_keep_scores(store):
    session_id = start(store)
    scores = closed_budget_score()
    assert store.add_turn(session_id, speaker="system", text="start") == 0
    assert store.add_turn(session_id, speaker="trainee", text="Vous avez un budget ?") == 1
    assert store.add_turn(session_id, speaker="prospect", text="On verra.", trust_after=35.0) == 2

    store.update_turn(
        session_id,
        1,
        scores=scores,
        trust_after=35.0,
        premature=True,
        coaching="Ouvrez la question.",
        intent="ask_budget",
        kind="question",
    )

    system, trainee, prospect = store.turns(session_id)
    assert [t.speaker for t in (system, trainee, prospect)] == ["system", "trainee", "prospect"]
    assert trainee.scores == scores
    assert MessageScore.from_dict(trainee.scores).questions[0].qualifying
    assert (trainee.trust_after, trainee.premature, trainee.coaching) == (
        35.0,
        True,
        "Ouvrez la question.",
    )
    assert (trainee.intent, trainee.kind) == ("ask_budget", "question")
    assert prospect.premature is False and prospect.scores is None
    assert trainee.created_at.tzinfo is not None


def test_trainee_turn_is_committed_before_anything_else(store, database_url):
    session_id = start(store)
    store.add_turn(session_id, speaker="trainee", text="Comment ça se passe ?")
    # Another process (a fresh store on the same database) sees it at once.
    assert [t.text for t in SessionStore(database_url).turns(session_id)] == [
        "Comment ça se passe ?"
    ]


def test_update_turn_rejects_unknown_fields_and_turns(store):
    session_id = start(store)
    store.add_turn(session_id, speaker="trainee", text="Bonjour")
    with pytest.raises(InvalidRecord, match="speaker"):
        store.update_turn(session_id, 0, speaker="prospect")
    with pytest.raises(UnknownTurn, match="position 7"):
        store.update_turn(session_id, 7, coaching="x")


def test_bad_input_is_refused_with_a_clear_message(store):
    with pytest.raises(InvalidRecord, match="kind must be one of"):
        start(store, needs=[{"need_id": "x", "kind": "hidden", "summary": "s"}])
    with pytest.raises(InvalidRecord, match="need_id, kind and summary"):
        start(store, needs=[{"need_id": "x"}])
    with pytest.raises(InvalidRecord, match="unique"):
        start(store, needs=[NEEDS[0], NEEDS[0]])
    with pytest.raises(InvalidRecord, match="JSON"):
        start(store, state={"when": object()})
    session_id = start(store)
    with pytest.raises(InvalidRecord, match="unknown speaker"):
        store.add_turn(session_id, speaker="coach", text="hi")
    with pytest.raises(InvalidRecord, match="1-based"):
        store.mark_need_uncovered(session_id, "churn", 0)
    with pytest.raises(InvalidRecord, match="limit"):
        store.list_sessions(limit=0)


def test_unknown_session_is_reported(store):
    calls = [
        lambda: store.add_turn("nope", speaker="trainee", text="hi"),
        lambda: store.save_state("nope", state={}, trust=50),
        lambda: store.set_coaching("nope", True),
        lambda: store.record_offer("nope", turn=1, premature=False, text="devis"),
        lambda: store.end_session("nope", "goodbye"),
    ]
    for call in calls:
        with pytest.raises(UnknownSession, match="'nope'"):
            call()
    assert store.get_session("nope") is None
    assert store.latest_session("nope") is None
    assert store.turns("nope") == []


def test_need_keeps_the_turn_that_first_uncovered_it(store):
    session_id = start(store)
    store.mark_need_uncovered(session_id, "churn", 4)
    store.mark_need_uncovered(session_id, "churn", 9)
    needs = {n.need_id: n for n in store.needs(session_id)}
    assert needs["churn"].uncovered_turn == 4 and needs["churn"].uncovered
    assert needs["slow_replies"].uncovered_turn is None
    with pytest.raises(UnknownNeed, match="budget"):
        store.mark_need_uncovered(session_id, "budget", 2)


def test_state_trust_language_and_coaching_are_saved(store):
    session_id = start(store)
    store.save_state(session_id, state={"phase": "discovery"}, trust=55.5)
    store.set_coaching(session_id, True)
    session = store.get_session(session_id)
    assert (session.state, session.trust, session.language) == ({"phase": "discovery"}, 55.5, "fr")
    assert session.coaching_enabled and session.trust_start == 40.0
    store.save_state(session_id, state={}, trust=60, language="en")
    assert store.get_session(session_id).language == "en"


def test_offers_are_listed_in_order(store):
    session_id = start(store)
    store.record_offer(session_id, turn=2, premature=True, text="Je vous envoie un devis.")
    store.record_offer(session_id, turn=9, premature=False, text="Une démo jeudi ?")
    assert [(o.turn, o.premature, o.text) for o in store.offers(session_id)] == [
        (2, True, "Je vous envoie un devis."),
        (9, False, "Une démo jeudi ?"),
    ]


def test_ending_is_idempotent_and_a_new_session_becomes_active(store):
    first = start(store)
    assert store.active_session("conv-1").id == first
    store.end_session(first, "walked_out")
    ended = store.get_session(first)
    store.end_session(first, "goodbye")
    again = store.get_session(first)
    assert (again.end_reason, again.ended_at) == ("walked_out", ended.ended_at)
    assert store.active_session("conv-1") is None
    assert store.latest_session("conv-1").id == first

    second = start(store)
    assert store.active_session("conv-1").id == second
    assert store.latest_session("conv-1").id == second
    assert store.latest_session(first).id == first


def test_list_sessions_newest_first_by_sender(store):
    ids = [
        start(store, conversation_id=f"c{i}", sender="bob" if i % 2 else "eve") for i in range(5)
    ]
    assert [s.id for s in store.list_sessions()] == ids[::-1]
    assert [s.id for s in store.list_sessions(sender="bob")] == [ids[3], ids[1]]
    assert [s.id for s in store.list_sessions(limit=2)] == [ids[4], ids[3]]


@pytest.mark.postgres
def test_concurrent_writers_get_distinct_positions(postgres_url):
    store = SessionStore(postgres_url)
    session_id = start(store)

    def write(worker: int) -> list[int]:
        own = SessionStore(postgres_url)  # a replica of its own
        return [own.add_turn(session_id, speaker="trainee", text=f"{worker}") for _ in range(15)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        positions = [p for chunk in pool.map(write, range(4)) for p in chunk]
    assert sorted(positions) == list(range(60))
    assert [t.position for t in store.turns(session_id)] == list(range(60))
