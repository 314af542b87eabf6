"""`SessionStore`: every read and write of the session log, in short transactions.

Each public method is one transaction, so a crash later in an action never loses what was already
written (the actions write the trainee's turn first), and several Rasa replicas can share one
PostgreSQL database.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from uuid import uuid4

from sqlalchemy import create_engine, func, select, update
from sqlalchemy.orm import Session

from bot.config import database_url
from bot.store.columns import utc_now
from bot.store.errors import InvalidRecord, UnknownNeed, UnknownSession, UnknownTurn
from bot.store.migrate import ensure_schema
from bot.store.models import NeedRow, OfferRow, SessionRow, TurnRow
from bot.store.records import NeedRecord, OfferRecord, SessionRecord, TurnRecord

SPEAKERS = ("trainee", "prospect", "system")
NEED_KINDS = ("conscious", "latent")
UPDATABLE_TURN_FIELDS = ("text", "intent", "kind", "scores", "trust_after", "coaching", "premature")


class SessionStore:
    def __init__(self, url: str | None = None) -> None:
        self.url = url or database_url()
        # pre_ping: a replica survives a database restart without a failed request.
        self._engine = create_engine(self.url, future=True, pool_pre_ping=True)
        self._schema_ready = False
        self._schema_lock = threading.Lock()

    # -- writes -----------------------------------------------------------------------------

    def start_session(
        self,
        *,
        conversation_id: str,
        sender: str,
        persona_id: str,
        language: str,
        channel: str,
        trust_start: float,
        coaching_enabled: bool,
        needs: list[dict],
        state: dict,
    ) -> str:
        """Open a session with the persona's needs (all still hidden); returns its id."""
        _require_json("state", state)
        need_rows = _need_rows(needs)
        session_id = uuid4().hex[:16]
        with self._transaction() as db:
            db.add(
                SessionRow(
                    id=session_id,
                    conversation_id=conversation_id,
                    sender=sender,
                    persona_id=persona_id,
                    language=language,
                    channel=channel,
                    started_at=utc_now(),
                    trust_start=trust_start,
                    trust=trust_start,
                    coaching_enabled=coaching_enabled,
                    state=state,
                )
            )
            db.flush()  # the session row must exist before rows that reference it
            for row in need_rows:
                row.session_id = session_id
            db.add_all(need_rows)
        return session_id

    def add_turn(
        self,
        session_id: str,
        *,
        speaker: str,
        text: str,
        intent: str | None = None,
        kind: str | None = None,
        scores: dict | None = None,
        trust_after: float | None = None,
        coaching: str | None = None,
        premature: bool = False,
    ) -> int:
        """Append a turn in its own transaction; returns its 0-based position in the session."""
        if speaker not in SPEAKERS:
            raise InvalidRecord(f"unknown speaker {speaker!r}; expected one of {SPEAKERS}")
        _require_json("scores", scores)
        with self._transaction() as db:
            # Locking the session row serialises concurrent writers of the same session.
            _require_session(db, session_id, lock=True)
            position = db.execute(
                select(func.coalesce(func.max(TurnRow.position), -1) + 1).where(
                    TurnRow.session_id == session_id
                )
            ).scalar_one()
            db.add(
                TurnRow(
                    session_id=session_id,
                    position=position,
                    speaker=speaker,
                    text=text,
                    created_at=utc_now(),
                    intent=intent,
                    kind=kind,
                    scores=scores,
                    trust_after=trust_after,
                    coaching=coaching,
                    premature=premature,
                )
            )
        return position

    def update_turn(self, session_id: str, position: int, **fields) -> None:
        """Set some of UPDATABLE_TURN_FIELDS on a turn already written."""
        unknown = sorted(set(fields) - set(UPDATABLE_TURN_FIELDS))
        if unknown:
            raise InvalidRecord(
                f"cannot update turn field(s) {unknown}; allowed: {UPDATABLE_TURN_FIELDS}"
            )
        if not fields:
            return
        _require_json("scores", fields.get("scores"))
        statement = (
            update(TurnRow)
            .where(TurnRow.session_id == session_id, TurnRow.position == position)
            .values(**fields)
        )
        if self._execute_update(statement) == 0:
            raise UnknownTurn(session_id, position)

    def save_state(
        self, session_id: str, *, state: dict, trust: float, language: str | None = None
    ) -> None:
        _require_json("state", state)
        values = {"state": state, "trust": trust}
        if language is not None:
            values["language"] = language
        self._update_session(session_id, values)

    def set_coaching(self, session_id: str, enabled: bool) -> None:
        self._update_session(session_id, {"coaching_enabled": enabled})

    def mark_need_uncovered(self, session_id: str, need_id: str, turn: int) -> None:
        """Record the trainee turn (1-based) that uncovered a need; later calls keep the first."""
        _require_turn_number(turn)
        statement = (
            update(NeedRow)
            .where(
                NeedRow.session_id == session_id,
                NeedRow.need_id == need_id,
                NeedRow.uncovered_turn.is_(None),
            )
            .values(uncovered_turn=turn)
        )
        if self._execute_update(statement) == 0 and not self._need_exists(session_id, need_id):
            raise UnknownNeed(session_id, need_id)

    def record_offer(self, session_id: str, *, turn: int, premature: bool, text: str) -> None:
        _require_turn_number(turn)
        with self._transaction() as db:
            _require_session(db, session_id)
            db.add(OfferRow(session_id=session_id, turn=turn, premature=premature, text=text))

    def end_session(self, session_id: str, reason: str) -> None:
        """Close the session; ending it again keeps the first end time and reason."""
        statement = (
            update(SessionRow)
            .where(SessionRow.id == session_id, SessionRow.ended_at.is_(None))
            .values(ended_at=utc_now(), end_reason=reason)
        )
        if self._execute_update(statement) == 0 and self.get_session(session_id) is None:
            raise UnknownSession(session_id)

    # -- reads ------------------------------------------------------------------------------

    def get_session(self, session_id: str) -> SessionRecord | None:
        with self._read() as db:
            row = db.get(SessionRow, session_id)
            return None if row is None else _session_record(row)

    def active_session(self, conversation_id: str) -> SessionRecord | None:
        """The latest session of the conversation that has not ended."""
        return self._latest_for_conversation(conversation_id, only_active=True)

    def latest_session(self, conversation_id_or_session_id: str) -> SessionRecord | None:
        """The session with this id, else the latest session of this conversation."""
        return self.get_session(conversation_id_or_session_id) or self._latest_for_conversation(
            conversation_id_or_session_id, only_active=False
        )

    def turns(self, session_id: str) -> list[TurnRecord]:
        """All turns in order ([] for an unknown session)."""
        query = select(TurnRow).where(TurnRow.session_id == session_id).order_by(TurnRow.position)
        return self._all(query, _turn_record)

    def needs(self, session_id: str) -> list[NeedRecord]:
        query = select(NeedRow).where(NeedRow.session_id == session_id).order_by(NeedRow.id)
        return self._all(query, _need_record)

    def offers(self, session_id: str) -> list[OfferRecord]:
        query = select(OfferRow).where(OfferRow.session_id == session_id).order_by(OfferRow.id)
        return self._all(query, _offer_record)

    def list_sessions(self, *, sender: str | None = None, limit: int = 100) -> list[SessionRecord]:
        """The most recent sessions first, optionally of one sender."""
        if limit < 1:
            raise InvalidRecord(f"limit must be at least 1, got {limit}")
        query = select(SessionRow).order_by(SessionRow.started_at.desc()).limit(limit)
        if sender is not None:
            query = query.where(SessionRow.sender == sender)
        return self._all(query, _session_record)

    # -- plumbing ---------------------------------------------------------------------------

    def _ensure_schema(self) -> None:
        if self._schema_ready:
            return
        with self._schema_lock:
            if not self._schema_ready:
                ensure_schema(self._engine)
                self._schema_ready = True

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        self._ensure_schema()
        with Session(self._engine, future=True) as db, db.begin():
            yield db

    @contextmanager
    def _read(self) -> Iterator[Session]:
        self._ensure_schema()
        with Session(self._engine, future=True) as db:
            yield db

    def _all(self, query, to_record) -> list:
        with self._read() as db:
            return [to_record(row) for row in db.execute(query).scalars()]

    def _execute_update(self, statement) -> int:
        """Run an UPDATE in its own transaction; returns the number of rows it changed."""
        with self._transaction() as db:
            result = db.execute(statement.execution_options(synchronize_session=False))
            return result.rowcount

    def _update_session(self, session_id: str, values: dict) -> None:
        statement = update(SessionRow).where(SessionRow.id == session_id).values(**values)
        if self._execute_update(statement) == 0:
            raise UnknownSession(session_id)

    def _need_exists(self, session_id: str, need_id: str) -> bool:
        query = select(NeedRow.id).where(
            NeedRow.session_id == session_id, NeedRow.need_id == need_id
        )
        with self._read() as db:
            return db.execute(query).first() is not None

    def _latest_for_conversation(
        self, conversation_id: str, *, only_active: bool
    ) -> SessionRecord | None:
        query = (
            select(SessionRow)
            .where(SessionRow.conversation_id == conversation_id)
            .order_by(SessionRow.started_at.desc())
            .limit(1)
        )
        if only_active:
            query = query.where(SessionRow.ended_at.is_(None))
        with self._read() as db:
            row = db.execute(query).scalars().first()
            return None if row is None else _session_record(row)


