"""Database fixtures shared by the store and report tests: a fresh SQLite file and a fresh
PostgreSQL database (random name, dropped afterwards) for each test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from uuid import uuid4

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bot.store import SessionStore

POSTGRES_SERVER = os.environ.get("CURIEUX_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/")


def fresh_postgres_database() -> Iterator[str]:
    admin = create_engine(POSTGRES_SERVER + "postgres", future=True, isolation_level="AUTOCOMMIT")
    try:
        connection = admin.connect()
    except OperationalError as error:
        admin.dispose()
        reason = f"PostgreSQL unreachable at {POSTGRES_SERVER}: {error.orig}".strip()
        print(reason)
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must test PostgreSQL for real)")
        pytest.skip(reason)
    name = f"curieux_test_{uuid4().hex[:12]}"
    connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_SERVER + name
    finally:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.close()
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'curieux.db'}"
    else:
        yield from fresh_postgres_database()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from fresh_postgres_database()


@pytest.fixture
def store(database_url: str) -> SessionStore:
    return SessionStore(database_url)
