"""Relationship talk, flags, ruptures and focus (placeholder until the annotators land)."""

from __future__ import annotations

from alliance.pipeline import Annotator


def relational_annotators() -> list[Annotator]:
    """The annotators for relationship talk, therapist flags, ruptures and focus."""
    return []
