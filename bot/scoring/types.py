"""What the scorer returns. Shared by the simulation, the store, the report and the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Lang = Literal["fr", "en"]
Kind = Literal["question", "reflection", "pitch", "greeting", "statement"]
Form = Literal["open", "closed"]
Focus = Literal["curious", "opportunistic"]
Spin = Literal["situation", "problem", "implication", "need_payoff", "none"]

KINDS: tuple[str, ...] = ("question", "reflection", "pitch", "greeting", "statement")
FORMS: tuple[str, ...] = ("open", "closed")
FOCUSES: tuple[str, ...] = ("curious", "opportunistic")
SPINS: tuple[str, ...] = ("situation", "problem", "implication", "need_payoff", "none")

# Sales topics a question can be about. "Qualifying" topics are the ones the rubric says are
# premature before any need has been uncovered.
QUALIFYING_TOPICS: frozenset[str] = frozenset(
    {"budget", "timing", "decision", "quote", "competitors"}
)


@dataclass
class QuestionScore:
    """One question inside a trainee message."""

    text: str
    form: Form
    focus: Focus
    spin: Spin  # "none" for opportunistic questions
    form_confidence: float = 1.0
    focus_confidence: float = 1.0
    spin_confidence: float = 1.0
    # Sales topics detected (subset of: budget, timing, decision, quote, competitors, product,
    # demo, need_for_product). Empty for purely curious questions.
    topics: list[str] = field(default_factory=list)
    # Human-readable reasons, e.g. 'starts with « est-ce que » → closed'.
    cues: list[str] = field(default_factory=list)

    @property
    def qualifying(self) -> bool:
        return any(t in QUALIFYING_TOPICS for t in self.topics)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["qualifying"] = self.qualifying
        return out


@dataclass
class MessageScore:
    """One trainee message: its kind and every question in it."""

    text: str
    lang: Lang
    kind: Kind
    kind_confidence: float = 1.0
    questions: list[QuestionScore] = field(default_factory=list)
    # True when the message (or part of it) proposes, promises or chases a quote/offer/demo.
    offer: bool = False
    # True when the message contains a reflection, even if its main kind is "question".
    reflection: bool = False
    # True when the message pitches the product, even if its main kind is "question".
    pitch: bool = False
    cues: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "lang": self.lang,
            "kind": self.kind,
            "kind_confidence": self.kind_confidence,
            "offer": self.offer,
            "reflection": self.reflection,
            "pitch": self.pitch,
            "cues": list(self.cues),
            "questions": [q.to_dict() for q in self.questions],
        }

    @classmethod
    def from_dict(cls, data: dict) -> MessageScore:
        questions = [
            QuestionScore(**{k: v for k, v in q.items() if k != "qualifying"})
            for q in data.get("questions", [])
        ]
        fields = {k: v for k, v in data.items() if k != "questions"}
        return cls(questions=questions, **fields)
