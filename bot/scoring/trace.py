"""What the rules saw while scoring a message: the learned model's features and fallbacks."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.scoring.label import Label
from bot.scoring.types import QuestionScore


@dataclass
class QuestionTrace:
    """The rules that decided each label of one question."""

    form_rule: str
    focus_rule: str
    spin_rule: str
    # The SPIN type the rules give if the question is curious after all (the model may say so).
    curious_spin: Label
    # How many words of each SPIN family (lexicon `spin_words`) the question holds.
    spin_words: dict[str, int] = field(default_factory=dict)
    # The rules' cues per family ("form", "focus", "spin"): the model drops those it overrules.
    rule_cues: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class MessageTrace:
    """The moves the rules found, one trace per question, and a question the message may hide."""

    lang: str | None  # the rules' language; None when the language is unknown (not scored)
    rule_kind: str
    moves: tuple[str, ...]
    question_mark: bool
    questions: list[QuestionTrace] = field(default_factory=list)
    kind_cue: str = ""  # the rules' reason for their kind: dropped if the model overrules it
    # The last sentence read as a question, for messages the rules found no question in
    # (« vous seriez prêt à changer si… » without "?"): used when the model says "question".
    hidden_question: tuple[QuestionScore, QuestionTrace] | None = None
