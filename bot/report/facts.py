"""What happened in a session, read from the store once and shaped for the scorecard."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from bot.store import NeedRecord, OfferRecord, SessionRecord, SessionStore, TurnRecord


@dataclass(frozen=True)
class AskedQuestion:
    """One question of one trainee message, as the scorer labelled it."""

    turn: int  # 1-based trainee turn, as in docs/contracts.md
    text: str
    form: str
    focus: str
    spin: str
    topics: tuple[str, ...]
    qualifying: bool
    premature: bool  # a qualifying question asked before any need was uncovered
    cues: tuple[str, ...] = ()  # why the scorer gave its labels, as the trainee saw them live

    def to_dict(self) -> dict:
        out = asdict(self)
        out["topics"], out["cues"] = list(self.topics), list(self.cues)
        return out


@dataclass(frozen=True)
class SessionFacts:
    session: SessionRecord
    turns: int  # trainee messages the simulation scored (numbered 1..turns)
    questions: list[AskedQuestion]
    reflections: list[str]  # the trainee's reflections, verbatim
    trust_curve: list[float]
    trainee_words: int
    prospect_words: int
    needs: list[NeedRecord]
    offers: list[OfferRecord]

    @property
    def first_third_end(self) -> int:
        """The last trainee turn in the first third of the session."""
        return max(1, -(-self.turns // 3))

    def uncovered(self, kind: str) -> list[NeedRecord]:
        return [need for need in self.needs if need.kind == kind and need.uncovered]


def gather_facts(store: SessionStore, session: SessionRecord) -> SessionFacts:
    turns = store.turns(session.id)
    # Unscored trainee messages (a coaching toggle, a goodbye) are not turns of the role-play.
    scored = [t for t in turns if t.speaker == "trainee" and t.scores is not None]
    return SessionFacts(
        session=session,
        turns=len(scored),
        questions=[q for number, t in enumerate(scored, 1) for q in _questions(number, t)],
        reflections=[t.text for t in scored if _is_reflection(t.scores)],
        trust_curve=[t.trust_after for t in scored if t.trust_after is not None],
        trainee_words=_words(turns, "trainee"),
        prospect_words=_words(turns, "prospect"),
        needs=store.needs(session.id),
        offers=store.offers(session.id),
    )


def _questions(number: int, turn: TurnRecord) -> list[AskedQuestion]:
    asked = []
    for question in turn.scores.get("questions", []):
        qualifying = bool(question.get("qualifying"))
        asked.append(
            AskedQuestion(
                turn=number,
                text=question["text"],
                form=question["form"],
                focus=question["focus"],
                spin=question.get("spin", "none"),
                topics=tuple(question.get("topics", ())),
                qualifying=qualifying,
                premature=turn.premature and qualifying,
                cues=tuple(question.get("cues", ())),
            )
        )
    return asked


def _is_reflection(scores: dict) -> bool:
    return scores.get("kind") == "reflection" or bool(scores.get("reflection"))


def _words(turns: list[TurnRecord], speaker: str) -> int:
    return sum(len(t.text.split()) for t in turns if t.speaker == speaker)
