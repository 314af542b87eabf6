"""The persona file format (data/personas/*.yml). See docs/personas.md for authoring.

Every piece of text a prospect can say is a list of alternative phrasings per language, so the
simulation can vary its wording and never repeat itself within a session.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Extra, Field, conint, root_validator, validator

LANGS = ("fr", "en")


class Phrasings(BaseModel):
    """Alternative phrasings, per language. Both languages are required."""

    fr: list[str] = Field(..., min_items=1)
    en: list[str] = Field(..., min_items=1)

    class Config:
        extra = Extra.forbid

    @validator("fr", "en", each_item=True)
    def not_blank(cls, value: str) -> str:
        if not value or not value.strip():
            raise ValueError("a phrasing is empty")
        return value.strip()

    def get(self, lang: str) -> list[str]:
        return getattr(self, lang)


class Text(BaseModel):
    """One piece of descriptive text, per language."""

    fr: str = Field(..., min_length=1)
    en: str = Field(..., min_length=1)

    class Config:
        extra = Extra.forbid

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class Keywords(BaseModel):
    """Words or word stems (lower case, accents optional) that point a question at a topic."""

    fr: list[str] = Field(..., min_items=1)
    en: list[str] = Field(..., min_items=1)

    class Config:
        extra = Extra.forbid

    def get(self, lang: str) -> list[str]:
        return getattr(self, lang)


class Company(BaseModel):
    name: str
    industry: Text
    size: Text

    class Config:
        extra = Extra.forbid


class TrustSettings(BaseModel):
    start: conint(ge=0, le=100) = 40
    # Multiplier on every trust change: a sceptical buyer moves less (e.g. 0.7).
    sensitivity: float = Field(1.0, gt=0, le=3)
    # A busy persona ends the meeting after this many pushy/premature turns (None: never).
    patience: conint(ge=1) | None = None

    class Config:
        extra = Extra.forbid


class Fact(BaseModel):
    """A situation fact, given freely to any relevant question."""

    id: str
    topics: Keywords
    replies: Phrasings

    class Config:
        extra = Extra.forbid


class Need(BaseModel):
    """A need the prospect has. Conscious needs are known to them; latent ones are not."""

    id: str
    kind: Literal["conscious", "latent"]
    summary: Text  # the trainer's description, shown in reports
    # Trust needed before the prospect will talk about it.
    min_trust: conint(ge=0, le=100)
    topics: Keywords
    # Question types that can bring it out (latent needs usually need implication/need_payoff).
    spin: list[Literal["situation", "problem", "implication", "need_payoff"]] = Field(
        ..., min_items=1
    )
    # Said when the need comes out.
    reveal: Phrasings
    # Said when the question is on topic but trust is too low: a hint that there is more.
    hint: Phrasings | None = None

    class Config:
        extra = Extra.forbid


class Objection(BaseModel):
    id: str
    topics: Keywords
    replies: Phrasings

    class Config:
        extra = Extra.forbid


class Replies(BaseModel):
    """The prospect's stock reactions, per situation."""

    opening: Phrasings  # first words when the role-play starts
    closed_short: Phrasings  # short guarded answer to a closed question
    vague: Phrasings  # answer to an open question that touches nothing specific
    premature: Phrasings  # reaction to budget/timing/decision/quote asked before any need
    pitch: Phrasings  # reaction to a product pitch
    quote_chase: Phrasings  # reaction to "have you read our proposal?"
    reflection: Phrasings  # reaction to a good reflection (feels heard)
    greeting: Phrasings
    small_talk: Phrasings
    prospect_questions: Phrasings  # questions the prospect asks back now and then
    ending_good: Phrasings
    ending_neutral: Phrasings
    ending_bad: Phrasings
    walk_out: Phrasings  # a busy prospect ends the meeting after too much pushing
    # An open implication or need-payoff question that brings out no need: the buyer has not
    # thought about it (yet). Optional: `vague` is said instead.
    unexplored: Phrasings | None = None

    class Config:
        extra = Extra.forbid


class Persona(BaseModel):
    id: str = Field(..., regex=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    role: Text
    company: Company
    difficulty: Literal["friendly", "busy", "guarded", "sceptical", "technical"]
    summary: Text
    personality: Text
    mood: Text
    scenario: Text  # the set-up given to the trainee (first meeting, follow-up on a quote...)
    languages: list[Literal["fr", "en"]] = Field(default_factory=lambda: list(LANGS))
    trust: TrustSettings = TrustSettings()
    facts: list[Fact] = Field(..., min_items=1)
    needs: list[Need] = Field(..., min_items=2)
    objections: list[Objection] = Field(default_factory=list)
    replies: Replies
    # Optional: free extra phrasings used to avoid repeating in long sessions.
    extra: dict[str, Phrasings] = Field(default_factory=dict)

    class Config:
        extra = Extra.forbid

    @root_validator(skip_on_failure=True)
    def has_both_need_kinds(cls, values: dict) -> dict:
        kinds = {need.kind for need in values["needs"]}
        if kinds != {"conscious", "latent"}:
            raise ValueError("needs must include at least one conscious and one latent need")
        ids = [need.id for need in values["needs"]]
        if len(ids) != len(set(ids)):
            raise ValueError("need ids must be unique")
        return values

    def needs_of(self, kind: str) -> list[Need]:
        return [need for need in self.needs if need.kind == kind]
