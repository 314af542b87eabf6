"""The persona library: who the trainee talks to. See docs/personas.md."""

from bot.personas.loader import (
    PersonaError,
    UnknownPersona,
    default_persona_id,
    get_persona,
    load_personas,
    validate_paths,
)
from bot.personas.schema import Persona

__all__ = [
    "Persona",
    "PersonaError",
    "UnknownPersona",
    "default_persona_id",
    "get_persona",
    "load_personas",
    "validate_paths",
]
