from tests.store.databases import database_url, postgres_url, store  # noqa: F401
