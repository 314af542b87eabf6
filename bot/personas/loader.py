"""Read, check and cache the persona library (data/personas/*.yml).

A trainer drops a file in the folder and it is picked up on the next call, without a restart:
the cache is keyed on the folder and invalidated when any file's mtime or size changes. One bad
file never takes the server down: it is logged and skipped, and `validate_paths` explains why.
"""

from __future__ import annotations

import difflib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from bot import config
from bot.personas.schema import LANGS, Persona, Phrasings

log = logging.getLogger(__name__)

PERSONA_SUFFIXES = (".yml", ".yaml")
# Files starting with this are library settings, not personas (e.g. _library.yml).
SETTINGS_PREFIX = "_"
LIBRARY_FILE = "_library.yml"
LANG_NAMES = {"fr": "French", "en": "English"}


@dataclass(frozen=True)
class PersonaError:
    """One problem in one file. `field` is a dotted path (``needs.2.min_trust``) or empty."""

    file: Path
    field: str
    message: str

    def __str__(self) -> str:
        location = (
            f"{_display_path(self.file)}: {self.field}" if self.field else _display_path(self.file)
        )
        return f"{location}: {self.message}"


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
    wanted = library.settings.get("default")
    if wanted in library.personas:
        return wanted
    if not library.personas:
        raise UnknownPersona(str(wanted or "default"), [])
    fallback = sorted(library.personas)[0]
    log.warning("default persona %r is not available; using %r", wanted, fallback)
    return fallback


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


def completeness_warnings(persona: Persona, file: Path, minimums: dict) -> list[PersonaError]:
    """Phrasing lists shorter than `minimums` (the `min_phrasings` of _library.yml): with too
    few phrasings the prospect repeats itself within a session."""
    often_used = set(minimums.get("often_used_replies", []))
    warnings = []
    for field, phrasings in _phrasing_lists(persona):
        name = field.split(".")[-1]
        wanted = minimums.get("often_used" if name in often_used else "other", 1)
        for lang in persona.languages:
            count = len(phrasings.get(lang)) if phrasings is not None else 0
            if count < wanted:
                message = f"{count} {LANG_NAMES[lang]} phrasing(s); write at least {wanted}"
                warnings.append(PersonaError(file, f"{field}.{lang}", message))
    return warnings


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
    _cache[folder] = _Library(signature, personas, errors + settings_errors, settings)
    return _cache[folder]


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
    message = f"duplicate persona id '{persona_id}', also in {_display_path(first)}"
    return PersonaError(file, "id", message)


def read_persona_file(file: Path) -> tuple[Persona | None, list[PersonaError]]:
    """The persona in one file, or None and every reason it is invalid."""
    data, error = _read_yaml(file)
    if error is not None:
        return None, [error]
    if not isinstance(data, dict):
        kind = type(data).__name__
        return None, [PersonaError(file, "", f"expected a mapping of persona fields, got a {kind}")]
    try:
        persona = Persona.parse_obj(data)
    except ValidationError as exc:
        return None, [_explain(file, data, error) for error in exc.errors()]
    stem = file.name.rsplit(".", 1)[0]
    if persona.id != stem:
        message = (
            f"id '{persona.id}' does not match the file name '{file.name}' (rename one of them)"
        )
        return None, [PersonaError(file, "id", message)]
    return persona, []


def _read_yaml(file: Path) -> tuple[Any, PersonaError | None]:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, PersonaError(file, "", f"cannot read the file: {exc.strerror}")
    if b"\x00" in raw:
        return None, PersonaError(file, "", "this is a binary file, not a YAML text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = (
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        )
        return None, PersonaError(file, "", message)
    if not text.strip():
        return None, PersonaError(file, "", "the file is empty")
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader), None
    except yaml.YAMLError as exc:
        return None, PersonaError(file, "", _yaml_message(exc))


def _yaml_message(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is None:
        return f"invalid YAML: {problem}"
    return f"invalid YAML at line {mark.line + 1}, column {mark.column + 1}: {problem}"


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that rejects a key written twice (YAML would silently keep the last one)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in keys:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' appears twice", key_node.start_mark
                )
            keys.add(key)
        return super().construct_mapping(node, deep=deep)


def _explain(file: Path, data: dict, error: dict) -> PersonaError:
    """Turn one pydantic error into a message a trainer can act on."""
    loc = [part for part in error["loc"] if part != "__root__"]
    field = ".".join(str(part) for part in loc)
    kind = error["type"]
    if kind == "value_error.missing":
        if loc and loc[-1] in LANGS:
            lang = loc[-1]
            return PersonaError(file, field, f"missing the {LANG_NAMES[lang]} ('{lang}') version")
        return PersonaError(file, field, "missing required field")
    if kind == "value_error.extra":
        return PersonaError(file, field, _unknown_field_message(loc))
    message = error["msg"]
    if kind.startswith("type_error"):
        message += f" (got {_value_at(data, loc)!r})"
    return PersonaError(file, field, message)


def _unknown_field_message(loc: list) -> str:
    name = str(loc[-1])
    allowed = list(_model_at(loc[:-1]).__fields__)
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(allowed)}"
    return f"unknown field '{name}' ({hint})"


def _model_at(loc: list) -> type[BaseModel]:
    """The schema model that holds the field at `loc` (list indices and dict keys are skipped)."""
    model: type[BaseModel] = Persona
    for part in loc:
        field = model.__fields__.get(part) if isinstance(part, str) else None
        if (
            field is not None
            and isinstance(field.type_, type)
            and issubclass(field.type_, BaseModel)
        ):
            model = field.type_
    return model


def _value_at(data: Any, loc: list) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _read_settings(folder: Path) -> tuple[dict[str, Any], list[PersonaError]]:
    file = folder / LIBRARY_FILE
    if not file.exists():
        return {}, []
    data, error = _read_yaml(file)
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


def _phrasing_lists(persona: Persona) -> list[tuple[str, Phrasings | None]]:
    """(dotted field, Phrasings) for every list of phrasings in the persona (None: left out)."""
    found = [
        (f"replies.{name}", getattr(persona.replies, name)) for name in persona.replies.__fields__
    ]
    for i, fact in enumerate(persona.facts):
        found.append((f"facts.{i}.replies", fact.replies))
    for i, need in enumerate(persona.needs):
        found.append((f"needs.{i}.reveal", need.reveal))
        found.append((f"needs.{i}.hint", need.hint))
    for i, objection in enumerate(persona.objections):
        found.append((f"objections.{i}.replies", objection.replies))
    return found


def _display_path(path: Path) -> str:
    """Relative to the working directory when possible, as a trainer would type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
