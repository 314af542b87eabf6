"""The short live note a trainee sees after each message (they can switch it off)."""

from __future__ import annotations

from bot.personas.schema import Need
from bot.scoring.types import MessageScore, QuestionScore
from bot.simulation.settings import messages
from bot.simulation.trust import TrustChange


def _signed(delta: float) -> str:
    return f"{delta:+.0f}"


def _question_note(question: QuestionScore, words: dict, delta: float, premature: bool) -> str:
    labels = words["labels"]
    spin = ""
    if question.focus == "curious" and question.spin != "none":
        spin = words["spin_part"].format(spin=labels[question.spin])
    cue = "; ".join(question.cues[:2]) or question.text
    note = words["question_note"].format(
        form=labels[question.form],
        focus=labels[question.focus],
        spin=spin,
        cue=cue,
        delta=_signed(delta),
    )
    note = note[:1].upper() + note[1:]
    if premature:
        advice = words["advice"]["premature"]
    elif question.focus == "opportunistic":
        advice = words["advice"][f"{question.form}_opportunistic"]
    elif question.form == "closed":
        advice = words["advice"]["closed_curious"]
    else:
        advice = words["advice"].get(question.spin, "")
    return f"{note} {advice}".strip()


def coaching_note(
    score: MessageScore,
    lang: str,
    change: TrustChange,
    delta: float,
    revealed: list[Need],
    *,
    chase: bool,
    offer: bool,
    walked_out: bool,
) -> str:
    words = messages(lang)
    if chase:
        note = words["chase_note"].format(delta=_signed(delta))
    elif offer:
        key = "offer_note" if change.premature else "offer_ok_note"
        note = words[key].format(delta=_signed(delta))
    elif score.questions:
        worst_first = sorted(
            score.questions, key=lambda q: (q.focus == "curious", q.form == "open")
        )
        note = _question_note(worst_first[0], words, delta, change.premature)
    elif score.reflection or score.kind == "reflection":
        note = words["reflection_note"].format(delta=_signed(delta))
    elif score.pitch or score.kind == "pitch":
        note = words["pitch_note"].format(delta=_signed(delta))
    elif score.kind == "greeting":
        note = words["greeting_note"].format(delta=_signed(delta))
    else:
        note = words["statement_note"].format(delta=_signed(delta))
    for need in revealed:
        note += " " + words["need_note"].format(
            kind=words["need_kinds"][need.kind], summary=need.summary.get(lang)
        )
    if walked_out:
        note += " " + words["walked_out_note"]
    return words["coach_prefix"] + note
