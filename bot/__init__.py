"""Curieux: practise sales discovery on a simulated prospect."""

__version__ = "0.1.0"
