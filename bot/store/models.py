"""The product tables. Prefixed `curieux_` so they never clash with Rasa's tracker tables when
both share a database. Schema changes go through a new Alembic revision in migrations/versions/."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base

from bot.store.columns import SafeString, SafeText, UtcDateTime, utc_now

Base = declarative_base()


def _session_fk(*, index: bool = False) -> Column:
    return Column(
        SafeString(32),
        ForeignKey("curieux_sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=index,
    )


class SessionRow(Base):
    __tablename__ = "curieux_sessions"

    id = Column(SafeString(32), primary_key=True)
    conversation_id = Column(SafeText, nullable=False, index=True)
    sender = Column(SafeText, nullable=False, index=True)
    persona_id = Column(SafeText, nullable=False)
    language = Column(SafeText, nullable=False)
    channel = Column(SafeText, nullable=False)
    started_at = Column(UtcDateTime, nullable=False, default=utc_now, index=True)
    ended_at = Column(UtcDateTime, nullable=True)
    end_reason = Column(SafeText, nullable=True)
    trust_start = Column(Float, nullable=False)
    trust = Column(Float, nullable=False)
    coaching_enabled = Column(Boolean, nullable=False, default=False)
    state = Column(JSON, nullable=False)


class TurnRow(Base):
    __tablename__ = "curieux_turns"
    __table_args__ = (UniqueConstraint("session_id", "position", name="uq_curieux_turns_position"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    session_id = _session_fk()
    position = Column(Integer, nullable=False)
    speaker = Column(SafeText, nullable=False)
    text = Column(SafeText, nullable=False)
    created_at = Column(UtcDateTime, nullable=False, default=utc_now)
    intent = Column(SafeText, nullable=True)
    kind = Column(SafeText, nullable=True)
    scores = Column(JSON, nullable=True)
    trust_after = Column(Float, nullable=True)
    coaching = Column(SafeText, nullable=True)
    premature = Column(Boolean, nullable=False, default=False)


class NeedRow(Base):
    __tablename__ = "curieux_needs"
    __table_args__ = (UniqueConstraint("session_id", "need_id", name="uq_curieux_needs_need"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    session_id = _session_fk()
    need_id = Column(SafeText, nullable=False)
    kind = Column(SafeText, nullable=False)
    summary = Column(SafeText, nullable=False)
    uncovered_turn = Column(Integer, nullable=True)


class OfferRow(Base):
    __tablename__ = "curieux_offers"

    id = Column(Integer, primary_key=True, autoincrement=True)
    session_id = _session_fk(index=True)
    turn = Column(Integer, nullable=False)
    premature = Column(Boolean, nullable=False, default=False)
    text = Column(SafeText, nullable=False)
