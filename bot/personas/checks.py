"""Checking one persona file: every problem, in words a trainer can act on."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from bot.personas.schema import LANGS, Persona, Phrasings

LANG_NAMES = {"fr": "French", "en": "English"}


@dataclass(frozen=True)
class PersonaError:
    """One problem in one file. `field` is a dotted path (``needs.2.min_trust``) or empty."""

    file: Path
    field: str
    message: str

    def __str__(self) -> str:
        location = (
            f"{display_path(self.file)}: {self.field}" if self.field else display_path(self.file)
        )
        return f"{location}: {self.message}"


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


def read_persona_file(file: Path) -> tuple[Persona | None, list[PersonaError]]:
    """The persona in one file, or None and every reason it is invalid."""
    data, error = read_yaml(file)
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


def read_yaml(file: Path) -> tuple[Any, PersonaError | None]:
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


def display_path(path: Path) -> str:
    """Relative to the working directory when possible, as a trainer would type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
