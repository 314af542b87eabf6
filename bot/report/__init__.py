"""Session scorecards: numbers, three coaching tips and a simulated outcome, in JSON or Markdown."""

from bot.report.markdown import render_markdown
from bot.report.scorecard import build_scorecard
from bot.store.errors import UnknownSession

__all__ = ["UnknownSession", "build_scorecard", "render_markdown"]
