"""Three coaching tips, picked by what went worst, each quoting the trainee's own words with a
better question from data/coaching/{fr,en}.yml. A good session gets what to keep doing and a
next step instead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.report.facts import AskedQuestion, SessionFacts
from bot.report.texts import coaching_texts, scorecard_settings

TIP_COUNT = 3
DEEP_SPINS = ("implication", "need_payoff")


@dataclass(frozen=True)
class _Option:
    """One way to word a tip: about a quote of the trainee (best first), or a general fallback."""

    quote: str | None
    rewrite: str | None
    variant: str = "text"  # the key of the wording in the tip's YAML entry
    turn: int | None = None


@dataclass
class _Candidate:
    id: str
    options: list[_Option]
    severity: float = 0.0
    values: dict = field(default_factory=dict)


def choose_tips(facts: SessionFacts, questions: dict, lang: str) -> list[dict]:
    """`questions` is the scorecard's "questions" section (counts and ratios)."""
    return _TipWriter(facts, questions, lang).tips()


class _TipWriter:
    def __init__(self, facts: SessionFacts, questions: dict, lang: str) -> None:
        self.facts = facts
        self.summary = questions
        self.texts = coaching_texts(lang)
        self.rewrites = self.texts["rewrites"]
        self.settings = scorecard_settings()
        self.weight = self.settings["tip_weight"]
        low, high = self.settings["question_band"]
        self.values = {
            "count": questions["count"],
            "low": low,
            "high": high,
            "open_pct": round(questions["open_ratio"] * 100),
            "share": round(questions["first_third_share"] * 100),
        }

    def tips(self) -> list[dict]:
        problems = [c for c in self._problems() if c is not None and c.severity > 0]
        problems.sort(key=lambda c: c.severity, reverse=True)
        chosen = problems[:TIP_COUNT]
        ids = {c.id for c in chosen}
        for candidate in [c for c in self._strengths() if c is not None] + self._fallbacks(ids):
            if len(chosen) == TIP_COUNT:
                break
            chosen.append(candidate)
        used: set[str] = set()
        return [self._write(candidate, used) for candidate in chosen]

    def _write(self, candidate: _Candidate, used: set[str]) -> dict:
        fresh = [o for o in candidate.options if o.quote is None or o.quote not in used]
        option = (fresh or candidate.options)[0]
        if option.quote is not None:
            used.add(option.quote)
        wording = self.texts["tips"][candidate.id]
        values = {**self.values, **candidate.values, "quote": option.quote}
        values.update(rewrite=option.rewrite, turn=option.turn)
        return {
            "id": candidate.id,
            "title": wording["title"],
            "text": " ".join(wording[option.variant].format(**values).split()),
            "quote": option.quote,
            "rewrite": option.rewrite,
        }

    # -- rewrites ------------------------------------------------------------------------------

    def _curious(self, question: AskedQuestion) -> str:
        curious = self.rewrites["curious"]
        topic = next((t for t in question.topics if t in curious), "default")
        return curious[topic]

    def _open(self, question: AskedQuestion) -> str:
        if question.focus == "opportunistic":
            return self._curious(question)
        return self.rewrites["open"].get(question.spin, self.rewrites["open"]["none"])

    def _about(
        self, questions: list[AskedQuestion], rewrite: Callable[[AskedQuestion], str]
    ) -> list[_Option]:
        return [_Option(q.text, rewrite(q), turn=q.turn) for q in questions]

    def _reflection(self) -> str:
        heard = [n for n in self.facts.needs if n.uncovered]
        if not heard:
            return self.rewrites["reflection_default"]
        return self.rewrites["reflection"].format(need=heard[0].summary.rstrip(" .!?…"))

    # -- what went wrong -----------------------------------------------------------------------

    def _problems(self) -> list[_Candidate | None]:
        return [
            self._premature_offer(),
            self._premature_question(),
            self._opportunistic(),
            self._closed(),
            self._no_depth(),
            self._no_reflections(),
            self._question_count(),
            self._front_loading(),
        ]

    def _premature_offer(self) -> _Candidate | None:
        offers = [o for o in self.facts.offers if o.premature]
        if not offers:
            return None
        rewrite = self.rewrites["curious"]["quote"]
        options = [_Option(o.text, rewrite, turn=o.turn) for o in offers]
        return _Candidate("premature_offer", options, self.weight["premature_offer"])

    def _premature_question(self) -> _Candidate | None:
        premature = [q for q in self.facts.questions if q.premature]
        if not premature:
            return None
        options = self._about(premature, self._curious)
        return _Candidate("premature_question", options, self.weight["premature_question"])

    def _opportunistic(self) -> _Candidate | None:
        questions = self.facts.questions
        pushy = [q for q in questions if q.focus == "opportunistic" and not q.premature]
        if not pushy:
            return None
        share = sum(q.focus == "opportunistic" for q in questions) / len(questions)
        options = self._about(pushy, self._curious)
        return _Candidate("opportunistic", options, self.weight["opportunistic"] * share)

    def _closed(self) -> _Candidate | None:
        target = self.settings["open_ratio"]["proficient"]
        closed = [q for q in self.facts.questions if q.form == "closed"]
        if not closed or self.summary["open_ratio"] >= target:
            return None
        # Curious closed questions first: the opportunistic ones have tips of their own.
        closed.sort(key=lambda q: q.focus != "curious")
        severity = self.weight["closed"] * (target - self.summary["open_ratio"]) / target
        return _Candidate("closed", self._about(closed, self._open), severity)

    def _no_depth(self) -> _Candidate | None:
        spin = self.summary["spin"]
        if self.summary["count"] < self.settings["min_questions_for_depth_tip"]:
            return None
        if any(spin[s] for s in DEEP_SPINS):
            return None
        implication = self.rewrites["implication"]
        problems = [q for q in self.facts.questions if q.spin == "problem"]
        options = self._about(problems, lambda q: implication)
        options.append(_Option(None, implication, variant="fallback"))
        return _Candidate("no_depth", options, self.weight["no_depth"])

    def _no_reflections(self) -> _Candidate | None:
        if (
            self.facts.reflections
            or self.facts.turns < self.settings["min_turns_for_reflection_tip"]
        ):
            return None
        reflection = self._reflection()
        # The question that made a need come out is where a reflection belonged.
        uncovering = {n.uncovered_turn for n in self.facts.needs if n.uncovered}
        asked = self.facts.questions
        revealing = [q for q in asked if q.turn in uncovering] + asked[-1:]
        options = self._about(revealing, lambda q: reflection)
        options.append(_Option(None, reflection, variant="fallback"))
        return _Candidate("no_reflections", options, self.weight["no_reflections"])

    def _question_count(self) -> _Candidate | None:
        count = self.summary["count"]
        low, high = self.settings["question_band"]
        weight = self.weight["question_count"]
        if count < low:
            follow_up = self.rewrites["follow_up"]
            # Follow up on what they were curious about, not on a sales question.
            curious = [q for q in self.facts.questions if q.focus == "curious"]
            options = self._about(curious[-1:], lambda q: follow_up)
            options.append(_Option(None, self.rewrites["first_question"], variant="fallback"))
            return _Candidate("too_few_questions", options, weight * (low - count) / low)
        if count > high:
            implication = self.rewrites["implication"]
            facts_only = [q for q in self.facts.questions if q.spin == "situation"]
            closed = [q for q in self.facts.questions if q.form == "closed"]
            options = self._about(facts_only + closed + self.facts.questions, lambda q: implication)
            return _Candidate("too_many_questions", options, weight * min(1, (count - high) / high))
        return None

    def _front_loading(self) -> _Candidate | None:
        rule = self.settings["front_loading"]
        share = self.summary["first_third_share"]
        if self.summary["count"] < rule["min_questions"] or share <= rule["first_third_max_share"]:
            return None
        early = [q for q in self.facts.questions if q.turn <= self.facts.first_third_end]
        follow_up = self.rewrites["follow_up"]
        options = self._about(early[-1:], lambda q: follow_up)
        return _Candidate("front_loading", options, self.weight["front_loading"])

    # -- what went well, and what next ---------------------------------------------------------

    def _strengths(self) -> list[_Candidate | None]:
        questions = self.facts.questions
        deep = [q for q in questions if q.spin in DEEP_SPINS]
        open_curious = [q for q in questions if q.form == "open" and q.focus == "curious"]
        proficient = self.summary["open_ratio"] >= self.settings["open_ratio"]["proficient"]
        reflections = [_Option(text, None) for text in self.facts.reflections]
        return [
            _Candidate("keep_depth", self._about(deep, lambda q: None)) if deep else None,
            _Candidate("keep_open", self._about(open_curious, lambda q: None))
            if proficient and open_curious
            else None,
            self._next_step() if self.facts.uncovered("latent") else None,
            _Candidate("keep_reflecting", reflections) if reflections else None,
        ]

    def _next_step(self) -> _Candidate:
        latent = self.facts.uncovered("latent")
        if not latent:
            return _Candidate("next_step", [_Option(None, None, variant="fallback")])
        need = latent[0].summary.rstrip(" .!?…")
        return _Candidate("next_step", [_Option(None, None)], values={"need": need})

    def _fallbacks(self, chosen: set[str]) -> list[_Candidate]:
        """Always enough to make three tips, whatever was chosen before."""
        fallbacks = [] if self.facts.uncovered("latent") else [self._next_step()]
        if "closed" not in chosen:
            first = self.rewrites["first_question"]
            fallbacks.append(_Candidate("open_example", [_Option(None, first)]))
        if "no_reflections" not in chosen:
            reflection = self._reflection()
            fallbacks.append(_Candidate("reflection_example", [_Option(None, reflection)]))
        return fallbacks
