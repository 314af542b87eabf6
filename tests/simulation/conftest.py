from pathlib import Path

import pytest
import yaml

from bot.personas.schema import Persona
from bot.scoring.types import MessageScore, QuestionScore
from bot.simulation.engine import new_state

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "personas" / "test-bakery.yml"


@pytest.fixture
def persona() -> Persona:
    return Persona.parse_obj(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))


@pytest.fixture
def state(persona):
    return new_state(persona, "en", seed="fixed")


def question(text, form="open", focus="curious", spin="situation", topics=()):
    return QuestionScore(
        text=text, form=form, focus=focus, spin=spin, topics=list(topics), cues=[f"cue for {text}"]
    )


def message(*questions, kind=None, text=None, **flags):
    return MessageScore(
        text=text or " ".join(q.text for q in questions),
        lang="en",
        kind=kind or ("question" if questions else "statement"),
        questions=list(questions),
        **flags,
    )
