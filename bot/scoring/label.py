"""A label decided by the rules: its value, how sure the rules are, and the cues that decided it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Label:
    value: str
    confidence: float
    cues: list[str] = field(default_factory=list)
    rule: str = ""  # the rule that decided, e.g. "intonation" (lets callers weigh weak rules)
