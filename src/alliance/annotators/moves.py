"""Therapist moves and client talk (placeholder until the trained models land)."""

from __future__ import annotations

from alliance.pipeline import Annotator


def move_annotators() -> list[Annotator]:
    """The annotators for therapist moves and client talk."""
    return []
