"""Errors the store raises on bad input, with messages meant for a person."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: catch this to report any store problem without a traceback."""


class UnknownSession(StoreError, LookupError):
    def __init__(self, ref: str) -> None:
        super().__init__(f"no session or conversation with id {ref!r}")
        self.ref = ref


class UnknownTurn(StoreError, LookupError):
    def __init__(self, session_id: str, position: int) -> None:
        super().__init__(f"session {session_id!r} has no turn at position {position}")


class UnknownNeed(StoreError, LookupError):
    def __init__(self, session_id: str, need_id: str) -> None:
        super().__init__(f"session {session_id!r} has no need {need_id!r}")


class InvalidRecord(StoreError, ValueError):
    """A value the store refuses (unknown speaker, need kind, field name...)."""
