"""`curieux report <conversation-or-session-id> --format json|md`."""

from __future__ import annotations

import argparse
import json
import sys

from sqlalchemy.exc import ArgumentError, DBAPIError

from bot.personas.loader import load_personas
from bot.report.markdown import render_markdown
from bot.report.scorecard import build_scorecard
from bot.store import SessionStore, StoreError
from bot.store.migrate import safe_url

EXIT_UNKNOWN = 2


def run_report(args: argparse.Namespace) -> int:
    try:
        store = SessionStore()
        card = build_scorecard(store, args.conversation_id, personas=_personas())
    except StoreError as error:
        print(f"curieux report: {error}", file=sys.stderr)
        return EXIT_UNKNOWN
    except ArgumentError as error:
        print(f"curieux report: invalid database URL ({error})", file=sys.stderr)
        return EXIT_UNKNOWN
    except DBAPIError as error:
        print(f"curieux report: cannot read {safe_url(store.url)}: {error.orig}", file=sys.stderr)
        return 1
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if args.format == "json":
        print(json.dumps(card, indent=2, ensure_ascii=False))
    else:
        print(render_markdown(card), end="")
    return 0


def _personas() -> dict | None:
    """The persona library, for the prospect's name; the report works without it."""
    try:
        return load_personas()
    except (OSError, ValueError):
        return None
