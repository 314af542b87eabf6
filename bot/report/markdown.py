"""`render_markdown`: the scorecard for a person, in the session language."""

from __future__ import annotations

from bot.report.texts import coaching_texts

SPARKS = "▁▂▃▄▅▆▇█"
WHY_CUES = 3


def render_markdown(card: dict) -> str:
    labels = coaching_texts(card["language"])["labels"]
    sections = [
        _header(card, labels),
        _discovery(card, labels),
        f"## {labels['trust_heading']}\n\n{_trust_line(card['trust'])}",
        _needs(card, labels),
        _asked(card, labels),
        _tips(card, labels),
        f"## {labels['outcome_heading']}\n\n> {card['outcome']}",
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


def sparkline(values: list[float]) -> str:
    """Trust values (0-100) as one block character each."""
    top = len(SPARKS) - 1
    return "".join(SPARKS[min(top, max(0, int(v / 100 * len(SPARKS))))] for v in values)


def _header(card: dict, labels: dict) -> str:
    ended = _when(card["ended_at"]) if card["ended_at"] else labels["in_progress"]
    if card.get("end_reason"):
        ended += " " + labels["end_reason"].format(reason=card["end_reason"])
    return "\n".join(
        [
            f"# {labels['title']} — {card['persona']['name']}",
            "",
            f"_{labels['simulation_note']}_",
            "",
            f"- **{labels['session']}**: `{card['session_id']}` · "
            f"**{labels['conversation']}**: `{card['conversation_id']}`",
            f"- **{labels['started']}**: {_when(card['started_at'])} · "
            f"**{labels['ended']}**: {ended}",
        ]
    )


def _discovery(card: dict, labels: dict) -> str:
    questions, refs = card["questions"], labels["references"]
    low, high = questions["band"]
    band_mark = labels["in_band" if questions["in_band"] else "out_of_band"]
    spin = " / ".join(str(n) for n in questions["spin"].values())
    reflections = card["reflections"]
    per_question = labels["per_question"].format(
        ratio=_decimal(reflections["ratio_to_questions"], labels)
    )
    rows = [
        (
            "questions",
            f"{questions['count']} {band_mark}",
            refs["questions"].format(low=low, high=high),
        ),
        ("open", _percent(questions["open_ratio"], labels), refs["open"]),
        ("curious", _percent(questions["curious_ratio"], labels), refs["curious"]),
        ("spin", spin, refs["spin"]),
        ("reflections", f"{reflections['count']} ({per_question})", refs["reflections"]),
        ("talk_share", _percent(card["talk_share"]["trainee_ratio"], labels), refs["talk_share"]),
        ("premature_questions", str(card["premature_questions"]), refs["premature_questions"]),
        ("offer", _offer(card["offer"], labels), refs["offer"]),
    ]
    table = [
        f"| {labels['indicator']} | {labels['value']} | {labels['reference']} |",
        "|---|---|---|",
        *(f"| {labels[key]} | {value} | {reference} |" for key, value, reference in rows),
    ]
    return f"## {labels['questions_heading']}\n\n" + "\n".join(table)


def _trust_line(trust: dict) -> str:
    points = [trust["start"], *trust["curve"]]
    return f"`{sparkline(points)}` {round(trust['start'])} → {round(trust['end'])}"


def _needs(card: dict, labels: dict) -> str:
    lines = []
    for need in card["needs"]:
        mark = "✅" if need["uncovered"] else "⬜"
        status = (
            labels["uncovered_at"].format(turn=need["turn"])
            if need["uncovered"]
            else labels["not_uncovered"]
        )
        lines.append(f"- {mark} **{labels[need['kind']]}** — {need['summary']} ({status})")
    return f"## {labels['needs_heading']}\n\n" + "\n".join(lines) if lines else ""


def _asked(card: dict, labels: dict) -> str:
    values = labels["values"]
    lines = []
    for number, question in enumerate(card["questions"]["items"], 1):
        tags = ", ".join(values[question[key]] for key in ("form", "focus", "spin"))
        if question["premature"]:
            tags += f", ⚠ {labels['premature_flag']}"
        quoted = labels["quote"].format(text=question["text"])
        lines.append(
            f"{number}. {labels['turn'].format(turn=question['turn'])} — {quoted} — {tags}"
        )
        if question["cues"]:
            # One cue per label at most: form, focus, then SPIN come first in the scorer's list.
            why = " · ".join(question["cues"][:WHY_CUES])
            lines.append(f"   {labels['why'].format(cues=why)}")
    return f"## {labels['your_questions_heading']}\n\n" + "\n".join(lines) if lines else ""


def _tips(card: dict, labels: dict) -> str:
    lines = [f"{n}. **{tip['title']}** — {tip['text']}" for n, tip in enumerate(card["tips"], 1)]
    return f"## {labels['tips_heading']}\n\n" + "\n".join(lines)


def _offer(offer: dict, labels: dict) -> str:
    if not offer["made"]:
        return labels["offer_none"]
    return labels["offer_premature" if offer["premature"] else "offer_made"].format(
        turn=offer["turn"]
    )


def _percent(ratio: float, labels: dict) -> str:
    return labels["percent"].format(value=round(ratio * 100))


def _decimal(value: float, labels: dict) -> str:
    return f"{value:.2f}".replace(".", labels["decimal_separator"])


def _when(iso: str) -> str:
    """'2024-06-01T09:30:12.5+00:00' -> '2024-06-01 09:30 UTC' (stored times are UTC)."""
    return f"{iso[:10]} {iso[11:16]} UTC"
