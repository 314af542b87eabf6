"""Where things live. Every path and URL can be overridden from the environment."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Training data, personas, lexicons and thresholds (read-only content)."""
    return Path(os.environ.get("CURIEUX_DATA_DIR", PROJECT_ROOT / "data"))


def var_dir() -> Path:
    """Runtime state: the SQLite databases and server logs."""
    path = Path(os.environ.get("CURIEUX_VAR_DIR", PROJECT_ROOT / "var"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def personas_dir() -> Path:
    return Path(os.environ.get("CURIEUX_PERSONAS_DIR", data_dir() / "personas"))


def database_url() -> str:
    """The product's session store. SQLite by default; PostgreSQL for several users."""
    return os.environ.get("CURIEUX_DATABASE_URL") or f"sqlite:///{var_dir() / 'curieux.db'}"
