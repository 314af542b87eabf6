"""Choosing what the prospect says without ever saying the same sentence twice in a session."""

from __future__ import annotations

import hashlib
import random

from bot.simulation.settings import messages


def _key(sentence: str) -> str:
    return hashlib.sha1(sentence.strip().lower().encode("utf-8")).hexdigest()[:12]


def rng_for(state: dict, purpose: str) -> random.Random:
    """A deterministic random source per session, turn and purpose: replays give the same text."""
    return random.Random(f"{state['seed']}:{state['turn']}:{purpose}")


def pick(options: list[str], state: dict, purpose: str) -> str:
    """One of `options` not yet said in this session, recorded as said."""
    said = state.setdefault("said", [])
    rng = rng_for(state, purpose)
    fresh = [option for option in options if _key(option) not in said]
    if fresh:
        choice = rng.choice(fresh)
    else:
        # Every phrasing was said: rephrase with an opener rather than repeat verbatim.
        variants = [
            opener + option[:1].lower() + option[1:]
            for opener in messages(state["lang"])["again"]
            for option in options
        ]
        unused = [variant for variant in variants if _key(variant) not in said]
        choice = rng.choice(unused or variants)
    said.append(_key(choice))
    return choice
