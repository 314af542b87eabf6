"""The session store: every role-play session, turn, need and offer, in SQL."""

from bot.store.errors import (
    InvalidRecord,
    StoreError,
    UnknownNeed,
    UnknownSession,
    UnknownTurn,
)
from bot.store.records import NeedRecord, OfferRecord, SessionRecord, TurnRecord
from bot.store.repository import SessionStore

__all__ = [
    "InvalidRecord",
    "NeedRecord",
    "OfferRecord",
    "SessionRecord",
    "SessionStore",
    "StoreError",
    "TurnRecord",
    "UnknownNeed",
    "UnknownSession",
    "UnknownTurn",
]
