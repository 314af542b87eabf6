"""Schema migrations (Alembic, configured in code) and the `curieux db` command."""

from __future__ import annotations

import argparse
import sys
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from bot.config import database_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Our own version table, so another Alembic user of a shared database is never confused.
VERSION_TABLE = "curieux_alembic_version"
# Any constant bigint; PostgreSQL serialises upgrades from several replicas on it.
_ADVISORY_LOCK_KEY = 0x43757269657578


def _alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def _upgrade_locked(engine: Engine) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            # Released at commit: a second replica waits here, then finds the schema at head.
            connection.execute(select(func.pg_advisory_xact_lock(_ADVISORY_LOCK_KEY)))
        command.upgrade(_alembic_config(connection), "head")
        connection.commit()


def ensure_schema(engine: Engine) -> None:
    """Upgrade to head unless already there (one cheap query when it is)."""
    with engine.connect() as connection:
        if current_revision(connection) == head_revision():
            return
    try:
        _upgrade_locked(engine)
    except DBAPIError:
        # Without advisory locks (SQLite) a concurrent process may have created the tables first.
        with engine.connect() as connection:
            if current_revision(connection) != head_revision():
                raise


def upgrade(url: str | None = None) -> None:
    """Bring the database at `url` (default: the configured one) to the latest revision."""
    engine = create_engine(url or database_url(), future=True)
    try:
        ensure_schema(engine)
    finally:
        engine.dispose()


def safe_url(url: str) -> str:
    """The URL as it can be shown to a person: without its password."""
    return make_url(url).render_as_string(hide_password=True)


def run_db(args: argparse.Namespace) -> int:
    url = database_url()
    try:
        shown = safe_url(url)
        upgrade(url)
        engine = create_engine(url, future=True)
        with engine.connect() as connection:
            revision = current_revision(connection)
        engine.dispose()
    except ArgumentError as error:
        print(f"curieux db: invalid database URL ({error})", file=sys.stderr)
        return 2
    except DBAPIError as error:
        print(f"curieux db: cannot upgrade {shown}: {error.orig}", file=sys.stderr)
        return 1
    print(f"database: {shown}")
    print(f"revision: {revision} (head)")
    return 0
