"""The figure type shared by every metric family."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Figure"]


@dataclass(frozen=True)
class Figure:
    """A named session figure and the utterance indices it rests on.

    ``value`` is a number, a mapping of role to number, or None when the
    session lacks what the figure needs (no times, no therapist questions).
    """

    name: str
    value: Any
    evidence: tuple[int, ...] = ()
    explanation: str = ""


def share(part: float, whole: float) -> float | None:
    """``part / whole``, or None when the whole is zero."""
    return part / whole if whole else None
