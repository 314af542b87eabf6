"""Sessions, turns, needs and offers.

Revision ID: 0001
Revises:
Create Date: 2024-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _session_fk() -> sa.Column:
    return sa.Column(
        "session_id",
        sa.String(32),
        sa.ForeignKey("curieux_sessions.id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "curieux_sessions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("conversation_id", sa.Text(), nullable=False),
        sa.Column("sender", sa.Text(), nullable=False),
        sa.Column("persona_id", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("trust_start", sa.Float(), nullable=False),
        sa.Column("trust", sa.Float(), nullable=False),
        sa.Column("coaching_enabled", sa.Boolean(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
    )
    op.create_index("ix_curieux_sessions_conversation_id", "curieux_sessions", ["conversation_id"])
    op.create_index("ix_curieux_sessions_sender", "curieux_sessions", ["sender"])
    op.create_index("ix_curieux_sessions_started_at", "curieux_sessions", ["started_at"])

    op.create_table(
        "curieux_turns",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _session_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("intent", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("scores", sa.JSON(), nullable=True),
        sa.Column("trust_after", sa.Float(), nullable=True),
        sa.Column("coaching", sa.Text(), nullable=True),
        sa.Column("premature", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("session_id", "position", name="uq_curieux_turns_position"),
    )

    op.create_table(
        "curieux_needs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _session_fk(),
        sa.Column("need_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("uncovered_turn", sa.Integer(), nullable=True),
        sa.UniqueConstraint("session_id", "need_id", name="uq_curieux_needs_need"),
    )

    op.create_table(
        "curieux_offers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _session_fk(),
        sa.Column("turn", sa.Integer(), nullable=False),
        sa.Column("premature", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_curieux_offers_session_id", "curieux_offers", ["session_id"])


def downgrade() -> None:
    op.drop_table("curieux_offers")
    op.drop_table("curieux_needs")
    op.drop_table("curieux_turns")
    op.drop_table("curieux_sessions")
