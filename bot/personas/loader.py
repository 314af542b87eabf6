"""Read, check and cache the persona library (data/personas/*.yml).

A trainer drops a file in the folder and it is picked up on the next call, without a restart:
the cache is keyed on the folder and invalidated when any file's mtime or size changes. One bad
file never takes the server down: it is logged and skipped, and `validate_paths` explains why.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot import config
from bot.personas.checks import (
    PersonaError,
    completeness_warnings,
    display_path,
    read_persona_file,
    read_yaml,
)
from bot.personas.schema import Persona

# Re-exported: callers import the whole library API from here.
__all__ = [
    "PersonaError",
    "UnknownPersona",
    "check_paths",
    "completeness_warnings",
    "default_persona_id",
    "get_persona",
    "library_settings",
    "load_errors",
    "load_personas",
    "persona_files",
    "validate_paths",
]

log = logging.getLogger(__name__)

PERSONA_SUFFIXES = (".yml", ".yaml")
# Files starting with this are library settings, not personas (e.g. _library.yml).
SETTINGS_PREFIX = "_"
LIBRARY_FILE = "_library.yml"


class UnknownPersona(LookupError):
    def __init__(self, persona_id: str, valid_ids: list[str]) -> None:
        self.persona_id = persona_id
        self.valid_ids = sorted(valid_ids)
        choices = ", ".join(self.valid_ids) or "none: the persona library is empty"
        super().__init__(f"unknown persona '{persona_id}'; valid ids: {choices}")


@dataclass
class _Library:
    signature: tuple
    personas: dict[str, Persona]
    errors: list[PersonaError]
    settings: dict[str, Any]
    default_id: str | None


_cache: dict[Path, _Library] = {}


def load_personas(path: Path | None = None) -> dict[str, Persona]:
    """Every valid persona in the folder, by id. Invalid files are logged and skipped."""
    return _library(path).personas


def get_persona(persona_id: str, path: Path | None = None) -> Persona:
    personas = load_personas(path)
    if persona_id not in personas:
        raise UnknownPersona(persona_id, list(personas))
    return personas[persona_id]


def default_persona_id(path: Path | None = None) -> str:
    """The persona named by `default:` in _library.yml, else the first valid id alphabetically."""
    library = _library(path)
    if library.default_id is None:
        raise UnknownPersona(str(library.settings.get("default", "default")), [])
    return library.default_id


def load_errors(path: Path | None = None) -> list[PersonaError]:
    """Why files were skipped by the last `load_personas` of this folder."""
    return _library(path).errors


def library_settings(path: Path | None = None) -> dict[str, Any]:
    """The contents of _library.yml (empty if there is none or it is broken)."""
    return _library(path).settings


def validate_paths(paths: list[Path]) -> list[PersonaError]:
    """Every problem in the given persona files and folders, including ids shared across files."""
    return check_paths(paths)[1]


def check_paths(paths: list[Path]) -> tuple[dict[str, tuple[Persona, Path]], list[PersonaError]]:
    """The valid personas (with their file) in the given files and folders, and every problem."""
    found: dict[str, tuple[Persona, Path]] = {}
    errors: list[PersonaError] = []
    for folder, files in _expand(paths):
        if folder is not None and not files:
            errors.append(PersonaError(folder, "", "no persona files (*.yml) in this folder"))
        personas, file_errors = _read_all(files)
        errors.extend(file_errors)
        for persona_id, (persona, file) in personas.items():
            if persona_id not in found:
                found[persona_id] = (persona, file)
            elif found[persona_id][1].resolve() != file.resolve():
                errors.append(_duplicate_error(persona_id, file, found[persona_id][1]))
        if folder is not None:
            errors.extend(_check_settings(folder, set(personas)))
    return found, errors


def persona_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix in PERSONA_SUFFIXES and not p.name.startswith(SETTINGS_PREFIX)
    )


# --- internals -------------------------------------------------------------------------------


def _library(path: Path | None) -> _Library:
    folder = Path(path or config.personas_dir()).resolve()
    signature = _signature(folder)
    cached = _cache.get(folder)
    if cached is not None and cached.signature == signature:
        return cached
    files = persona_files(folder) if folder.is_dir() else []
    if not folder.is_dir():
        log.error("persona folder %s does not exist", folder)
    found, errors = _read_all(files)
    settings, settings_errors = _read_settings(folder)
    for error in errors + settings_errors:
        log.error("persona library: skipping %s", error)
    personas = {persona_id: persona for persona_id, (persona, _) in found.items()}
    default_id = _choose_default(settings.get("default"), personas)
    _cache[folder] = _Library(signature, personas, errors + settings_errors, settings, default_id)
    return _cache[folder]


def _choose_default(wanted: str | None, personas: dict[str, Persona]) -> str | None:
    if not personas:
        return None
    if wanted in personas:
        return wanted
    fallback = sorted(personas)[0]
    log.warning("default persona %r is not available; using %r", wanted, fallback)
    return fallback


def _signature(folder: Path) -> tuple:
    """What changes when a trainer adds, edits or removes a file."""
    if not folder.is_dir():
        return ()
    entries = []
    for entry in os.scandir(folder):
        if entry.is_file() and entry.name.endswith(PERSONA_SUFFIXES):
            stat = entry.stat()
            entries.append((entry.name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


def _expand(paths: list[Path]) -> list[tuple[Path | None, list[Path]]]:
    """(folder, its persona files) for folders; (None, [file]) for single files."""
    groups: list[tuple[Path | None, list[Path]]] = []
    for path in paths:
        if path.is_dir():
            groups.append((path, persona_files(path)))
        else:
            groups.append((None, [path]))
    return groups


def _read_all(files: list[Path]) -> tuple[dict[str, tuple[Persona, Path]], list[PersonaError]]:
    personas: dict[str, tuple[Persona, Path]] = {}
    errors: list[PersonaError] = []
    for file in files:
        persona, file_errors = read_persona_file(file)
        errors.extend(file_errors)
        if persona is None:
            continue
        if persona.id in personas:
            errors.append(_duplicate_error(persona.id, file, personas[persona.id][1]))
            continue
        personas[persona.id] = (persona, file)
    return personas, errors


def _duplicate_error(persona_id: str, file: Path, first: Path) -> PersonaError:
    message = f"duplicate persona id '{persona_id}', also in {display_path(first)}"
    return PersonaError(file, "id", message)


def _read_settings(folder: Path) -> tuple[dict[str, Any], list[PersonaError]]:
    file = folder / LIBRARY_FILE
    if not file.exists():
        return {}, []
    data, error = read_yaml(file)
    if error is not None:
        return {}, [error]
    if not isinstance(data, dict):
        return {}, [PersonaError(file, "", "expected a mapping such as 'default: <persona id>'")]
    return data, []


def _check_settings(folder: Path, valid_ids: set[str]) -> list[PersonaError]:
    settings, errors = _read_settings(folder)
    wanted = settings.get("default")
    if wanted is not None and wanted not in valid_ids:
        choices = ", ".join(sorted(valid_ids)) or "none"
        errors.append(
            PersonaError(
                folder / LIBRARY_FILE,
                "default",
                f"unknown persona '{wanted}'; valid ids: {choices}",
            )
        )
    return errors
