"""Errors the product raises on bad input.

Every message names what was wrong and where: ``"notes.txt: file is empty"``.
"""
from __future__ import annotations


class TimelineError(ValueError):
    """Base class: a problem with the user's input or settings, never a bug."""


class ArticleError(TimelineError):
    """An input could not be read as articles; ``str(err)`` names the file and the problem."""

    def __init__(self, message: str, *, path: str | None = None):
        super().__init__(message)
        self.path = path


class SettingValidationError(TimelineError):
    """A setting has the wrong type or an impossible value."""