def _require_session(db: Session, session_id: str, *, lock: bool = False) -> None:
    query = select(SessionRow.id).where(SessionRow.id == session_id)
    if lock:
        query = query.with_for_update()
    if db.execute(query).first() is None:
        raise UnknownSession(session_id)


def _require_json(name: str, value: object) -> None:
    try:
        json.dumps(value)
    except (TypeError, ValueError) as error:
        raise InvalidRecord(f"{name} must be JSON-serialisable: {error}") from None


def _require_turn_number(turn: int) -> None:
    if not isinstance(turn, int) or turn < 1:
        raise InvalidRecord(f"turn must be a 1-based trainee turn number, got {turn!r}")


def _need_rows(needs: list[dict]) -> list[NeedRow]:
    rows: list[NeedRow] = []
    for need in needs:
        if not isinstance(need, Mapping) or not {"need_id", "kind", "summary"} <= set(need):
            raise InvalidRecord(f"a need must have need_id, kind and summary, got {need!r}")
        if need["kind"] not in NEED_KINDS:
            raise InvalidRecord(f"need {need['need_id']!r}: kind must be one of {NEED_KINDS}")
        rows.append(NeedRow(need_id=need["need_id"], kind=need["kind"], summary=need["summary"]))
    ids = [row.need_id for row in rows]
    if len(ids) != len(set(ids)):
        raise InvalidRecord(f"need ids must be unique, got {ids}")
    return rows


def _session_record(row: SessionRow) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        conversation_id=row.conversation_id,
        sender=row.sender,
        persona_id=row.persona_id,
        language=row.language,
        channel=row.channel,
        started_at=row.started_at,
        ended_at=row.ended_at,
        end_reason=row.end_reason,
        trust_start=row.trust_start,
        trust=row.trust,
        coaching_enabled=row.coaching_enabled,
        state=row.state,
    )


def _turn_record(row: TurnRow) -> TurnRecord:
    return TurnRecord(
        position=row.position,
        speaker=row.speaker,
        text=row.text,
        created_at=row.created_at,
        intent=row.intent,
        kind=row.kind,
        scores=row.scores,
        trust_after=row.trust_after,
        coaching=row.coaching,
        premature=row.premature,
    )


def _need_record(row: NeedRow) -> NeedRecord:
    return NeedRecord(
        need_id=row.need_id, kind=row.kind, summary=row.summary, uncovered_turn=row.uncovered_turn
    )


def _offer_record(row: OfferRow) -> OfferRecord:
    return OfferRecord(turn=row.turn, premature=row.premature, text=row.text)
