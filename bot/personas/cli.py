"""`curieux personas list|validate`: what a trainer runs after writing a persona file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot import config
from bot.personas.loader import (
    check_paths,
    completeness_warnings,
    default_persona_id,
    library_settings,
    load_errors,
    load_personas,
)
from bot.personas.schema import Persona

TABLE_COLUMNS = ("id", "name", "languages", "difficulty", "summary")


def run_personas(args: argparse.Namespace) -> int:
    if args.personas_command == "list":
        return list_personas(args.format)
    return validate(args.paths)


def list_personas(output_format: str = "table") -> int:
    personas = load_personas()
    default_id = default_persona_id() if personas else None
    if output_format == "json":
        rows = [_as_json(persona, persona.id == default_id) for persona in personas.values()]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(_table([_as_row(persona, persona.id == default_id) for persona in personas.values()]))
    skipped = load_errors()
    if skipped:
        message = f"{len(skipped)} problem(s) in persona files; run `curieux personas validate`"
        print(message, file=sys.stderr)
    return 0


def validate(paths: list[str]) -> int:
    """Print every error and completeness warning; exit 1 on errors, else print "N personas OK"."""
    found, errors = check_paths([Path(p) for p in paths] or [config.personas_dir()])
    minimums = library_settings().get("min_phrasings", {})
    for error in errors:
        print(error)
    for persona, file in found.values():
        for warning in completeness_warnings(persona, file, minimums):
            print(f"warning: {warning}")
    if errors:
        return 1
    print(f"{len(found)} persona{'' if len(found) == 1 else 's'} OK")
    return 0


def _as_row(persona: Persona, is_default: bool) -> dict[str, str]:
    return {
        "id": persona.id + (" (default)" if is_default else ""),
        "name": persona.name,
        "languages": ",".join(persona.languages),
        "difficulty": persona.difficulty,
        "summary": persona.summary.en,
    }


def _as_json(persona: Persona, is_default: bool) -> dict:
    return {
        "id": persona.id,
        "name": persona.name,
        "languages": list(persona.languages),
        "difficulty": persona.difficulty,
        "default": is_default,
        "summary": persona.summary.dict(),
    }


def _table(rows: list[dict[str, str]]) -> str:
    lines = [{col: col.upper() for col in TABLE_COLUMNS}, *rows]
    widths = {col: max(len(line[col]) for line in lines) for col in TABLE_COLUMNS}
    return "\n".join(
        "  ".join(line[col].ljust(widths[col]) for col in TABLE_COLUMNS).rstrip() for line in lines
    )
