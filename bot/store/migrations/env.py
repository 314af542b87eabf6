"""Alembic environment, configured by bot.store.migrate (no alembic.ini).

The caller passes an open connection in `config.attributes["connection"]` so it can hold a lock
around the upgrade and commit it; `alembic` run by hand falls back to `sqlalchemy.url`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from bot.store.migrate import VERSION_TABLE
from bot.store.models import Base


def _run(connection) -> None:
    context.configure(
        connection=connection, target_metadata=Base.metadata, version_table=VERSION_TABLE
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"), future=True)
    with engine.begin() as own_connection:
        _run(own_connection)


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported: run `curieux db upgrade`")
_run_online()
