"""The exception tree of alliance.

::

    AllianceError                 base of everything alliance raises on purpose
    ├── InputError                a transcript cannot be read (file, line, what was expected)
    │   ├── UnknownFormatError    no reader recognises the file
    │   └── RoleError             speaker roles cannot be settled
    ├── SessionError              a Session would be inconsistent (a bug or a bad reader)
    ├── PipelineError             annotators in an impossible order, or missing layers
    └── ModelError                a shipped model is missing or unusable

Messages name files, lines and utterance indices, never transcript text:
transcripts are health data and error messages end up in logs.
"""

from __future__ import annotations

__all__ = [
    "AllianceError",
    "InputError",
    "UnknownFormatError",
    "RoleError",
    "SessionError",
    "PipelineError",
    "ModelError",
]


class AllianceError(Exception):
    """Base of every error alliance raises on purpose."""


class InputError(AllianceError):
    """A transcript cannot be read.

    ``path`` and ``line`` (1-based) locate the problem; ``expected`` says what
    the reader wanted; ``hint`` says what the user can do about it.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        expected: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.expected = expected
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f", line {self.line}" if self.line else "") + ": "
        elif self.line:
            where = f"line {self.line}: "
        text = where + self.message
        if self.expected:
            text += f" (expected {self.expected})"
        if self.hint:
            text += f". {self.hint}"
        return text


class UnknownFormatError(InputError):
    """No reader recognises the file."""


class RoleError(InputError):
    """Speaker roles cannot be settled with confidence."""


class SessionError(AllianceError):
    """A Session would be inconsistent."""


class PipelineError(AllianceError):
    """Annotators are in an impossible order, or a required layer is missing."""


class ModelError(AllianceError):
    """A shipped model is missing or unusable."""
