from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from bot.cli import main
from bot.store import SessionStore
from bot.store.migrate import (
    MIGRATIONS_DIR,
    VERSION_TABLE,
    current_revision,
    head_revision,
    safe_url,
    upgrade,
)
from bot.store.models import Base

TABLES = {"curieux_sessions", "curieux_turns", "curieux_needs", "curieux_offers", VERSION_TABLE}


def revision_and_tables(url: str) -> tuple[str | None, set[str]]:
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        result = current_revision(connection), set(inspect(connection).get_table_names())
    engine.dispose()
    return result


def test_upgrade_from_empty_to_head_is_idempotent(database_url):
    assert revision_and_tables(database_url) == (None, set())
    upgrade(database_url)
    upgrade(database_url)
    revision, tables = revision_and_tables(database_url)
    assert revision == head_revision() == "0001"
    assert tables == TABLES


def test_migrations_match_the_models(database_url):
    upgrade(database_url)
    engine = create_engine(database_url, future=True)
    with engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE}),
            Base.metadata,
        )
    engine.dispose()
    assert differences == []


def test_downgrade_to_base_and_back(database_url):
    # The plain Alembic route (no connection handed over) that a maintainer would use by hand.
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database_url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    assert revision_and_tables(database_url) == (None, {VERSION_TABLE})
    command.upgrade(config, "head")
    assert revision_and_tables(database_url)[0] == head_revision()


def test_store_upgrades_on_first_use(database_url):
    assert SessionStore(database_url).list_sessions() == []
    assert revision_and_tables(database_url)[0] == head_revision()


@pytest.mark.postgres
def test_replicas_starting_together_upgrade_once(postgres_url):
    def first_use(_: int) -> list:
        return SessionStore(postgres_url).list_sessions()

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(first_use, range(6))) == [[]] * 6
    assert revision_and_tables(postgres_url) == (head_revision(), TABLES)


def test_db_upgrade_command_prints_url_and_revision(database_url, monkeypatch, capsys):
    monkeypatch.setenv("CURIEUX_DATABASE_URL", database_url)
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert f"database: {safe_url(database_url)}" in out
    assert "revision: 0001 (head)" in out


def test_db_upgrade_reports_bad_urls_without_traceback(monkeypatch, capsys):
    monkeypatch.setenv("CURIEUX_DATABASE_URL", "not a url")
    assert main(["db", "upgrade"]) == 2
    assert "invalid database URL" in capsys.readouterr().err

    monkeypatch.setenv("CURIEUX_DATABASE_URL", "postgresql://curieux:s3cret@127.0.0.1:1/nowhere")
    assert main(["db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert "cannot upgrade postgresql://curieux:***@127.0.0.1:1/nowhere" in err
    assert "s3cret" not in err


def test_safe_url_hides_the_password():
    assert safe_url("postgresql://u:pw@db:5432/curieux") == "postgresql://u:***@db:5432/curieux"
