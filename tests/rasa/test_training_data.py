"""Fast checks on the Rasa training data and domain (no training).

The language of an NLU example is the folder it lives in: data/rasa/nlu/fr or data/rasa/nlu/en.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
RASA_DATA = ROOT / "data" / "rasa"
LANGS = ("fr", "en")
MIN_EXAMPLES_PER_LANG = 20
# The intent Rasa's FallbackClassifier predicts below its threshold: it needs a rule too.
FALLBACK_INTENT = "nlu_fallback"
SESSION_ACTIONS = {
    "start_roleplay": "action_start_roleplay",
    "goodbye": "action_end_session",
    "end_session": "action_end_session",
}
DEFAULT_ACTION = "action_prospect_reply"


def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def examples_per_intent(lang: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in sorted((RASA_DATA / "nlu" / lang).glob("*.yml")):
        for block in load_yaml(path)["nlu"]:
            if "intent" in block:
                lines = block["examples"].strip().splitlines()
                counts[block["intent"]] += sum(1 for line in lines if line.strip().startswith("- "))
    return counts


def rule_routes() -> dict[str, set[str]]:
    """Intent -> the actions the rules run right after it."""
    routes: dict[str, set[str]] = {}
    for rule in load_yaml(RASA_DATA / "rules.yml")["rules"]:
        pending: list[str] = []
        for step in rule["steps"]:
            if "intent" in step:
                pending = [step["intent"]]
            elif "or" in step:
                pending = [alternative["intent"] for alternative in step["or"]]
            elif "action" in step:
                for intent in pending:
                    routes.setdefault(intent, set()).add(step["action"])
                pending = []
    return routes


@pytest.fixture(scope="module")
def domain() -> dict:
    return load_yaml(ROOT / "domain.yml")


@pytest.mark.parametrize("lang", LANGS)
def test_every_intent_has_enough_examples_in_each_language(domain: dict, lang: str) -> None:
    counts = examples_per_intent(lang)
    too_few = {
        intent: counts[intent]
        for intent in domain["intents"]
        if counts[intent] < MIN_EXAMPLES_PER_LANG
    }
    assert not too_few, f"{lang} examples below {MIN_EXAMPLES_PER_LANG}: {too_few}"


def test_every_trained_intent_is_in_the_domain(domain: dict) -> None:
    trained = set().union(*(examples_per_intent(lang) for lang in LANGS))
    assert trained <= set(domain["intents"]), trained - set(domain["intents"])


def test_every_intent_has_a_rule(domain: dict) -> None:
    missing = set(domain["intents"]) | {FALLBACK_INTENT}
    missing -= set(rule_routes())
    assert not missing, f"intents without a rule: {sorted(missing)}"


def test_rules_only_name_actions_in_the_domain(domain: dict) -> None:
    used = set().union(*rule_routes().values())
    assert used <= set(domain["actions"]), used - set(domain["actions"])


def test_each_intent_runs_exactly_its_action() -> None:
    for intent, actions in rule_routes().items():
        assert actions == {SESSION_ACTIONS.get(intent, DEFAULT_ACTION)}, intent


def test_slots_never_steer_the_dialogue(domain: dict) -> None:
    steering = [name for name, slot in domain["slots"].items() if slot["influence_conversation"]]
    assert not steering


def test_rasa_validates_the_data_without_warnings() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--fail-on-warnings"]
        + ["--data", str(RASA_DATA), "--domain", str(ROOT / "domain.yml")]
        + ["--config", str(ROOT / "config.yml")],
        cwd=ROOT,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    # Rasa 3.6 exits 0 on some warnings even with --fail-on-warnings (e.g. an unused intent).
    warnings = [line for line in output.splitlines() if "UserWarning" in line]
    assert not warnings, "\n".join(warnings)
