"""What the store hands out: plain frozen dataclasses, so callers never hold an ORM session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SessionRecord:
    id: str
    conversation_id: str
    sender: str
    persona_id: str
    language: str
    channel: str
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None
    trust_start: float
    trust: float
    coaching_enabled: bool
    state: dict

    @property
    def ended(self) -> bool:
        return self.ended_at is not None


@dataclass(frozen=True)
class TurnRecord:
    position: int
    speaker: str
    text: str
    created_at: datetime
    intent: str | None
    kind: str | None
    scores: dict | None
    trust_after: float | None
    coaching: str | None
    premature: bool


@dataclass(frozen=True)
class NeedRecord:
    need_id: str
    kind: str
    summary: str
    uncovered_turn: int | None

    @property
    def uncovered(self) -> bool:
        return self.uncovered_turn is not None


@dataclass(frozen=True)
class OfferRecord:
    turn: int
    premature: bool
    text: str
